package dev.ferry.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployed state machine file is valid and wired to the template's functions. */
class StateMachineDefinitionTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final List<String> TRANSIENT_LAMBDA_ERRORS = List.of("Lambda.ServiceException",
            "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException");
    private static final Set<String> TERMINAL_TYPES = Set.of("Succeed", "Fail");

    private final JsonNode template = ProjectFiles.template();
    private final Path definitionFile = ProjectFiles.path(
            template.path("Resources").path("WaveStateMachine").path("Properties").path("DefinitionUri").asText());
    private final String definitionText = ProjectFiles.read(definitionFile);
    private final JsonNode definition = readJson(definitionText);
    private final JsonNode states = definition.path("States");

    @Test
    void everyPlaceholderIsSuppliedByTheTemplateAndEverySubstitutionIsUsed() {
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(definitionText);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }

        assertThat(placeholders).isNotEmpty();
        assertThat(substitutions().keySet()).containsExactlyInAnyOrderElementsOf(placeholders);
    }

    @Test
    void everySubstitutionIsTheAliasOfAFunctionDefinedInTheTemplate() {
        assertThat(substitutions()).allSatisfy((name, value) -> {
            assertThat(value).as(name).endsWith(".Alias");
            String function = value.substring(0, value.length() - ".Alias".length());
            assertThat(template.path("Resources").path(function).path("Type").asText())
                    .as(name + " names function " + function)
                    .isEqualTo("AWS::Serverless::Function");
        });
    }

    @Test
    void everyTransitionLeadsToAStateAndEveryStateIsReachable() {
        Set<String> reached = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of(definition.path("StartAt").asText()));
        while (!toVisit.isEmpty()) {
            String name = toVisit.pop();
            if (reached.add(name)) {
                assertThat(states.has(name)).as("state " + name + " exists").isTrue();
                toVisit.addAll(successors(states.path(name)));
            }
        }

        assertThat(reached).containsExactlyInAnyOrderElementsOf(stateNames());
    }

    @Test
    void everyPathEndsInASucceedOrFailState() {
        stateNames().forEach(name -> {
            JsonNode state = states.path(name);
            boolean terminal = TERMINAL_TYPES.contains(state.path("Type").asText()) || state.path("End").asBoolean();
            assertThat(terminal || !successors(state).isEmpty()).as(name + " leads somewhere").isTrue();
        });
        assertThat(stateNames()).anyMatch(name -> "Succeed".equals(states.path(name).path("Type").asText()));
    }

    @Test
    void everyTaskRetriesTransientLambdaErrorsWithBackoff() {
        assertThat(tasks()).isNotEmpty().allSatisfy((name, task) -> {
            JsonNode retrier = findRetrier(task, TRANSIENT_LAMBDA_ERRORS.get(0));
            assertThat(retrier).as(name + " retries transient Lambda errors").isNotNull();
            assertThat(texts(retrier.path("ErrorEquals"))).as(name).containsAll(TRANSIENT_LAMBDA_ERRORS);
            assertThat(retrier.path("MaxAttempts").asInt()).as(name).isGreaterThanOrEqualTo(3);
            assertThat(retrier.path("BackoffRate").asDouble()).as(name).isGreaterThan(1.0);
        });
    }

    @Test
    void everyTaskRunsAgainWhenAnInvocationRanButItsResultWasLost() {
        // Every stage is idempotent, so a function that timed out or crashed after its side effects is run again.
        assertThat(tasks()).isNotEmpty().allSatisfy((name, task) -> {
            JsonNode retrier = findRetrier(task, "Sandbox.Timedout");
            assertThat(retrier).as(name + " retries a lost result").isNotNull();
            assertThat(texts(retrier.path("ErrorEquals"))).as(name).containsExactly("Sandbox.Timedout", "Lambda.Unknown");
            assertThat(retrier.path("MaxAttempts").asInt()).as(name).isGreaterThanOrEqualTo(6);
        });
    }

    @Test
    void everyTaskRunsAgainAfterAnAwsCallFailedTransientlyBeyondItsClientsRetries() {
        assertThat(tasks()).isNotEmpty().allSatisfy((name, task) -> {
            JsonNode retrier = findRetrier(task, "dev.ferry.handler.TransientAwsException");
            assertThat(retrier).as(name + " retries a transient AWS failure").isNotNull();
            assertThat(texts(retrier.path("ErrorEquals"))).as(name).contains("dev.ferry.mgn.MgnThrottledException");
            assertThat(retrier.path("IntervalSeconds").asInt()).as(name).isGreaterThanOrEqualTo(10);
            assertThat(retrier.path("MaxAttempts").asInt()).as(name).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void stagesThatTerminateInstancesWaitForMgnsJobQuotaInsteadOfFailingTheWave() {
        for (String name : List.of("SettleTest", "SettleCutover", "NotApprovedRejected", "NotApprovedTimedOut")) {
            JsonNode retrier = findRetrier(tasks().get(name), "dev.ferry.mgn.MgnQuotaExceededException");
            assertThat(retrier).as(name + " retries when MGN's job quota is reached").isNotNull();
            assertThat(retrier.path("IntervalSeconds").asInt()).as(name).isGreaterThanOrEqualTo(60);
            assertThat(retrier.path("MaxAttempts").asInt()).as(name).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void everyTaskCatchesAnyErrorIntoAStateThatReportsOrFailsClearly() {
        Set<String> sensibleTargets = Set.of("ReportError", "ReportFailed", "ExplainPreflightError");
        assertThat(tasks()).allSatisfy((name, task) -> {
            JsonNode catchAll = null;
            for (JsonNode catcher : task.path("Catch")) {
                if (texts(catcher.path("ErrorEquals")).contains("States.ALL")) {
                    catchAll = catcher;
                }
            }
            assertThat(catchAll).as(name + " catches States.ALL").isNotNull();
            assertThat(catchAll.path("Next").asText()).as(name).isIn(sensibleTargets);
            assertThat(catchAll.path("ResultPath").asText()).as(name + " keeps its input beside the error").startsWith("$.");
        });
    }

    @Test
    void everyJavaErrorNameIsTheQualifiedNameOfAnExceptionClass() {
        Set<String> javaErrors = new TreeSet<>();
        tasks().values().forEach(task -> {
            task.path("Retry").forEach(retrier -> javaErrors.addAll(texts(retrier.path("ErrorEquals"))));
            task.path("Catch").forEach(catcher -> javaErrors.addAll(texts(catcher.path("ErrorEquals"))));
        });
        javaErrors.removeIf(error -> !error.startsWith("dev.ferry."));

        assertThat(javaErrors).isNotEmpty().allSatisfy(error ->
                assertThat(Throwable.class.isAssignableFrom(Class.forName(error))).as(error).isTrue());
    }

    @Test
    void everyWaitTaskParksOnATaskTokenWithATimeoutFromTheWaveLimits() {
        Map<String, JsonNode> waits = new TreeMap<>();
        tasks().forEach((name, task) -> {
            if (task.path("Resource").asText().endsWith(".waitForTaskToken")) {
                waits.put(name, task);
            }
        });

        assertThat(waits.keySet()).contains("AwaitReplication", "LaunchTest", "RequestApproval", "LaunchCutover");
        assertThat(waits).allSatisfy((name, task) -> {
            assertThat(task.path("Parameters").path("Payload").path("taskToken.$").asText()).as(name).isEqualTo("$$.Task.Token");
            assertThat(task.path("TimeoutSecondsPath").asText()).as(name).startsWith("$.limits.");
        });
    }

    @Test
    void preflightGoesToAgentInstallationOnlyWhenItsOptionIsOn() {
        JsonNode choice = states.path(states.path("Preflight").path("Next").asText());

        assertThat(choice.path("Type").asText()).isEqualTo("Choice");
        assertThat(choice.path("Choices")).singleElement().satisfies(rule -> {
            assertThat(rule.path("Variable").asText()).isEqualTo("$.options.installAgents");
            assertThat(rule.path("BooleanEquals").asBoolean()).isTrue();
            assertThat(rule.path("Next").asText()).isEqualTo("InstallAgents");
        });
        assertThat(choice.path("Default").asText()).isEqualTo("AfterPreflight");
    }

    @Test
    void agentInstallationIsCalledAgainAfterAWaitUntilDoneThenGoesOnOrToTheReport() {
        JsonNode install = states.path("InstallAgents");
        JsonNode after = states.path(install.path("Next").asText());
        JsonNode pending = after.path("Choices").get(0);
        JsonNode wait = states.path(pending.path("Next").asText());

        assertThat(install.path("ResultPath").asText()).isEqualTo("$.agents");
        assertThat(pending.path("Variable").asText()).isEqualTo("$.agents.done");
        assertThat(pending.path("BooleanEquals").asBoolean()).isFalse();
        assertThat(wait.path("Type").asText()).isEqualTo("Wait");
        assertThat(wait.path("Seconds").asInt()).isBetween(30, 300);
        assertThat(wait.path("Next").asText()).isEqualTo("InstallAgents");
        assertThat(after.path("Choices").get(1).path("Variable").asText()).isEqualTo("$.agents.progress.stopped");
        assertThat(after.path("Choices").get(1).path("Next").asText()).isEqualTo("Report");
        assertThat(after.path("Choices").get(2).path("Variable").asText()).isEqualTo("$.agents.progress.active");
        assertThat(after.path("Choices").get(2).path("Next").asText()).isEqualTo("Report");
        assertThat(after.path("Default").asText()).isEqualTo("AfterPreflight");
    }

    @Test
    void aslValidatorAcceptsTheDefinitionWithArnsInPlaceOfPlaceholders(@TempDir Path work) throws Exception {
        ExternalTool validator = ExternalTool.require("asl-validator",
                ProjectFiles.path("tools/asl/node_modules/.bin/asl-validator"));
        Path resolved = work.resolve("wave.asl.json");
        Files.writeString(resolved, PLACEHOLDER.matcher(definitionText)
                .replaceAll(match -> "arn:aws:lambda:eu-central-1:111122223333:function:ferry-" + match.group(1) + ":live"));

        ExternalTool.Result result = validator.run("--json-path", resolved.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("is valid");
    }

    private Map<String, String> substitutions() {
        Map<String, String> substitutions = new TreeMap<>();
        template.path("Resources").path("WaveStateMachine").path("Properties").path("DefinitionSubstitutions").fields()
                .forEachRemaining(entry -> substitutions.put(entry.getKey(), entry.getValue().asText()));
        return substitutions;
    }

    private List<String> stateNames() {
        List<String> names = new ArrayList<>();
        states.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Map<String, JsonNode> tasks() {
        Map<String, JsonNode> tasks = new TreeMap<>();
        states.fields().forEachRemaining(entry -> {
            if ("Task".equals(entry.getValue().path("Type").asText())) {
                tasks.put(entry.getKey(), entry.getValue());
            }
        });
        return tasks;
    }

    private static List<String> successors(JsonNode state) {
        List<String> next = new ArrayList<>();
        if (state.hasNonNull("Next")) {
            next.add(state.path("Next").asText());
        }
        if (state.hasNonNull("Default")) {
            next.add(state.path("Default").asText());
        }
        state.path("Choices").forEach(choice -> next.add(choice.path("Next").asText()));
        state.path("Catch").forEach(catcher -> next.add(catcher.path("Next").asText()));
        return next;
    }

    private static JsonNode findRetrier(JsonNode task, String error) {
        for (JsonNode retrier : task.path("Retry")) {
            if (texts(retrier.path("ErrorEquals")).contains(error)) {
                return retrier;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("The state machine file is not valid JSON", e);
        }
    }
}
