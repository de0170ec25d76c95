package dev.ferry.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What to do so that every source security group has a copy in the target VPC: which groups to
 * create, which copies to reuse, which rules to add or take away, and what differs and is only
 * reported. Pure: it reads the groups it is given and calls nothing.
 *
 * <p>It is planned in two rounds. While some source group has no copy yet, the plan only lists
 * the groups to create (rules referencing other groups cannot be remapped before those exist);
 * once every copy exists, it plans the rules:
 * <ul>
 *   <li>a rule whose peer is another source group gets that group's copy as its peer;</li>
 *   <li>a rule whose peer is a group outside the set (another VPC, another account, gone) or a
 *       prefix list (an ID of the source region) is reported in {@link #outsideReferences()},
 *       never guessed;</li>
 *   <li>a copy Ferry has not finished (no {@code ferry:rules=complete} tag: it was interrupted
 *       while being made) gets its missing rules, and loses the all-traffic egress rule that EC2
 *       puts in every new group when the source has none;</li>
 *   <li>on a finished copy nothing is changed: every missing, extra or differently described
 *       rule is reported in {@link #differences()}, since a person may have made it so.</li>
 * </ul>
 * A rerun over finished copies that match their sources plans nothing.
 *
 * @param toCreate          the copies to create
 * @param targetBySource    the copy of each source group that already exists, by source group ID
 * @param toAuthorize       rules to add, with target-region peers
 * @param toRevoke          rules to take away from unfinished copies
 * @param toMarkComplete    unfinished copies to tag complete once their rules are in place
 * @param differences       what differs between finished copies and their sources
 * @param outsideReferences rules that cannot be copied, with the reason
 */
public record SecurityGroupPlan(List<GroupToCreate> toCreate, Map<String, String> targetBySource,
                                List<RuleChange> toAuthorize, List<RuleChange> toRevoke,
                                List<String> toMarkComplete, List<RuleDifference> differences,
                                List<OutsideReference> outsideReferences) {

    /** EC2's limit on a security group name. */
    static final int MAX_NAME_LENGTH = 255;

    public SecurityGroupPlan {
        toCreate = List.copyOf(toCreate);
        targetBySource = Collections.unmodifiableMap(new LinkedHashMap<>(targetBySource));
        toAuthorize = List.copyOf(toAuthorize);
        toRevoke = List.copyOf(toRevoke);
        toMarkComplete = List.copyOf(toMarkComplete);
        differences = List.copyOf(differences);
        outsideReferences = List.copyOf(outsideReferences);
    }

    /**
     * Plans the copies of {@code sourceGroups}.
     *
     * @param sourceGroups the source groups: an instance's groups and the groups their rules
     *                     reference, within the source VPC
     * @param ferryTargets the groups of the target VPC tagged {@value FerryTags#SOURCE_GROUP}
     * @param waveId       the wave, written on the groups it creates
     */
    public static SecurityGroupPlan of(Collection<SecurityGroup> sourceGroups, Collection<SecurityGroup> ferryTargets,
                                       String waveId) {
        Map<String, SecurityGroup> sources = new TreeMap<>();
        sourceGroups.forEach(group -> sources.put(group.groupId(), group));
        Map<String, SecurityGroup> targets = copiesBySource(sources, ferryTargets);
        Map<String, String> targetBySource = new LinkedHashMap<>();
        targets.forEach((sourceId, target) -> targetBySource.put(sourceId, target.groupId()));

        List<OutsideReference> outside = new ArrayList<>();
        sources.values().forEach(source -> outside.addAll(outsideReferences(source, sources)));

        List<GroupToCreate> toCreate = sources.values().stream()
                .filter(source -> !targets.containsKey(source.groupId()))
                .map(source -> GroupToCreate.copyOf(source, waveId))
                .toList();
        if (!toCreate.isEmpty()) {
            return new SecurityGroupPlan(toCreate, targetBySource, List.of(), List.of(), List.of(), List.of(), outside);
        }

        RulePlanner rules = new RulePlanner(targetBySource);
        sources.values().forEach(source -> rules.plan(source, targets.get(source.groupId())));
        return new SecurityGroupPlan(List.of(), targetBySource, rules.toAuthorize, rules.toRevoke,
                rules.toMarkComplete, rules.differences, outside);
    }

    /** Whether nothing is to be created, added, taken away or tagged. */
    public boolean changesNothing() {
        return toCreate.isEmpty() && toAuthorize.isEmpty() && toRevoke.isEmpty() && toMarkComplete.isEmpty();
    }

    /** The copy of each source group among Ferry's groups; the lowest ID wins if two were made. */
    private static Map<String, SecurityGroup> copiesBySource(Map<String, SecurityGroup> sources,
                                                             Collection<SecurityGroup> ferryTargets) {
        Map<String, SecurityGroup> copies = new TreeMap<>();
        ferryTargets.stream()
                .sorted(Comparator.comparing(SecurityGroup::groupId))
                .forEach(target -> {
                    String sourceId = target.tag(FerryTags.SOURCE_GROUP);
                    if (sourceId != null && sources.containsKey(sourceId)) {
                        copies.putIfAbsent(sourceId, target);
                    }
                });
        return copies;
    }

    private static List<OutsideReference> outsideReferences(SecurityGroup source, Map<String, SecurityGroup> sources) {
        List<OutsideReference> outside = new ArrayList<>();
        for (RuleDirection direction : RuleDirection.values()) {
            for (SecurityGroupRule rule : source.rules(direction)) {
                outsideReason(rule.peer(), sources).ifPresent(reason ->
                        outside.add(new OutsideReference(source.groupId(), direction, rule, reason)));
            }
        }
        return outside;
    }

    private static Optional<String> outsideReason(RulePeer peer, Map<String, SecurityGroup> sources) {
        return switch (peer) {
            case RulePeer.PrefixList list -> Optional.of("prefix list " + list.prefixListId()
                    + " belongs to the source region; name a target-region prefix list in the group by hand");
            case RulePeer.GroupReference group when !sources.containsKey(group.groupId()) -> Optional.of("group "
                    + group.groupId() + " is outside the source VPC or no longer exists, so it has no copy");
            default -> Optional.empty();
        };
    }

    /** Plans the rules of every copy once all copies exist. */
    private static final class RulePlanner {

        private final Map<String, String> targetBySource;
        private final List<RuleChange> toAuthorize = new ArrayList<>();
        private final List<RuleChange> toRevoke = new ArrayList<>();
        private final List<String> toMarkComplete = new ArrayList<>();
        private final List<RuleDifference> differences = new ArrayList<>();

        RulePlanner(Map<String, String> targetBySource) {
            this.targetBySource = targetBySource;
        }

        void plan(SecurityGroup source, SecurityGroup target) {
            boolean finished = FerryTags.RULES_COMPLETE.equals(target.tag(FerryTags.RULES));
            for (RuleDirection direction : RuleDirection.values()) {
                List<SecurityGroupRule> expected = remapped(source.rules(direction));
                List<SecurityGroupRule> actual = target.rules(direction);
                for (SecurityGroupRule wanted : expected) {
                    Optional<SecurityGroupRule> present = actual.stream().filter(wanted::allowsSameAs).findFirst();
                    if (present.isEmpty()) {
                        if (finished) {
                            differences.add(difference(source, target, direction, RuleDifference.Kind.MISSING_IN_TARGET, wanted));
                        } else {
                            toAuthorize.add(new RuleChange(target.groupId(), direction, wanted));
                        }
                    } else if (!Objects.equals(present.get().description(), wanted.description())) {
                        differences.add(difference(source, target, direction, RuleDifference.Kind.DESCRIPTION_DIFFERS, wanted));
                    }
                }
                for (SecurityGroupRule found : actual) {
                    if (expected.stream().anyMatch(found::allowsSameAs)) {
                        continue;
                    }
                    if (!finished && direction == RuleDirection.EGRESS && found.isAllTrafficToAnywhere()) {
                        toRevoke.add(new RuleChange(target.groupId(), direction, found));
                    } else {
                        differences.add(difference(source, target, direction, RuleDifference.Kind.EXTRA_IN_TARGET, found));
                    }
                }
            }
            if (!finished) {
                toMarkComplete.add(target.groupId());
            }
        }

        /** The source's rules with target-region peers; rules that cannot be copied are left out. */
        private List<SecurityGroupRule> remapped(List<SecurityGroupRule> rules) {
            List<SecurityGroupRule> copies = new ArrayList<>();
            for (SecurityGroupRule rule : rules) {
                switch (rule.peer()) {
                    case RulePeer.GroupReference group when targetBySource.containsKey(group.groupId()) ->
                            copies.add(rule.withPeer(new RulePeer.GroupReference(targetBySource.get(group.groupId()))));
                    case RulePeer.GroupReference outsideGroup -> { }
                    case RulePeer.PrefixList regional -> { }
                    default -> copies.add(rule);
                }
            }
            return copies;
        }

        private static RuleDifference difference(SecurityGroup source, SecurityGroup target, RuleDirection direction,
                                                 RuleDifference.Kind kind, SecurityGroupRule rule) {
            return new RuleDifference(source.groupId(), target.groupId(), direction, kind, rule);
        }
    }

    /**
     * A copy to create in the target VPC.
     *
     * @param sourceGroupId the group it copies
     * @param name          its name: {@code ferry-<source ID>-<source name>}, so it never clashes
     *                      with a group of the target VPC (nor with the reserved name "default")
     * @param description   the source's description
     * @param tags          {@value FerryTags#SOURCE_GROUP}, {@value FerryTags#WAVE} and {@code Name}
     */
    public record GroupToCreate(String sourceGroupId, String name, String description, Map<String, String> tags) {

        public GroupToCreate {
            tags = Map.copyOf(tags);
        }

        static GroupToCreate copyOf(SecurityGroup source, String waveId) {
            String name = "ferry-" + source.groupId() + "-" + source.name();
            if (name.length() > MAX_NAME_LENGTH) {
                name = name.substring(0, MAX_NAME_LENGTH);
            }
            String description = source.description() == null || source.description().isBlank()
                    ? "Copy of " + source.groupId()
                    : source.description();
            return new GroupToCreate(source.groupId(), name, description, Map.of(
                    FerryTags.SOURCE_GROUP, source.groupId(),
                    FerryTags.WAVE, waveId,
                    "Name", source.name()));
        }
    }

    /**
     * A rule to add to or take away from a target group, with its target-region peer.
     *
     * @param targetGroupId the group changed
     * @param direction     ingress or egress
     * @param rule          the rule
     */
    public record RuleChange(String targetGroupId, RuleDirection direction, SecurityGroupRule rule) {
    }

    /**
     * A rule that differs between a finished copy and its source. Reported, never changed.
     *
     * @param sourceGroupId the source group
     * @param targetGroupId its copy
     * @param direction     ingress or egress
     * @param kind          what differs
     * @param rule          the rule, with target-region peers: the source's rule for a missing
     *                      rule or a different description, the copy's rule for an extra one
     */
    public record RuleDifference(String sourceGroupId, String targetGroupId, RuleDirection direction, Kind kind,
                                 SecurityGroupRule rule) {

        /** What differs. */
        public enum Kind {
            MISSING_IN_TARGET,
            EXTRA_IN_TARGET,
            DESCRIPTION_DIFFERS
        }

        /** The difference in a sentence, for reports. */
        public String text() {
            String copy = targetGroupId + " (copy of " + sourceGroupId + ")";
            String ruleText = direction.name().toLowerCase(Locale.ROOT) + " " + rule.text(direction);
            return switch (kind) {
                case MISSING_IN_TARGET -> copy + " lacks " + ruleText;
                case EXTRA_IN_TARGET -> copy + " has " + ruleText + ", which the source has not";
                case DESCRIPTION_DIFFERS -> copy + " describes " + ruleText + " differently from the source";
            };
        }
    }

    /**
     * A source rule that cannot be copied.
     *
     * @param sourceGroupId the source group holding it
     * @param direction     ingress or egress
     * @param rule          the source rule
     * @param reason        why, in words a person can act on
     */
    public record OutsideReference(String sourceGroupId, RuleDirection direction, SecurityGroupRule rule,
                                   String reason) {

        /** The rule and the reason, for reports. */
        public String text() {
            return sourceGroupId + " " + direction.name().toLowerCase(Locale.ROOT) + " "
                    + rule.text(direction) + " not copied: " + reason;
        }
    }
}
