package dev.ferry.wave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.json.Json;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.ValidationSettings.Address;
import dev.ferry.wave.ValidationSettings.HttpCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaveDefinitionParserTest {

    private static final String SERVER_ID = "s-13a5b49c3810fa449";

    @Test
    void aMinimalWaveGetsTheDocumentedDefaults() {
        WaveDefinition wave = WaveDefinitionParser.parse(minimalWave());

        assertThat(wave.timeLimits()).isEqualTo(new TimeLimits(Duration.ofHours(72), Duration.ofMinutes(60),
                Duration.ofHours(24), Duration.ofMinutes(30), Duration.ofMinutes(60)));
        assertThat(wave.policies()).isEqualTo(new Policies(OnServerFailure.CONTINUE, false, true, false));
        assertThat(wave.validation()).isEqualTo(new ValidationSettings(true, List.of(), List.of(), 15));
        assertThat(wave.launch()).isEqualTo(LaunchSettings.none());
        assertThat(wave.replication()).isEqualTo(new ReplicationSettings(null, null, null, null, null, null, null));
        assertThat(wave.sourceRegion()).isNull();
    }

    @Test
    void aMinimalWaveKeepsItsServerAndApprover() {
        WaveDefinition wave = WaveDefinitionParser.parse(minimalWave());

        assertThat(wave.servers()).containsExactly(new ServerSpec(SERVER_ID, null, null, null));
        assertThat(wave.approvers()).containsExactly("ops@example.com");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRefused() {
        assertThat(problemsOf(Json.mapper().createArrayNode()))
                .containsExactly("$: the wave definition must be a JSON object, not an array");
    }

    @Test
    void anUnknownFieldIsRefusedWithTheClosestKnownNameSuggested() {
        ObjectNode wave = minimalWave();
        wave.putObject("polices");

        assertThat(problemsOf(wave)).singleElement().asString()
                .startsWith("polices: unknown field (did you mean \"policies\"?); known fields: waveName, ");
    }

    @Test
    void anUnknownFieldFarFromEveryKnownNameIsRefusedWithTheKnownNames() {
        ObjectNode wave = minimalWave();
        wave.putObject("launch").put("userData", "#!/bin/sh");

        assertThat(problemsOf(wave)).containsExactly("launch.userData: unknown field; known fields: "
                + String.join(", ", LaunchSettingsParser.FIELDS));
    }

    @Test
    void aFieldSetToNullCountsAsAbsent() {
        ObjectNode wave = minimalWave();
        wave.putNull("launch");
        wave.putNull("sourceRegion");

        assertThat(WaveDefinitionParser.parse(wave).launch()).isEqualTo(LaunchSettings.none());
    }

    @Test
    void theMessageListsOneProblemPerLine() {
        ObjectNode wave = minimalWave();
        wave.remove("waveName");
        wave.put("targetRegion", "Frankfurt");

        assertThatThrownBy(() -> WaveDefinitionParser.parse(wave)).hasMessage("""
                waveName: is required
                targetRegion: "Frankfurt" is not an AWS region name (such as eu-central-1)""");
    }

    @Test
    void aWaveNameOfSixtyFiveCharactersIsRefused() {
        ObjectNode wave = minimalWave();
        wave.put("waveName", "w".repeat(65));

        assertThat(problemsOf(wave)).singleElement().asString().endsWith("must be 1 to 64 letters, digits, - or _");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-central-1", "us-gov-west-1", "ap-southeast-4", "il-central-1"})
    void awsRegionNamesAreAccepted(String region) {
        ObjectNode wave = minimalWave();
        wave.put("targetRegion", region);

        assertThat(WaveDefinitionParser.parse(wave).targetRegion()).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-central-1a", "EU-CENTRAL-1", "eucentral1", "eu-central"})
    void somethingThatIsNotARegionNameIsRefused(String region) {
        ObjectNode wave = minimalWave();
        wave.put("sourceRegion", region);

        assertThat(problemsOf(wave)).containsExactly(
                "sourceRegion: \"" + region + "\" is not an AWS region name (such as eu-central-1)");
    }

    @Test
    void aSourceServerIdMayHoldUpperCaseLetters() {
        ObjectNode wave = minimalWave();
        server(wave, 0).put("sourceServerId", "s-ABCDEFGHIJ1234567");

        assertThat(WaveDefinitionParser.parse(wave).servers().get(0).sourceServerId()).isEqualTo("s-ABCDEFGHIJ1234567");
    }

    @Test
    void aSourceServerIdOfSixteenCharactersIsRefused() {
        ObjectNode wave = minimalWave();
        server(wave, 0).put("sourceServerId", "s-13a5b49c3810fa44");

        assertThat(problemsOf(wave)).containsExactly("servers[0].sourceServerId: \"s-13a5b49c3810fa44\" is not an MGN "
                + "source server ID (s- followed by 17 letters or digits)");
    }

    @Test
    void anOldStyleEightDigitInstanceIdIsAccepted() {
        ObjectNode wave = byInstanceId("i-1a2b3c4d");

        assertThat(WaveDefinitionParser.parse(wave).servers().get(0).sourceInstanceId()).isEqualTo("i-1a2b3c4d");
    }

    @Test
    void aServerGivenByBothIdsKeepsBoth() {
        ObjectNode wave = byInstanceId("i-0a1b2c3d4e5f60718");
        server(wave, 0).put("sourceServerId", SERVER_ID);

        assertThat(WaveDefinitionParser.parse(wave).servers())
                .containsExactly(new ServerSpec(SERVER_ID, "i-0a1b2c3d4e5f60718", null, null));
    }

    @Test
    void anInstanceListedTwiceIsRefused() {
        ObjectNode wave = byInstanceId("i-0a1b2c3d4e5f60718");
        servers(wave).addObject().put("sourceInstanceId", "i-0a1b2c3d4e5f60718");

        assertThat(problemsOf(wave)).containsExactly("servers[1].sourceInstanceId: \"i-0a1b2c3d4e5f60718\" is listed "
                + "twice (first as servers[0].sourceInstanceId)");
    }

    @Test
    void aWaveWithoutInstanceIdsNeedsNoSourceRegion() {
        assertThat(WaveDefinitionParser.parse(minimalWave()).sourceRegion()).isNull();
    }

    @Test
    void aServerThatIsNotAnObjectIsRefused() {
        ObjectNode wave = minimalWave();
        servers(wave).add(SERVER_ID);

        assertThat(problemsOf(wave)).containsExactly(
                "servers[1]: must be an object, not a string (\"" + SERVER_ID + "\")");
    }

    @Test
    void aWaveOfAThousandServersIsAccepted() {
        ObjectNode wave = waveOf(1000);

        assertThat(WaveDefinitionParser.parse(wave).servers()).hasSize(1000);
    }

    @Test
    void aWaveOfMoreThanAThousandServersIsRefused() {
        ObjectNode wave = waveOf(1001);

        assertThat(problemsOf(wave)).containsExactly(
                "servers: lists 1001 servers; a wave holds at most 1000 (split it into several waves)");
    }

    @Test
    void aServerNameLongerThan128CharactersIsRefused() {
        ObjectNode wave = minimalWave();
        server(wave, 0).put("name", "n".repeat(129));

        assertThat(problemsOf(wave)).containsExactly("servers[0].name: must be 1 to 128 characters long");
    }

    @Test
    void aServerOverrideIsKeptAsTheServersLaunchSettings() {
        ObjectNode wave = minimalWave();
        server(wave, 0).putObject("launch").put("instanceType", "m7i-flex.large").put("copyPrivateIp", true);

        LaunchSettings launch = WaveDefinitionParser.parse(wave).servers().get(0).launch();

        assertThat(launch).isEqualTo(new LaunchSettings("m7i-flex.large", null, null, null, null, null, true, null, null,
                null));
    }

    @Test
    void aServerMayPickItsOwnInstanceTypeUnderWaveWideRightSizing() {
        ObjectNode wave = minimalWave();
        wave.putObject("launch").put("rightSizing", "BASIC");
        server(wave, 0).putObject("launch").put("instanceType", "r6i.xlarge");

        assertThat(WaveDefinitionParser.parse(wave).servers().get(0).launch().instanceType()).isEqualTo("r6i.xlarge");
    }

    @Test
    void anEmptySecurityGroupListIsRefused() {
        ObjectNode wave = minimalWave();
        wave.putObject("launch").putArray("securityGroupIds");

        assertThat(problemsOf(wave)).containsExactly("launch.securityGroupIds: must list at least one security group; "
                + "leave the field out to keep the launch template's");
    }

    @Test
    void aSecurityGroupListedTwiceIsRefused() {
        ObjectNode wave = minimalWave();
        wave.putObject("launch").putArray("securityGroupIds").add("sg-0123456789abcdef0").add("sg-0123456789abcdef0");

        assertThat(problemsOf(wave)).containsExactly(
                "launch.securityGroupIds[1]: \"sg-0123456789abcdef0\" is listed twice");
    }

    @Test
    void fiftyTagsAreAccepted() {
        ObjectNode wave = withLaunchTags(50);

        assertThat(WaveDefinitionParser.parse(wave).launch().tags()).hasSize(50);
    }

    @Test
    void fiftyOneTagsAreRefused() {
        ObjectNode wave = withLaunchTags(51);

        assertThat(problemsOf(wave)).containsExactly("launch.tags: has 51 tags; AWS allows at most 50");
    }

    @Test
    void aTagKeyLongerThan128CharactersIsRefused() {
        ObjectNode wave = minimalWave();
        String key = "k".repeat(129);
        wave.putObject("launch").putObject("tags").put(key, "v");

        assertThat(problemsOf(wave)).containsExactly(
                "launch.tags[\"" + key + "\"]: a tag key must be 1 to 128 characters long");
    }

    @Test
    void aTagValueLongerThan256CharactersIsRefused() {
        ObjectNode wave = minimalWave();
        wave.putObject("replication").putObject("stagingAreaTags").put("Owner", "v".repeat(257));

        assertThat(problemsOf(wave)).containsExactly(
                "replication.stagingAreaTags[\"Owner\"]: a tag value must be at most 256 characters long");
    }

    @Test
    void aTagValueThatIsNotAStringIsRefused() {
        ObjectNode wave = minimalWave();
        wave.putObject("launch").putObject("tags").put("CostCenter", 4711);

        assertThat(problemsOf(wave)).containsExactly("launch.tags[\"CostCenter\"]: must be a string, not the number 4711");
    }

    @Test
    void aKeyPairNameMustNotBeEmpty() {
        ObjectNode wave = minimalWave();
        wave.putObject("launch").put("keyName", "");

        assertThat(problemsOf(wave)).containsExactly("launch.keyName: a key pair name must be 1 to 255 characters long");
    }

    @Test
    void replicationSettingsAreReadAsGiven() {
        ObjectNode wave = minimalWave();
        wave.putObject("replication").put("stagingAreaSubnetId", "subnet-0a1b2c3d4e5f60718")
                .put("replicationServerInstanceType", "t3.small").put("stagingDiskType", "ST1")
                .put("dataPlaneRouting", "PUBLIC_IP").put("createPublicIp", true).put("bandwidthThrottlingMbps", 100);

        assertThat(WaveDefinitionParser.parse(wave).replication()).isEqualTo(new ReplicationSettings(
                "subnet-0a1b2c3d4e5f60718", "t3.small", "ST1", "PUBLIC_IP", true, 100L, null));
    }

    @Test
    void aReplicationServerTypeThatIsNotAnInstanceTypeIsRefused() {
        ObjectNode wave = minimalWave();
        wave.putObject("replication").put("replicationServerInstanceType", "small");

        assertThat(problemsOf(wave)).containsExactly("replication.replicationServerInstanceType: \"small\" is not an "
                + "EC2 instance type (family.size, such as t3.micro)");
    }

    @Test
    void anHttpCheckDefaultsToStatus200OnThePublicAddress() {
        ObjectNode wave = minimalWave();
        wave.putObject("validation").putArray("http").addObject().put("url", "https://{address}:8443/health?deep=1")
                .put("serverName", "media.example.com");

        assertThat(WaveDefinitionParser.parse(wave).validation().http()).containsExactly(
                new HttpCheck("https://{address}:8443/health?deep=1", 200, Address.PUBLIC, "media.example.com"));
    }

    @Test
    void anHttpsCheckNeedsTheNameTheCertificateIsIssuedForAndAnHttpCheckHasNone() {
        ObjectNode wave = minimalWave();
        ArrayNode http = wave.putObject("validation").putArray("http");
        http.addObject().put("url", "https://{address}/health");
        http.addObject().put("url", "http://{address}/health").put("serverName", "media.example.com");
        http.addObject().put("url", "https://{address}/health").put("serverName", "not a name");

        assertThat(problemsOf(wave)).containsExactly(
                "validation.http[0].serverName: is required for an https:// check: the name the instance's certificate "
                        + "is issued for, such as media.example.com (Ferry connects to the instance's address and "
                        + "verifies the certificate against this name)",
                "validation.http[1].serverName: is for https:// checks only: an http:// check has no certificate to "
                        + "verify",
                "validation.http[2].serverName: \"not a name\" is not a DNS name (such as media.example.com)");
    }

    @Test
    void anHttpCheckWithAPortOutOfRangeIsRefused() {
        ObjectNode wave = minimalWave();
        wave.putObject("validation").putArray("http").addObject().put("url", "http://{address}:0/");

        assertThat(problemsOf(wave)).containsExactly(
                "validation.http[0].url: \"http://{address}:0/\" has a port that is not a number from 1 to 65535");
    }

    @Test
    void anHttpCheckWithoutAUrlIsRefused() {
        ObjectNode wave = minimalWave();
        wave.putObject("validation").putArray("http").addObject().put("expectStatus", 200);

        assertThat(problemsOf(wave)).containsExactly("validation.http[0].url: is required");
    }

    @Test
    void aTcpCheckWithoutAPortIsRefused() {
        ObjectNode wave = minimalWave();
        wave.putObject("validation").putArray("tcp").addObject().put("address", "PRIVATE");

        assertThat(problemsOf(wave)).containsExactly("validation.tcp[0].port: is required");
    }

    @Test
    void validationMayTurnStatusChecksOff() {
        ObjectNode wave = minimalWave();
        wave.putObject("validation").put("statusChecks", false).put("timeLimitMinutes", 1);

        assertThat(WaveDefinitionParser.parse(wave).validation())
                .isEqualTo(new ValidationSettings(false, List.of(), List.of(), 1));
    }

    @Test
    void aWaveWithoutQuotasAssumesMgnsDefaults() {
        assertThat(WaveDefinitionParser.parse(minimalWave()).quotas()).isEqualTo(new MgnQuotas(150));
    }

    @Test
    void aWaveStatesARaisedQuotaOfReplicatingServers() {
        ObjectNode wave = minimalWave();
        wave.putObject("quotas").put("replicatingServers", 1200);

        assertThat(WaveDefinitionParser.parse(wave).quotas()).isEqualTo(new MgnQuotas(1200));
    }

    @Test
    void aQuotaOutOfBoundsOrAnUnknownQuotaIsRefused() {
        ObjectNode wave = minimalWave();
        wave.putObject("quotas").put("replicatingServers", 0).put("concurrentJobs", 40);

        assertThat(problemsOf(wave)).containsExactlyInAnyOrder(
                "quotas.replicatingServers: must be between 1 and 20000 servers, not 0",
                "quotas.concurrentJobs: unknown field; known fields: replicatingServers");
    }

    @Test
    void timeLimitsAtTheirUpperBoundsAreAccepted() {
        ObjectNode wave = minimalWave();
        wave.putObject("timeLimits").put("replicationHours", 720).put("launchMinutes", 360).put("approvalHours", 168);

        TimeLimits limits = WaveDefinitionParser.parse(wave).timeLimits();

        assertThat(List.of(limits.replication(), limits.launch(), limits.approval()))
                .containsExactly(Duration.ofDays(30), Duration.ofHours(6), Duration.ofDays(7));
    }

    @Test
    void timeLimitsAtTheirLowerBoundsAreAccepted() {
        ObjectNode wave = minimalWave();
        wave.putObject("timeLimits").put("replicationHours", 1).put("launchMinutes", 10).put("approvalHours", 1);

        TimeLimits limits = WaveDefinitionParser.parse(wave).timeLimits();

        assertThat(List.of(limits.replication(), limits.launch(), limits.approval()))
                .containsExactly(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofHours(1));
    }

    @Test
    void aReplicationLimitOverThirtyDaysIsRefused() {
        ObjectNode wave = minimalWave();
        wave.putObject("timeLimits").put("replicationHours", 721);

        assertThat(problemsOf(wave)).containsExactly("timeLimits.replicationHours: must be between 1 and 720 hours, not 721");
    }

    @Test
    void stallLimitsOutOfRangeAreRefused() {
        ObjectNode wave = minimalWave();
        wave.putObject("timeLimits").put("stallNoticeMinutes", 1).put("stallRetryMinutes", 2000);

        assertThat(problemsOf(wave)).containsExactly(
                "timeLimits.stallNoticeMinutes: must be between 5 and 1440 minutes, not 1",
                "timeLimits.stallRetryMinutes: must be between 5 and 1440 minutes, not 2000");
    }

    @Test
    void aWaveWithoutApproversIsRefused() {
        ObjectNode wave = minimalWave();
        wave.remove("approvers");

        assertThat(problemsOf(wave)).containsExactly(
                "approvers: is required: at least one email address to ask for the cutover approval");
    }

    @Test
    void policiesAreReadAsGiven() {
        ObjectNode wave = minimalWave();
        wave.putObject("policies").put("onServerFailure", "STOP").put("skipTestLaunch", true)
                .put("finalizeCutover", false).put("archiveAfterFinalize", false);

        assertThat(WaveDefinitionParser.parse(wave).policies())
                .isEqualTo(new Policies(OnServerFailure.STOP, true, false, false));
    }

    @Test
    void archivingAfterTheDefaultFinalizeIsAccepted() {
        ObjectNode wave = minimalWave();
        wave.putObject("policies").put("archiveAfterFinalize", true);

        assertThat(WaveDefinitionParser.parse(wave).policies())
                .isEqualTo(new Policies(OnServerFailure.CONTINUE, false, true, true));
    }

    @Test
    void aWaveThatSaysNothingOfNotificationsNotifiesProblemsOnly() {
        assertThat(WaveDefinitionParser.parse(minimalWave()).notifications()).isEqualTo(NotificationSettings.DEFAULT);
        assertThat(NotificationSettings.DEFAULT.everyStage()).isFalse();
    }

    @Test
    void everyStageNotificationsAreReadAsGiven() {
        ObjectNode wave = minimalWave();
        wave.putObject("notifications").put("level", "EVERY_STAGE");

        assertThat(WaveDefinitionParser.parse(wave).notifications().everyStage()).isTrue();
    }

    @Test
    void aNotificationLevelThatIsNotOneOfTheTwoIsRefusedNamingBoth() {
        ObjectNode wave = minimalWave();
        wave.putObject("notifications").put("level", "every-stage");

        assertThat(problemsOf(wave)).containsExactly(
                "notifications.level: \"every-stage\" is not one of PROBLEMS, EVERY_STAGE");
    }

    @Test
    void anUnknownNotificationsFieldIsRefused() {
        ObjectNode wave = minimalWave();
        wave.putObject("notifications").put("levle", "PROBLEMS");

        assertThat(problemsOf(wave)).singleElement().asString().startsWith("notifications.levle: ");
    }

    private static ObjectNode minimalWave() {
        ObjectNode wave = Json.mapper().createObjectNode();
        wave.put("waveName", "wave-1");
        wave.put("targetRegion", "eu-central-1");
        wave.putArray("servers").addObject().put("sourceServerId", SERVER_ID);
        wave.putArray("approvers").add("ops@example.com");
        return wave;
    }

    private static ObjectNode byInstanceId(String instanceId) {
        ObjectNode wave = minimalWave();
        wave.put("sourceRegion", "us-east-1");
        server(wave, 0).remove("sourceServerId");
        server(wave, 0).put("sourceInstanceId", instanceId);
        return wave;
    }

    private static ObjectNode waveOf(int serverCount) {
        ObjectNode wave = minimalWave();
        ArrayNode servers = wave.putArray("servers");
        for (int i = 0; i < serverCount; i++) {
            servers.addObject().put("sourceServerId", "s-%017d".formatted(i));
        }
        return wave;
    }

    private static ObjectNode withLaunchTags(int count) {
        ObjectNode wave = minimalWave();
        ObjectNode tags = wave.putObject("launch").putObject("tags");
        for (int i = 0; i < count; i++) {
            tags.put("Tag" + i, "value" + i);
        }
        return wave;
    }

    private static ArrayNode servers(ObjectNode wave) {
        return (ArrayNode) wave.get("servers");
    }

    private static ObjectNode server(ObjectNode wave, int index) {
        return (ObjectNode) servers(wave).get(index);
    }

    private static List<String> problemsOf(JsonNode wave) {
        try {
            WaveDefinitionParser.parse(wave);
        } catch (InvalidWaveException refused) {
            return refused.problems().stream().map(ValidationProblem::line).toList();
        }
        throw new AssertionError("the wave was accepted");
    }
}
