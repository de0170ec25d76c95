package dev.ferry.deploy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.stage.preflight.PreflightService;
import dev.ferry.store.FerryTable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The SAM template holds what the controller needs, with least privilege. */
class TemplateTest {

    private static final Pattern WILDCARD_ACTION = Pattern.compile(".*\\*.*");

    private final JsonNode template = ProjectFiles.template();
    private final JsonNode resources = template.path("Resources");

    @Test
    void everyFunctionRunsJava21WithSnapStartOnAPublishedAlias() {
        JsonNode globals = template.path("Globals").path("Function");

        assertThat(globals.path("Runtime").asText()).isEqualTo("java21");
        assertThat(globals.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(globals.path("AutoPublishAlias").asText()).isNotBlank();
        assertThat(functions()).isNotEmpty().allSatisfy((name, function) -> {
            JsonNode properties = function.path("Properties");
            assertThat(properties.has("Runtime")).as(name + " keeps the global runtime").isFalse();
            assertThat(properties.has("SnapStart")).as(name + " keeps SnapStart").isFalse();
            assertThat(properties.has("AutoPublishAlias")).as(name + " keeps the alias").isFalse();
        });
    }

    @Test
    void everyFunctionHandlerIsALambdaHandlerClassOfTheFunctionsArtifact() {
        assertThat(functions()).allSatisfy((name, function) -> {
            String handler = function.path("Properties").path("Handler").asText();
            assertThat(handler).as(name).endsWith("::handleRequest");
            Class<?> type = classNamed(handler.substring(0, handler.indexOf("::")));
            assertThat(RequestStreamHandler.class.isAssignableFrom(type) || RequestHandler.class.isAssignableFrom(type))
                    .as(name + " handler " + type.getName() + " is a Lambda handler")
                    .isTrue();
        });
    }

    @Test
    void everyFunctionIsNamedForItsHandler() {
        functions().forEach((function, resource) -> {
            String handler = resource.path("Properties").path("Handler").asText();
            String simpleName = handler.substring(handler.lastIndexOf('.') + 1, handler.indexOf("::"));
            assertThat(function).isEqualTo(simpleName.replaceFirst("Handler$", "Function"));
        });
    }

    @Test
    void noIamStatementGrantsAWildcardAction() {
        List<String> actions = new ArrayList<>();
        collectActions(template, actions);

        assertThat(actions).hasSizeGreaterThan(30);
        assertThat(actions).noneMatch(action -> WILDCARD_ACTION.matcher(action).matches());
    }

    @Test
    void theStateMachineIsStandardTracedAndLogsWithoutExecutionData() {
        JsonNode machine = properties("WaveStateMachine");

        assertThat(resources.path("WaveStateMachine").path("Type").asText()).isEqualTo("AWS::Serverless::StateMachine");
        assertThat(machine.path("Type").asText()).isEqualTo("STANDARD");
        assertThat(ProjectFiles.path(machine.path("DefinitionUri").asText())).exists();
        assertThat(machine.path("Tracing").path("Enabled").asBoolean()).isTrue();
        assertThat(machine.path("Logging").path("Level").asText()).isEqualTo("ALL");
        // Execution data would write task tokens into the logs.
        assertThat(machine.path("Logging").path("IncludeExecutionData").asBoolean(true)).isFalse();
        String logGroup = machine.path("Logging").path("Destinations").get(0)
                .path("CloudWatchLogsLogGroup").path("LogGroupArn").asText();
        assertThat(logGroup).isEqualTo("StateMachineLogGroup.Arn");
        assertThat(properties("StateMachineLogGroup").path("RetentionInDays").isMissingNode()).isFalse();
    }

    @Test
    void mgnEventsReachTheRouterWithRetriesAndADeadLetterQueue() {
        JsonNode router = properties("EventRouterFunction");
        JsonNode rule = router.path("Events").path("MgnEvents").path("Properties");

        assertThat(router.path("Events").path("MgnEvents").path("Type").asText()).isEqualTo("EventBridgeRule");
        assertThat(texts(rule.path("Pattern").path("source"))).containsExactly("aws.mgn");
        assertThat(texts(rule.path("Pattern").path("detail-type"))).containsExactlyInAnyOrder(
                "MGN Source Server Launch Result",
                "MGN Source Server Lifecycle State Change",
                "MGN Source Server Data Replication Stalled Change");
        assertThat(rule.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isPositive();
        assertThat(rule.path("DeadLetterConfig").path("Arn").asText()).isEqualTo("EventDeadLetterQueue.Arn");
        assertThat(router.path("EventInvokeConfig").path("DestinationConfig").path("OnFailure").path("Destination").asText())
                .as("function errors after Lambda's own retries land in the same queue")
                .isEqualTo("EventDeadLetterQueue.Arn");
    }

    @Test
    void theReconcilerRunsOnAScheduleWhoseRateIsAParameter() {
        JsonNode schedule = properties("ReconcilerFunction").path("Events").path("Schedule");

        assertThat(schedule.path("Type").asText()).isEqualTo("Schedule");
        assertThat(schedule.path("Properties").path("Schedule").asText()).isEqualTo("rate(${ReconcileRateMinutes} minutes)");
        assertThat(template.path("Parameters").path("ReconcileRateMinutes").path("Default").asInt()).isBetween(2, 10);
    }

    @Test
    void theTableIsOnDemandEncryptedRecoverableAndExpiresItems() {
        JsonNode table = properties("WaveTable");

        assertThat(table.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.path("SSESpecification").path("SSEEnabled").asBoolean()).isTrue();
        assertThat(table.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean()).isTrue();
        assertThat(table.path("TimeToLiveSpecification").path("AttributeName").asText()).isEqualTo("expiresAt");
        JsonNode index = table.path("GlobalSecondaryIndexes").get(0);
        assertThat(index.path("IndexName").asText()).isEqualTo("unreleased-waits");
        assertThat(texts(index.path("KeySchema").findValues("AttributeName"))).containsExactly("waitState", "deadline");
    }

    @Test
    void theTableHasExactlyTheKeysAndIndexTheStoresUse() {
        JsonNode table = properties("WaveTable");
        CreateTableRequest stores = FerryTable.createTableRequest("any");

        assertThat(attributes(table.path("AttributeDefinitions")))
                .isEqualTo(stores.attributeDefinitions().stream().collect(Collectors.toMap(
                        AttributeDefinition::attributeName, definition -> definition.attributeTypeAsString())));
        assertThat(keys(table.path("KeySchema"))).isEqualTo(keys(stores.keySchema()));
        GlobalSecondaryIndex index = stores.globalSecondaryIndexes().get(0);
        JsonNode templateIndex = table.path("GlobalSecondaryIndexes").get(0);
        assertThat(templateIndex.path("IndexName").asText()).isEqualTo(index.indexName());
        assertThat(keys(templateIndex.path("KeySchema"))).isEqualTo(keys(index.keySchema()));
        assertThat(templateIndex.path("Projection").path("ProjectionType").asText())
                .isEqualTo(index.projection().projectionTypeAsString());
        assertThat(table.path("TimeToLiveSpecification").path("AttributeName").asText()).isEqualTo(FerryTable.TIME_TO_LIVE);
    }

    @Test
    void theTopicIsEncryptedWithAKmsKeyAndMailsTheConfiguredAddress() {
        assertThat(properties("NotificationTopic").path("KmsMasterKeyId").asText()).isEqualTo("NotificationKey");
        assertThat(properties("NotificationKey").path("EnableKeyRotation").asBoolean()).isTrue();
        JsonNode subscription = properties("NotificationSubscription");
        assertThat(subscription.path("Protocol").asText()).isEqualTo("email");
        assertThat(subscription.path("Endpoint").asText()).isEqualTo("NotificationEmail");
    }

    @Test
    void theApprovalPagesAreAThrottledHttpApiAnsweringOnlyGetAndPost() {
        JsonNode api = properties("ApprovalApi");
        JsonNode events = properties("ApprovalApiFunction").path("Events");

        assertThat(resources.path("ApprovalApi").path("Type").asText()).isEqualTo("AWS::Serverless::HttpApi");
        assertThat(api.path("DefaultRouteSettings").path("ThrottlingRateLimit").isMissingNode()).isFalse();
        assertThat(api.path("DefaultRouteSettings").path("ThrottlingBurstLimit").isMissingNode()).isFalse();
        assertThat(texts(events.findValues("Method"))).containsExactlyInAnyOrder("GET", "POST");
        assertThat(texts(events.findValues("Path"))).containsOnly("/approvals/{approvalId}");
        assertThat(api.path("AccessLogSettings").path("Format").asText())
                .as("the approval ID is a secret: the access log leaves the path out")
                .doesNotContain("$context.path");
    }

    @Test
    void theInternetFacingApprovalFunctionMayOnlyReadAndUpdateApprovalItems() {
        JsonNode policies = properties("ApprovalApiFunction").path("Policies");
        List<String> tableActions = new ArrayList<>();
        policies.findValues("Action").forEach(actions -> actions.forEach(action -> {
            if (action.asText().startsWith("dynamodb:")) {
                tableActions.add(action.asText());
            }
        }));

        assertThat(policies.findValues("DynamoDBCrudPolicy")).isEmpty();
        assertThat(tableActions).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:UpdateItem");
        assertThat(texts(policies.findValue("dynamodb:LeadingKeys"))).containsExactly("APPROVAL#*");
    }

    @Test
    void theReconcilerAlwaysRunsBeforeAWaitsBackstopTimeoutFires() {
        int slowestRateMinutes = template.path("Parameters").path("ReconcileRateMinutes").path("MaxValue").asInt();

        assertThat(slowestRateMinutes).isPositive()
                .isLessThan((int) PreflightService.BACKSTOP_MARGIN.toMinutes());
    }

    @Test
    void theOutputsGiveWhatAUserNeedsNext() {
        assertThat(template.path("Outputs").fieldNames()).toIterable()
                .contains("StateMachineArn", "ApprovalBaseUrl", "NotificationTopicArn", "TableName", "ReportBucketName");
    }

    @Test
    void theReportBucketIsPrivateEncryptedTlsOnlyKeptAndExpiresWithTheWaveRecords() {
        JsonNode bucket = properties("ReportBucket");
        JsonNode block = bucket.path("PublicAccessBlockConfiguration");
        List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
                .forEach(setting -> assertThat(block.path(setting).asBoolean()).as(setting).isTrue());
        assertThat(bucket.findValue("SSEAlgorithm").asText()).isEqualTo("AES256");
        assertThat(resources.path("ReportBucket").path("DeletionPolicy").asText()).isEqualTo("Retain");
        JsonNode expiry = bucket.path("LifecycleConfiguration").path("Rules").get(0);
        assertThat(expiry.path("Prefix").asText()).isEqualTo("reports/");
        assertThat(expiry.path("ExpirationInDays").asText()).isEqualTo("RecordRetentionDays");
        assertThat(template.path("Globals").path("Function").path("Environment").path("Variables")
                .path("RECORD_RETENTION_DAYS").asText()).isEqualTo("RecordRetentionDays");
        assertThat(template.path("Parameters").path("RecordRetentionDays").path("Default").asLong())
                .isEqualTo(FerryTable.DEFAULT_RETENTION.toDays());
        JsonNode tlsOnly = properties("ReportBucketPolicy").path("PolicyDocument").path("Statement").get(0);
        assertThat(tlsOnly.path("Effect").asText()).isEqualTo("Deny");
        assertThat(tlsOnly.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
    }

    @Test
    void onlyTheReportFunctionMayWriteToTheReportBucketAndOnlyUnderReports() {
        JsonNode put = statementAllowing("ReportFunction", "s3:PutObject");

        assertThat(put.path("Action").asText()).isEqualTo("s3:PutObject");
        assertThat(put.path("Resource").asText()).isEqualTo("${ReportBucket.Arn}/reports/*");
        assertThat(properties("ReportFunction").path("Environment").path("Variables").path("REPORT_BUCKET").asText())
                .isEqualTo("ReportBucket");
        functions().keySet().stream().filter(function -> !function.equals("ReportFunction")).forEach(function -> {
            List<String> actions = new ArrayList<>();
            collectActions(properties(function), actions);
            assertThat(actions).as(function).noneMatch(action -> action.startsWith("s3:"));
        });
    }

    @Test
    void onlyPreflightMayAskWhetherAWavesExecutionRunsAndOnlyOfTheStacksStateMachine() {
        JsonNode describe = statementAllowing("PreflightFunction", "states:DescribeExecution");

        assertThat(properties("WaveStateMachine").path("Name").asText()).isEqualTo("${AWS::StackName}-waves");
        assertThat(describe.path("Resource").asText())
                .isEqualTo("arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${AWS::StackName}-waves:*");
        assertThat(describe.has("Condition")).as("DescribeExecution needs no condition").isFalse();
        functions().keySet().stream().filter(function -> !function.equals("PreflightFunction")).forEach(function -> {
            List<String> actions = new ArrayList<>();
            collectActions(properties(function), actions);
            assertThat(actions).as(function).doesNotContain("states:DescribeExecution");
        });
    }

    @Test
    void onlyPreflightGroupsServersInMgnWavesAndOnlyFinalizeArchivesThemEachOnTheirOwnResourceType() {
        List<String> grouping = List.of("mgn:CreateWave", "mgn:CreateApplication", "mgn:AssociateApplications",
                "mgn:AssociateSourceServers");
        List<String> archiving = List.of("mgn:ArchiveWave", "mgn:ArchiveApplication");

        assertThat(statementAllowing("PreflightFunction", "mgn:CreateWave").path("Resource").asText())
                .endsWith(":wave/*");
        assertThat(statementAllowing("PreflightFunction", "mgn:CreateApplication").path("Resource").asText())
                .endsWith(":application/*");
        assertThat(texts(statementAllowing("PreflightFunction", "mgn:AssociateSourceServers").path("Resource")))
                .allMatch(arn -> arn.endsWith(":application/*") || arn.endsWith(":source-server/*"));
        assertThat(statementAllowing("FinalizeFunction", "mgn:ArchiveWave").path("Resource").asText())
                .endsWith(":wave/*");
        functions().keySet().forEach(function -> {
            List<String> actions = new ArrayList<>();
            collectActions(properties(function), actions);
            if (!function.equals("PreflightFunction")) {
                assertThat(actions).as(function).doesNotContainAnyElementsOf(grouping);
            }
            if (!function.equals("FinalizeFunction")) {
                assertThat(actions).as(function).doesNotContainAnyElementsOf(archiving);
            }
        });
    }

    @Test
    void exactlyTheFunctionsToldTheTopicMayPublishToItAndUseItsKey() {
        functions().keySet().forEach(function -> {
            JsonNode properties = properties(function);
            boolean toldTheTopic = properties.path("Environment").path("Variables").has("TOPIC_ARN");
            boolean mayPublish = properties.path("Policies").findValues("SNSPublishMessagePolicy").size() == 1;
            List<String> actions = new ArrayList<>();
            collectActions(properties.path("Policies"), actions);
            // Managed policies of the stack that the function names by reference.
            properties.path("Policies").forEach(policy -> {
                if (policy.isTextual() && resources.has(policy.asText())) {
                    collectActions(resources.path(policy.asText()).path("Properties"), actions);
                }
            });
            assertThat(mayPublish).as("%s may publish to the topic", function).isEqualTo(toldTheTopic);
            assertThat(actions.containsAll(List.of("kms:GenerateDataKey", "kms:Decrypt")))
                    .as("%s may use the topic's key", function).isEqualTo(toldTheTopic);
        });
    }

    @Test
    void preflightMayCreateOnlyMgnsServiceLinkedRole() {
        JsonNode serviceLinkedRole = statementAllowing("PreflightFunction", "iam:CreateServiceLinkedRole");

        assertThat(serviceLinkedRole.path("Resource").asText()).endsWith(
                ":role/aws-service-role/mgn.amazonaws.com/AWSServiceRoleForApplicationMigrationService");
        assertThat(serviceLinkedRole.path("Condition").path("StringEquals").path("iam:AWSServiceName").asText())
                .isEqualTo("mgn.amazonaws.com");
    }

    @Test
    void alarmsNotifyTheAlarmTopicOfFailedTimedOutAndAbortedExecutionsAndOfDeadLetters() {
        assertThat(properties("FailedExecutionsAlarm").path("MetricName").asText()).isEqualTo("ExecutionsFailed");
        assertThat(properties("TimedOutExecutionsAlarm").path("MetricName").asText()).isEqualTo("ExecutionsTimedOut");
        assertThat(properties("AbortedExecutionsAlarm").path("MetricName").asText()).isEqualTo("ExecutionsAborted");
        assertThat(properties("DeadLetterAlarm").path("MetricName").asText()).isEqualTo("ApproximateNumberOfMessagesVisible");
        for (String alarm : List.of("FailedExecutionsAlarm", "TimedOutExecutionsAlarm", "AbortedExecutionsAlarm",
                "DeadLetterAlarm")) {
            assertThat(texts(properties(alarm).path("AlarmActions"))).as(alarm).containsExactly("AlarmTopic");
        }
    }

    @Test
    void theFunctionsLogToOneLogGroupWithRetention() {
        JsonNode logging = template.path("Globals").path("Function").path("LoggingConfig");

        assertThat(logging.path("LogFormat").asText()).isEqualTo("JSON");
        assertThat(logging.path("LogGroup").asText()).isEqualTo("FunctionLogGroup");
        assertThat(properties("FunctionLogGroup").path("RetentionInDays").asText()).isEqualTo("LogRetentionDays");
    }

    @Test
    void theAgentInstallerMaySendOnlyTheTwoAwsScriptDocumentsToTheAccountsInstances() {
        JsonNode sendCommand = statementAllowing("InstallAgentsFunction", "ssm:SendCommand");

        assertThat(sendCommand.path("Action").asText()).isEqualTo("ssm:SendCommand");
        assertThat(texts(sendCommand.path("Resource"))).containsExactlyInAnyOrder(
                "arn:${AWS::Partition}:ssm:*::document/AWS-RunShellScript",
                "arn:${AWS::Partition}:ssm:*::document/AWS-RunPowerShellScript",
                "arn:${AWS::Partition}:ec2:*:${AWS::AccountId}:instance/*");
    }

    @Test
    void theAgentInstallerMayAttachOnlyTheMgnAndSsmManagedPolicies() {
        JsonNode attach = statementAllowing("InstallAgentsFunction", "iam:AttachRolePolicy");

        assertThat(attach.path("Action").asText()).isEqualTo("iam:AttachRolePolicy");
        assertThat(texts(attach.path("Condition").path("ArnEquals").path("iam:PolicyARN"))).containsExactlyInAnyOrder(
                "arn:${AWS::Partition}:iam::aws:policy/AWSApplicationMigrationServiceEc2InstancePolicy",
                "arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore");
    }

    @Test
    void theAgentInstallerMayPassOnlyTheStacksAgentRoleAndOnlyToEc2() {
        JsonNode passRole = statementAllowing("InstallAgentsFunction", "iam:PassRole");

        assertThat(passRole.path("Resource").asText()).isEqualTo("AgentInstanceRole.Arn");
        assertThat(passRole.path("Condition").path("StringEquals").path("iam:PassedToService").asText())
                .isEqualTo("ec2.amazonaws.com");
    }

    @Test
    void theStacksAgentInstanceProfileLetsEc2RegisterTheAgentAndBeManagedBySsm() {
        JsonNode role = properties("AgentInstanceRole");

        assertThat(role.path("AssumeRolePolicyDocument").path("Statement").get(0).path("Principal").path("Service")
                .asText()).isEqualTo("ec2.amazonaws.com");
        assertThat(texts(role.path("ManagedPolicyArns"))).containsExactlyInAnyOrder(
                "arn:${AWS::Partition}:iam::aws:policy/AWSApplicationMigrationServiceEc2InstancePolicy",
                "arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore");
        assertThat(texts(properties("AgentInstanceProfile").path("Roles"))).containsExactly("AgentInstanceRole");
        assertThat(properties("InstallAgentsFunction").path("Environment").path("Variables")
                .path("AGENT_INSTANCE_PROFILE_ARN").asText()).isEqualTo("AgentInstanceProfile.Arn");
    }

    @Test
    void theNetworkStageMayChangeOnlySecurityGroupsThatCarryFerrysCopyTagFromTheirCreation() {
        List<JsonNode> statements = statementsOf("PrepareNetworkFunction");
        List<String> ruleActions = List.of("ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress");

        assertThat(statements).filteredOn(statement -> actionsOf(statement).stream().anyMatch(ruleActions::contains))
                .isNotEmpty().allSatisfy(statement -> assertThat(statement.path("Condition").path("Null")
                        .path("aws:ResourceTag/ferry:source-group").asText()).isEqualTo("false"));
        assertThat(statements).filteredOn(statement -> actionsOf(statement).contains("ec2:CreateSecurityGroup")
                        && statement.path("Resource").asText().contains(":security-group/"))
                .singleElement().satisfies(statement -> assertThat(statement.path("Condition").path("Null")
                        .path("aws:RequestTag/ferry:source-group").asText()).isEqualTo("false"));
        assertThat(statements).filteredOn(statement -> actionsOf(statement).contains("ec2:CreateTags"))
                .isNotEmpty().allSatisfy(statement -> assertThat(statement.path("Condition").isObject()).isTrue());
    }

    @Test
    void theStackDeclaresNoIamUserAndNoAccessKey() {
        List<String> types = new ArrayList<>();
        resources.forEach(resource -> types.add(resource.path("Type").asText()));
        List<String> actions = new ArrayList<>();
        collectActions(template, actions);

        assertThat(types).doesNotContain("AWS::IAM::User", "AWS::IAM::AccessKey");
        assertThat(actions).doesNotContain("iam:CreateUser", "iam:CreateAccessKey");
    }

    private List<JsonNode> statementsOf(String function) {
        List<JsonNode> statements = new ArrayList<>();
        properties(function).path("Policies").findValues("Statement").forEach(list -> list.forEach(statements::add));
        return statements;
    }

    private JsonNode statementAllowing(String function, String action) {
        for (JsonNode statement : properties(function).path("Policies").findValues("Statement")) {
            for (JsonNode entry : statement) {
                JsonNode actions = entry.path("Action");
                if (actions.isArray() ? texts(actions).contains(action) : actions.asText().equals(action)) {
                    return entry;
                }
            }
        }
        throw new AssertionError(function + " has no statement allowing " + action);
    }

    private Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = new java.util.TreeMap<>();
        resources.fields().forEachRemaining(entry -> {
            if ("AWS::Serverless::Function".equals(entry.getValue().path("Type").asText())) {
                functions.put(entry.getKey(), entry.getValue());
            }
        });
        return functions;
    }

    private JsonNode properties(String logicalId) {
        JsonNode resource = resources.path(logicalId);
        assertThat(resource.isMissingNode()).as("resource " + logicalId + " exists").isFalse();
        return resource.path("Properties");
    }

    /** The actions of every statement that allows (a Deny grants nothing, so its wildcard is no privilege). */
    private static void collectActions(JsonNode node, List<String> actions) {
        if (node.isObject() && "Deny".equals(node.path("Effect").asText())) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (entry.getKey().equals("Action") || entry.getKey().equals("NotAction")) {
                    if (entry.getValue().isArray()) {
                        entry.getValue().forEach(action -> actions.add(action.asText()));
                    } else {
                        actions.add(entry.getValue().asText());
                    }
                } else {
                    collectActions(entry.getValue(), actions);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectActions(child, actions));
        }
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("No class " + name + " in the functions artifact", e);
        }
    }

    private static Map<String, String> attributes(JsonNode definitions) {
        Map<String, String> attributes = new java.util.TreeMap<>();
        definitions.forEach(definition -> attributes.put(definition.path("AttributeName").asText(),
                definition.path("AttributeType").asText()));
        return attributes;
    }

    private static List<String> keys(JsonNode keySchema) {
        List<String> keys = new ArrayList<>();
        keySchema.forEach(key -> keys.add(key.path("AttributeName").asText() + " " + key.path("KeyType").asText()));
        return keys;
    }

    private static List<String> keys(List<KeySchemaElement> keySchema) {
        return keySchema.stream().map(key -> key.attributeName() + " " + key.keyTypeAsString()).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** A statement's actions, whether it names one or a list. */
    private static List<String> actionsOf(JsonNode statement) {
        JsonNode action = statement.path("Action");
        return action.isArray() ? texts(action) : List.of(action.asText());
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }
}
