package dev.ferry.local.mgn.api.schema;

import dev.ferry.local.mgn.api.schema.WireType.WireStructure;

import java.util.Map;

import static dev.ferry.local.mgn.api.schema.WireType.bool;
import static dev.ferry.local.mgn.api.schema.WireType.integer;
import static dev.ferry.local.mgn.api.schema.WireType.list;
import static dev.ferry.local.mgn.api.schema.WireType.map;
import static dev.ferry.local.mgn.api.schema.WireType.oneOf;
import static dev.ferry.local.mgn.api.schema.WireType.pattern;
import static dev.ferry.local.mgn.api.schema.WireType.string;
import static dev.ferry.local.mgn.api.schema.WireType.structure;

/**
 * The input shapes of the simulated operations, transcribed from the MGN service model (2020-02-26): member
 * names, required members and constraints.
 */
public final class MgnRequestShapes {

    private static final WireType SOURCE_SERVER_ID = pattern("s-[0-9a-zA-Z]{17}", 19, 19);
    private static final WireType JOB_ID = pattern("mgnjob-[0-9a-zA-Z]{17}", 24, 24);
    private static final WireType ACCOUNT_ID = pattern(".*[0-9]{12,}.*", 12, 12);
    private static final WireType MAX_RESULTS = integer(1, 1000);
    private static final WireType NEXT_TOKEN = string(0, 2048);
    private static final WireType DATE_TIME = pattern(
            "[1-9][0-9]*-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([0-1][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
                    + "(\\.[0-9]+)?Z", 19, 32);
    private static final WireType TAGS = map(string(0, 256), string(0, 256), 50);
    private static final WireType WAVE_ID = pattern("wave-[0-9a-zA-Z]{17}", 22, 22);
    private static final WireType APPLICATION_ID = pattern("app-[0-9a-zA-Z]{17}", 21, 21);
    /** {@code WaveName} and {@code ApplicationName}. */
    private static final WireType GROUP_NAME = pattern("[^\\s\\x00]( *[^\\s\\x00])*", 1, 256);
    private static final WireType GROUP_DESCRIPTION = pattern("[^\\x00]*", 0, 600);
    private static final WireStructure CREATE_GROUP = structure(Map.of(
            "name", GROUP_NAME, "description", GROUP_DESCRIPTION, "tags", TAGS, "accountID", ACCOUNT_ID), "name");
    private static final WireStructure SOURCE_SERVER_ONLY = structure(Map.of(
            "sourceServerID", SOURCE_SERVER_ID, "accountID", ACCOUNT_ID), "sourceServerID");

    private static final WireType SSM_DOCUMENT = structure(Map.of(
            "actionName", string(0, 256),
            "ssmDocumentName", pattern("([A-Za-z0-9/:_\\.-])+", 3, 172),
            "timeoutSeconds", integer(1, Integer.MAX_VALUE),
            "mustSucceedForCutover", bool(),
            "parameters", map(pattern("([A-Za-z0-9])+", 1, 1011), list(structure(Map.of(
                    "parameterType", oneOf("STRING", "SECURE_STRING"),
                    "parameterName", pattern("([A-Za-z0-9_\\.-])+", 1, 1011)),
                    "parameterType", "parameterName"), 0, 10), 20),
            "externalParameters", map(pattern("([A-Za-z0-9])+", 1, 1011), structure(Map.of(
                    "dynamicPath", pattern("[a-zA-Z0-9_]+(\\.[a-zA-Z0-9_\\[\\]]+)*", 1, 1011))), 20)),
            "actionName", "ssmDocumentName");

    private static final Map<String, WireStructure> SHAPES = Map.ofEntries(
            Map.entry("InitializeService", structure(Map.of())),
            Map.entry("CreateReplicationConfigurationTemplate", structure(Map.ofEntries(
                            Map.entry("stagingAreaSubnetId", pattern("subnet-[0-9a-fA-F]{8,}", 0, 255)),
                            Map.entry("associateDefaultSecurityGroup", bool()),
                            Map.entry("replicationServersSecurityGroupsIDs",
                                    list(pattern("sg-[0-9a-fA-F]{8,}", 0, 255), 0, 32)),
                            Map.entry("replicationServerInstanceType", string(0, 255)),
                            Map.entry("useDedicatedReplicationServer", bool()),
                            Map.entry("defaultLargeStagingDiskType", oneOf("GP2", "ST1", "GP3")),
                            Map.entry("ebsEncryption", oneOf("DEFAULT", "CUSTOM")),
                            Map.entry("ebsEncryptionKeyArn", string(20, 2048)),
                            Map.entry("bandwidthThrottling", integer(0, 10000)),
                            Map.entry("dataPlaneRouting", oneOf("PRIVATE_IP", "PUBLIC_IP")),
                            Map.entry("createPublicIP", bool()),
                            Map.entry("stagingAreaTags", TAGS),
                            Map.entry("useFipsEndpoint", bool()),
                            Map.entry("tags", TAGS),
                            Map.entry("internetProtocol", oneOf("IPV4", "IPV6")),
                            Map.entry("storeSnapshotOnLocalZone", bool())),
                    "stagingAreaSubnetId", "associateDefaultSecurityGroup", "replicationServersSecurityGroupsIDs",
                    "replicationServerInstanceType", "useDedicatedReplicationServer", "defaultLargeStagingDiskType",
                    "ebsEncryption", "bandwidthThrottling", "dataPlaneRouting", "createPublicIP", "stagingAreaTags")),
            Map.entry("DescribeReplicationConfigurationTemplates", structure(Map.of(
                    "replicationConfigurationTemplateIDs", list(pattern("rct-[0-9a-zA-Z]{17}", 21, 21), 0, 200),
                    "maxResults", MAX_RESULTS,
                    "nextToken", NEXT_TOKEN))),
            Map.entry("DescribeSourceServers", structure(Map.of(
                    "filters", structure(Map.of(
                            "sourceServerIDs", list(SOURCE_SERVER_ID, 0, 200),
                            "isArchived", bool(),
                            "replicationTypes", list(oneOf("AGENT_BASED", "SNAPSHOT_SHIPPING"), 0, 2),
                            "lifeCycleStates", list(oneOf("STOPPED", "NOT_READY", "READY_FOR_TEST", "TESTING",
                                    "READY_FOR_CUTOVER", "CUTTING_OVER", "CUTOVER", "DISCONNECTED", "DISCOVERED",
                                    "PENDING_INSTALLATION"), 0, 10),
                            "applicationIDs", list(APPLICATION_ID, 0, 200))),
                    "maxResults", MAX_RESULTS,
                    "nextToken", NEXT_TOKEN,
                    "accountID", ACCOUNT_ID))),
            Map.entry("StartTest", launchRequest()),
            Map.entry("StartCutover", launchRequest()),
            Map.entry("TerminateTargetInstances", launchRequest()),
            Map.entry("ChangeServerLifeCycleState", structure(Map.of(
                    "sourceServerID", SOURCE_SERVER_ID,
                    "lifeCycle", structure(Map.of("state", oneOf("READY_FOR_TEST", "READY_FOR_CUTOVER", "CUTOVER")),
                            "state"),
                    "accountID", ACCOUNT_ID), "sourceServerID", "lifeCycle")),
            Map.entry("FinalizeCutover", SOURCE_SERVER_ONLY),
            Map.entry("MarkAsArchived", SOURCE_SERVER_ONLY),
            Map.entry("DisconnectFromService", SOURCE_SERVER_ONLY),
            Map.entry("RetryDataReplication", SOURCE_SERVER_ONLY),
            Map.entry("GetLaunchConfiguration", SOURCE_SERVER_ONLY),
            Map.entry("UpdateLaunchConfiguration", structure(Map.ofEntries(
                    Map.entry("sourceServerID", SOURCE_SERVER_ID),
                    Map.entry("name", string(0, 128)),
                    Map.entry("launchDisposition", oneOf("STOPPED", "STARTED")),
                    Map.entry("targetInstanceTypeRightSizingMethod", oneOf("NONE", "BASIC")),
                    Map.entry("copyPrivateIp", bool()),
                    Map.entry("copyTags", bool()),
                    Map.entry("licensing", structure(Map.of("osByol", bool()))),
                    Map.entry("bootMode", oneOf("LEGACY_BIOS", "UEFI", "USE_SOURCE")),
                    Map.entry("postLaunchActions", structure(Map.of(
                            "deployment", oneOf("TEST_AND_CUTOVER", "CUTOVER_ONLY", "TEST_ONLY"),
                            "s3LogBucket", string(3, 63),
                            "s3OutputKeyPrefix", string(0, 256),
                            "cloudWatchLogGroupName", pattern("[\\.\\-_/#A-Za-z0-9]+", 1, 512),
                            "ssmDocuments", list(SSM_DOCUMENT, 0, 10)))),
                    Map.entry("enableMapAutoTagging", bool()),
                    Map.entry("mapAutoTaggingMpeID", string(0, 256)),
                    Map.entry("accountID", ACCOUNT_ID)), "sourceServerID")),
            Map.entry("DescribeJobs", structure(Map.of(
                    "filters", structure(Map.of(
                            "jobIDs", list(JOB_ID, 0, 1000),
                            "fromDate", DATE_TIME,
                            "toDate", DATE_TIME)),
                    "maxResults", MAX_RESULTS,
                    "nextToken", NEXT_TOKEN,
                    "accountID", ACCOUNT_ID))),
            Map.entry("CreateWave", CREATE_GROUP),
            Map.entry("CreateApplication", CREATE_GROUP),
            Map.entry("AssociateApplications", structure(Map.of(
                    "waveID", WAVE_ID,
                    "applicationIDs", list(APPLICATION_ID, 1, 50),
                    "accountID", ACCOUNT_ID), "waveID", "applicationIDs")),
            Map.entry("AssociateSourceServers", structure(Map.of(
                    "applicationID", APPLICATION_ID,
                    "sourceServerIDs", list(SOURCE_SERVER_ID, 1, 50),
                    "accountID", ACCOUNT_ID), "applicationID", "sourceServerIDs")),
            Map.entry("ListWaves", structure(Map.of(
                    "filters", structure(Map.of(
                            "waveIDs", list(WAVE_ID, 0, 200),
                            "isArchived", bool())),
                    "maxResults", MAX_RESULTS,
                    "nextToken", NEXT_TOKEN,
                    "accountID", ACCOUNT_ID))),
            Map.entry("ListApplications", structure(Map.of(
                    "filters", structure(Map.of(
                            "applicationIDs", list(APPLICATION_ID, 0, 200),
                            "isArchived", bool(),
                            "waveIDs", list(WAVE_ID, 0, 200))),
                    "maxResults", MAX_RESULTS,
                    "nextToken", NEXT_TOKEN,
                    "accountID", ACCOUNT_ID))),
            Map.entry("ArchiveWave", structure(Map.of("waveID", WAVE_ID, "accountID", ACCOUNT_ID), "waveID")),
            Map.entry("ArchiveApplication", structure(Map.of(
                    "applicationID", APPLICATION_ID, "accountID", ACCOUNT_ID), "applicationID")),
            Map.entry("DescribeJobLogItems", structure(Map.of(
                    "jobID", JOB_ID,
                    "maxResults", MAX_RESULTS,
                    "nextToken", NEXT_TOKEN,
                    "accountID", ACCOUNT_ID), "jobID")));

    private MgnRequestShapes() {
    }

    /** The input shape of an operation this simulator implements. */
    public static WireStructure of(String operation) {
        WireStructure shape = SHAPES.get(operation);
        if (shape == null) {
            throw new IllegalArgumentException("no request shape for " + operation);
        }
        return shape;
    }

    private static WireStructure launchRequest() {
        return structure(Map.of(
                "sourceServerIDs", list(SOURCE_SERVER_ID, 1, 200),
                "tags", TAGS,
                "accountID", ACCOUNT_ID), "sourceServerIDs");
    }
}
