package dev.ferry.network;

import dev.ferry.network.SecurityGroupPlan.RuleChange;
import dev.ferry.network.SecurityGroupPlan.RuleDifference;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.ferry.network.RuleDirection.EGRESS;
import static dev.ferry.network.RuleDirection.INGRESS;
import static org.assertj.core.api.Assertions.assertThat;

class SecurityGroupPlanTest {

    private static final SecurityGroupRule ANYWHERE_OUT = SecurityGroupRule.allTraffic(new RulePeer.Ipv4Range("0.0.0.0/0"));
    private static final SecurityGroupRule HTTPS_IN = tcp(443, new RulePeer.Ipv4Range("0.0.0.0/0"), "https");

    @Test
    void groupsWithoutACopyAreCreatedBeforeAnyRuleIsPlanned() {
        SecurityGroup web = source("sg-web", "web", List.of(tcp(8080, group("sg-db"), null)), List.of(ANYWHERE_OUT));
        SecurityGroup db = source("sg-db", "db", List.of(tcp(5432, group("sg-web"), null)), List.of());

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(web, db), List.of(), "w-1");

        assertThat(plan.toCreate()).extracting(SecurityGroupPlan.GroupToCreate::sourceGroupId)
                .containsExactly("sg-db", "sg-web");
        assertThat(plan.toAuthorize()).isEmpty();
        assertThat(plan.toRevoke()).isEmpty();
        assertThat(plan.toMarkComplete()).isEmpty();
    }

    @Test
    void aCopyIsNamedAfterItsSourceAndTaggedWithItsSourceAndWave() {
        SecurityGroup web = source("sg-web", "web", List.of(), List.of());

        SecurityGroupPlan.GroupToCreate copy = SecurityGroupPlan.of(List.of(web), List.of(), "w-1").toCreate().getFirst();

        assertThat(copy.name()).isEqualTo("ferry-sg-web-web");
        assertThat(copy.description()).isEqualTo("web servers");
        assertThat(copy.tags()).containsExactlyInAnyOrderEntriesOf(Map.of(
                FerryTags.SOURCE_GROUP, "sg-web", FerryTags.WAVE, "w-1", "Name", "web"));
    }

    @Test
    void aLongSourceNameIsCutToTheLengthEc2Allows() {
        SecurityGroup web = source("sg-web", "w".repeat(300), List.of(), List.of());

        SecurityGroupPlan.GroupToCreate copy = SecurityGroupPlan.of(List.of(web), List.of(), "w-1").toCreate().getFirst();

        assertThat(copy.name()).hasSize(SecurityGroupPlan.MAX_NAME_LENGTH).startsWith("ferry-sg-web-w");
    }

    @Test
    void rulesReferencingSourceGroupsNameTheirCopies() {
        SecurityGroup web = source("sg-web", "web", List.of(HTTPS_IN), List.of(tcp(5432, group("sg-db"), "to db")));
        SecurityGroup db = source("sg-db", "db", List.of(tcp(5432, group("sg-web"), "from web")), List.of(ANYWHERE_OUT));

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(web, db),
                List.of(newCopy("sg-web", "sg-web-copy"), newCopy("sg-db", "sg-db-copy")), "w-1");

        assertThat(plan.toAuthorize()).containsExactlyInAnyOrder(
                new RuleChange("sg-web-copy", INGRESS, HTTPS_IN),
                new RuleChange("sg-web-copy", EGRESS, tcp(5432, group("sg-db-copy"), "to db")),
                new RuleChange("sg-db-copy", INGRESS, tcp(5432, group("sg-web-copy"), "from web")));
    }

    @Test
    void aGroupReferencingItselfIsRemappedToItsOwnCopy() {
        SecurityGroup cluster = source("sg-cluster", "cluster", List.of(SecurityGroupRule.allTraffic(group("sg-cluster"))),
                List.of(ANYWHERE_OUT));

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(cluster), List.of(newCopy("sg-cluster", "sg-copy")), "w-1");

        assertThat(plan.toAuthorize()).containsExactly(
                new RuleChange("sg-copy", INGRESS, SecurityGroupRule.allTraffic(group("sg-copy"))));
    }

    @Test
    void theEgressRuleEc2GivesANewCopyIsRevokedWhenTheSourceLetsNothingOut() {
        SecurityGroup db = source("sg-db", "db", List.of(), List.of());

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(db), List.of(newCopy("sg-db", "sg-db-copy")), "w-1");

        assertThat(plan.toRevoke()).containsExactly(new RuleChange("sg-db-copy", EGRESS, ANYWHERE_OUT));
        assertThat(plan.differences()).isEmpty();
    }

    @Test
    void theEgressRuleEc2GivesANewCopyIsKeptWhenTheSourceHasItToo() {
        SecurityGroup web = source("sg-web", "web", List.of(), List.of(ANYWHERE_OUT));

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(web), List.of(newCopy("sg-web", "sg-web-copy")), "w-1");

        assertThat(plan.toRevoke()).isEmpty();
        assertThat(plan.toAuthorize()).isEmpty();
    }

    @Test
    void anUnfinishedCopyGetsOnlyItsMissingRulesAndIsThenMarkedComplete() {
        SecurityGroupRule ssh = tcp(22, new RulePeer.Ipv4Range("10.0.0.0/8"), "ssh");
        SecurityGroup web = source("sg-web", "web", List.of(HTTPS_IN, ssh), List.of(ANYWHERE_OUT));
        SecurityGroup halfDone = copy("sg-web", "sg-web-copy", false, List.of(HTTPS_IN), List.of(ANYWHERE_OUT));

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(web), List.of(halfDone), "w-1");

        assertThat(plan.toAuthorize()).containsExactly(new RuleChange("sg-web-copy", INGRESS, ssh));
        assertThat(plan.toMarkComplete()).containsExactly("sg-web-copy");
    }

    @Test
    void aRerunOverFinishedCopiesThatMatchTheirSourcesPlansNothing() {
        SecurityGroup web = source("sg-web", "web", List.of(HTTPS_IN), List.of(tcp(5432, group("sg-db"), null)));
        SecurityGroup db = source("sg-db", "db", List.of(tcp(5432, group("sg-web"), null)), List.of());
        SecurityGroup webCopy = copy("sg-web", "sg-web-copy", true, List.of(HTTPS_IN),
                List.of(tcp(5432, group("sg-db-copy"), null)));
        SecurityGroup dbCopy = copy("sg-db", "sg-db-copy", true, List.of(tcp(5432, group("sg-web-copy"), null)), List.of());

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(web, db), List.of(webCopy, dbCopy), "w-1");

        assertThat(plan.changesNothing()).isTrue();
        assertThat(plan.differences()).isEmpty();
        assertThat(plan.targetBySource()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "sg-web", "sg-web-copy", "sg-db", "sg-db-copy"));
    }

    @Test
    void aRuleMissingFromAFinishedCopyIsReportedAndNotAdded() {
        SecurityGroup web = source("sg-web", "web", List.of(HTTPS_IN), List.of());
        SecurityGroup finished = copy("sg-web", "sg-web-copy", true, List.of(), List.of());

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(web), List.of(finished), "w-1");

        assertThat(plan.toAuthorize()).isEmpty();
        assertThat(plan.differences()).containsExactly(
                new RuleDifference("sg-web", "sg-web-copy", INGRESS, RuleDifference.Kind.MISSING_IN_TARGET, HTTPS_IN));
    }

    @Test
    void anExtraRuleOnAFinishedCopyIsReportedAndNotRevoked() {
        SecurityGroup db = source("sg-db", "db", List.of(), List.of());
        SecurityGroup finished = copy("sg-db", "sg-db-copy", true, List.of(), List.of(ANYWHERE_OUT));

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(db), List.of(finished), "w-1");

        assertThat(plan.toRevoke()).isEmpty();
        assertThat(plan.differences()).containsExactly(
                new RuleDifference("sg-db", "sg-db-copy", EGRESS, RuleDifference.Kind.EXTRA_IN_TARGET, ANYWHERE_OUT));
    }

    @Test
    void aRuleDescribedDifferentlyOnTheCopyIsReported() {
        SecurityGroup web = source("sg-web", "web", List.of(HTTPS_IN), List.of());
        SecurityGroup finished = copy("sg-web", "sg-web-copy", true,
                List.of(tcp(443, new RulePeer.Ipv4Range("0.0.0.0/0"), "edited by hand")), List.of());

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(web), List.of(finished), "w-1");

        assertThat(plan.differences()).extracting(RuleDifference::kind)
                .containsExactly(RuleDifference.Kind.DESCRIPTION_DIFFERS);
        assertThat(plan.changesNothing()).isTrue();
    }

    @Test
    void aRuleNamingAGroupOutsideTheSetIsReportedAndNeverGuessed() {
        SecurityGroupRule fromPeeredVpc = tcp(9100, group("sg-elsewhere"), "metrics");
        SecurityGroup web = source("sg-web", "web", List.of(fromPeeredVpc), List.of(ANYWHERE_OUT));

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(web), List.of(newCopy("sg-web", "sg-web-copy")), "w-1");

        assertThat(plan.toAuthorize()).isEmpty();
        assertThat(plan.outsideReferences()).singleElement().satisfies(outside -> {
            assertThat(outside.sourceGroupId()).isEqualTo("sg-web");
            assertThat(outside.rule()).isEqualTo(fromPeeredVpc);
            assertThat(outside.reason()).contains("sg-elsewhere");
        });
    }

    @Test
    void aRuleNamingAPrefixListIsReportedBecausePrefixListsAreRegional() {
        SecurityGroup web = source("sg-web", "web", List.of(), List.of(tcp(443, new RulePeer.PrefixList("pl-63a5400a"), null)));

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(web), List.of(newCopy("sg-web", "sg-web-copy")), "w-1");

        assertThat(plan.toAuthorize()).isEmpty();
        assertThat(plan.outsideReferences()).singleElement()
                .satisfies(outside -> assertThat(outside.reason()).contains("pl-63a5400a", "source region"));
    }

    @Test
    void aCopyMadeByAnotherWaveIsReused() {
        SecurityGroup web = source("sg-web", "web", List.of(), List.of(ANYWHERE_OUT));
        SecurityGroup earlierWave = copy("sg-web", "sg-web-copy", true, List.of(), List.of(ANYWHERE_OUT));

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(web), List.of(earlierWave), "w-2");

        assertThat(plan.toCreate()).isEmpty();
        assertThat(plan.targetBySource()).containsEntry("sg-web", "sg-web-copy");
    }

    @Test
    void whenTwoCopiesOfAGroupExistTheLowestIdIsUsed() {
        SecurityGroup web = source("sg-web", "web", List.of(), List.of(ANYWHERE_OUT));

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(web), List.of(
                copy("sg-web", "sg-0b", true, List.of(), List.of(ANYWHERE_OUT)),
                copy("sg-web", "sg-0a", true, List.of(), List.of(ANYWHERE_OUT))), "w-1");

        assertThat(plan.targetBySource()).containsEntry("sg-web", "sg-0a");
    }

    @Test
    void groupsTaggedForOtherSourcesAreIgnored() {
        SecurityGroup web = source("sg-web", "web", List.of(), List.of());

        SecurityGroupPlan plan = SecurityGroupPlan.of(List.of(web),
                List.of(copy("sg-other", "sg-other-copy", true, List.of(), List.of())), "w-1");

        assertThat(plan.toCreate()).extracting(SecurityGroupPlan.GroupToCreate::sourceGroupId).containsExactly("sg-web");
    }

    @Test
    void aDifferenceReadsAsASentenceNamingBothGroups() {
        RuleDifference missing = new RuleDifference("sg-web", "sg-web-copy", INGRESS,
                RuleDifference.Kind.MISSING_IN_TARGET, HTTPS_IN);

        assertThat(missing.text()).isEqualTo("sg-web-copy (copy of sg-web) lacks ingress tcp 443 from 0.0.0.0/0");
    }

    private static SecurityGroupRule tcp(int port, RulePeer peer, String description) {
        return new SecurityGroupRule("tcp", port, port, peer, description);
    }

    private static RulePeer group(String groupId) {
        return new RulePeer.GroupReference(groupId);
    }

    private static SecurityGroup source(String id, String name, List<SecurityGroupRule> ingress,
                                        List<SecurityGroupRule> egress) {
        return new SecurityGroup(id, name, name + " servers", "vpc-source", Map.of(), ingress, egress);
    }

    /** A copy EC2 has just made: tagged with its source, unfinished, with EC2's egress rule. */
    private static SecurityGroup newCopy(String sourceId, String id) {
        return copy(sourceId, id, false, List.of(), List.of(ANYWHERE_OUT));
    }

    private static SecurityGroup copy(String sourceId, String id, boolean finished, List<SecurityGroupRule> ingress,
                                      List<SecurityGroupRule> egress) {
        Map<String, String> tags = new HashMap<>(Map.of(FerryTags.SOURCE_GROUP, sourceId, FerryTags.WAVE, "w-1"));
        if (finished) {
            tags.put(FerryTags.RULES, FerryTags.RULES_COMPLETE);
        }
        return new SecurityGroup(id, "ferry-" + sourceId, "copy", "vpc-target", tags, ingress, egress);
    }
}
