package dev.ferry.local.rehearsal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.cloud.apigateway.HttpRoute;
import dev.ferry.local.cloud.events.EventPattern;
import dev.ferry.local.cloud.events.EventRule;
import dev.ferry.local.cloud.lambda.FunctionDefinition;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project's own template.yaml, read as the local cloud deploys it. */
class ProjectTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "eu-central-1";
    private static final String ACCOUNT = "111122223333";

    private final ProjectTemplate template = ProjectTemplate.load(ProjectFolder.root());

    @Test
    void everyDefinitionSubstitutionBecomesTheAliasArnOfALocalFunction() throws IOException {
        String definition = template.stateMachineDefinition(REGION, ACCOUNT);

        assertThat(definition).doesNotContain("${")
                .contains("\"arn:aws:lambda:eu-central-1:111122223333:function:PreflightFunction:live\"")
                .contains("\"arn:aws:lambda:eu-central-1:111122223333:function:ReportFunction:live\"");
        assertThat(JSON.readTree(definition).path("StartAt").asText()).isEqualTo("Preflight");
    }

    @Test
    void functionsHaveTheirHandlerClassAndTheGlobalsAppliedUnderTheirOwnSettings() throws IOException {
        FunctionDefinition reconciler = template.functions().get("ReconcilerFunction");
        FunctionDefinition approval = template.functions().get("RequestApprovalFunction");

        assertThat(reconciler.handlerClass()).isEqualTo("dev.ferry.handler.ReconcilerHandler");
        assertThat(reconciler.timeoutSeconds()).isEqualTo(300);
        assertThat(reconciler.memoryMb()).isEqualTo(1024);
        assertThat(approval.environment()).containsKeys("TABLE_NAME", "TOPIC_ARN", "APPROVAL_BASE_URL");
        String templateText = Files.readString(ProjectFolder.root().resolve("template.yaml"));
        long declaredFunctions = templateText.lines()
                .filter(line -> line.trim().equals("Type: AWS::Serverless::Function")).count();
        assertThat(declaredFunctions).isGreaterThanOrEqualTo(13);
        assertThat(template.functionList()).hasSize((int) declaredFunctions);
    }

    @Test
    void environmentReferencesResolveToTheLocalResources() {
        LocalResources local = new LocalResources(REGION, ACCOUNT, "ferry-waves",
                "arn:aws:sns:eu-central-1:111122223333:ferry-notifications", "http://127.0.0.1:4566",
                "ferry-reports-111122223333-eu-central-1");

        Map<String, String> environment = template.environmentOf(template.functions().get("RequestApprovalFunction"), local);

        assertThat(environment).containsEntry("TABLE_NAME", "ferry-waves")
                .containsEntry("TOPIC_ARN", "arn:aws:sns:eu-central-1:111122223333:ferry-notifications")
                .containsEntry("APPROVAL_BASE_URL", "http://127.0.0.1:4566")
                .containsEntry("POWERTOOLS_SERVICE_NAME", "ferry");
    }

    @Test
    void theReportBucketReferenceResolvesToTheLocalBucketsName() {
        LocalResources local = new LocalResources(REGION, ACCOUNT, "ferry-waves",
                "arn:aws:sns:eu-central-1:111122223333:ferry-notifications", "http://127.0.0.1:4566",
                "ferry-reports-111122223333-eu-central-1");

        Map<String, String> environment = template.environmentOf(template.functions().get("ReportFunction"), local);

        assertThat(environment).containsEntry("REPORT_BUCKET", "ferry-reports-111122223333-eu-central-1");
    }

    @Test
    void theAgentInstanceProfileArnResolvesToAProfileOfTheLocalAccount() {
        LocalResources local = new LocalResources(REGION, ACCOUNT, "ferry-waves",
                "arn:aws:sns:eu-central-1:111122223333:ferry-notifications", "http://127.0.0.1:4566",
                "ferry-reports-111122223333-eu-central-1");

        Map<String, String> environment = template.environmentOf(template.functions().get("InstallAgentsFunction"), local);

        assertThat(environment).containsEntry("AGENT_INSTANCE_PROFILE_ARN",
                "arn:aws:iam::111122223333:instance-profile/AgentInstanceProfile");
    }

    @Test
    void theStacksAgentInstanceProfileIsReadWithItsRolesManagedPolicies() {
        assertThat(template.instanceProfiles()).containsExactly(new InstanceProfileDefinition("AgentInstanceProfile",
                "AgentInstanceRole", List.of(
                        "arn:aws:iam::aws:policy/AWSApplicationMigrationServiceEc2InstancePolicy",
                        "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")));
    }

    @Test
    void theEventRouterRuleMatchesTheDocumentedMgnEventsAndNothingElse() throws IOException {
        EventRule rule = template.eventRules().getFirst();

        assertThat(template.eventRules()).hasSize(1);
        assertThat(rule.function()).isEqualTo("EventRouterFunction");
        assertThat(rule.matches(event("mgn-launch-result-test-succeeded.json"))).isTrue();
        assertThat(rule.matches(event("mgn-lifecycle-ready-for-test.json"))).isTrue();
        assertThat(rule.matches(event("mgn-replication-stalled.json"))).isTrue();
        assertThat(rule.matches(event("scheduled-reconcile.json"))).isFalse();
        assertThat(rule.matches(event("invalid-event-wrong-source.json"))).isFalse();
    }

    @Test
    void theReconcilerRunsAtTheDefaultRateOfItsParameter() {
        assertThat(template.schedules()).singleElement().satisfies(schedule -> {
            assertThat(schedule.function()).isEqualTo("ReconcilerFunction");
            assertThat(schedule.rate()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void theApprovalPagesAreRoutedWithTheirPathParameter() {
        assertThat(template.httpRoutes()).extracting(HttpRoute::routeKey)
                .containsExactlyInAnyOrder("GET /approvals/{approvalId}", "POST /approvals/{approvalId}");
        HttpRoute route = template.httpRoutes().getFirst();
        assertThat(route.match("/approvals/abc123")).contains(Map.of("approvalId", "abc123"));
        assertThat(route.match("/approvals/")).isEmpty();
        assertThat(route.match("/approvals/abc/extra")).isEmpty();
    }

    @Test
    void aContentFilterInARulePatternIsRefusedRatherThanMatchedWrongly() throws IOException {
        JsonNode pattern = JSON.readTree("{\"source\": [{\"prefix\": \"aws.\"}]}");

        assertThatThrownBy(() -> EventPattern.of(pattern, "Rule.Pattern"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Rule.Pattern.source")
                .hasMessageContaining("exact values only");
    }

    private static JsonNode event(String name) throws IOException {
        return JSON.readTree(Files.readString(ProjectFolder.event(name)));
    }
}
