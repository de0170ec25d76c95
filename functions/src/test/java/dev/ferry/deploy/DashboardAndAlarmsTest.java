package dev.ferry.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.metrics.EmfLines;
import dev.ferry.metrics.FinishedStage;
import dev.ferry.metrics.MetricNames;
import dev.ferry.metrics.StageOutcome;
import dev.ferry.metrics.WaveMetrics;
import dev.ferry.server.Stage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml's dashboard and alarms against what the functions emit: every Ferry metric the
 * dashboard or an alarm shows is one that {@link WaveMetrics} writes, in the namespace, under the
 * service and with the dimensions the functions get; and every function's errors and throttles
 * are watched.
 */
class DashboardAndAlarmsTest {

    private static final Pattern SEARCH = Pattern.compile(
            "SEARCH\\('\\{([^}]*)\\}\\s+Service=\"([^\"]*)\"\\s+MetricName=\"([^\"]*)\"'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z]+)?}");

    private final JsonNode template = ProjectFiles.template();
    private final JsonNode resources = template.path("Resources");
    private final String namespace = globalVariable("POWERTOOLS_METRICS_NAMESPACE");
    private final String service = globalVariable("POWERTOOLS_SERVICE_NAME");

    /** A metric as CloudWatch keys it: namespace, name and the dimensions with their values (a search: the values it filters on). */
    record ShownMetric(String namespace, String name, Map<String, String> dimensions) {
    }

    @Test
    void everyFerryMetricTheDashboardShowsIsOneTheFunctionsEmitWithTheirNamespaceServiceAndDimensions() {
        Map<String, Set<Set<String>>> emitted = emittedDimensionSets();
        List<ShownMetric> shown = dashboardMetrics().stream()
                .filter(metric -> !metric.namespace().startsWith("AWS/"))
                .toList();

        assertThat(shown).isNotEmpty().allSatisfy(metric -> {
            assertThat(metric.namespace()).as("namespace of %s", metric).isEqualTo(namespace);
            assertThat(emitted).as("metric the functions emit").containsKey(metric.name());
            assertThat(emitted.get(metric.name())).as("dimension sets of %s", metric.name())
                    .contains(metric.dimensions().keySet());
            assertThat(metric.dimensions()).as("service of %s", metric).containsEntry(MetricNames.SERVICE, service);
        });
        assertThat(shown).extracting(ShownMetric::name).containsAll(emitted.keySet());
    }

    @Test
    void theDashboardShowsTheStacksOwnStateMachineAndEveryFunction() {
        List<ShownMetric> shown = dashboardMetrics();

        assertThat(shown).filteredOn(metric -> metric.namespace().equals("AWS/States"))
                .isNotEmpty().allSatisfy(metric -> assertThat(metric.dimensions())
                        .containsEntry("StateMachineArn", "${WaveStateMachine}"));
        for (String metricName : List.of("Errors", "Throttles")) {
            assertThat(shown).filteredOn(metric -> metric.namespace().equals("AWS/Lambda")
                            && metric.name().equals(metricName))
                    .extracting(metric -> metric.dimensions().get("FunctionName"))
                    .as("functions whose %s the dashboard shows", metricName)
                    .containsExactlyInAnyOrderElementsOf(ProjectFiles.templateFunctions().stream()
                            .map(function -> "${" + function + "}").toList());
        }
    }

    @Test
    void theDashboardNamesOnlyResourcesOfTheTemplate() {
        Matcher placeholder = PLACEHOLDER.matcher(dashboardBody());
        Set<String> named = new TreeSet<>();
        while (placeholder.find()) {
            named.add(placeholder.group(1));
        }

        assertThat(named).isNotEmpty().allSatisfy(name -> assertThat(resources.has(name))
                .as("resource %s", name).isTrue());
    }

    @Test
    void everyFunctionsErrorsAndThrottlesAreWatchedByAnAlarmOfAtMostTenMetrics() {
        Map<String, Set<String>> watched = new HashMap<>();
        alarms().forEach((name, alarm) -> {
            JsonNode metrics = alarm.path("Properties").path("Metrics");
            int metricStats = 0;
            for (JsonNode query : metrics) {
                JsonNode metric = query.path("MetricStat").path("Metric");
                if (metric.isMissingNode()) {
                    continue;
                }
                metricStats++;
                if (metric.path("Namespace").asText().equals("AWS/Lambda")) {
                    watched.computeIfAbsent(metric.path("MetricName").asText(), any -> new TreeSet<>())
                            .add(dimension(metric.path("Dimensions"), "FunctionName"));
                }
            }
            assertThat(metricStats).as("metrics of alarm %s", name).isLessThanOrEqualTo(10);
        });

        Set<String> functions = new TreeSet<>(ProjectFiles.templateFunctions());
        assertThat(watched.get("Errors")).as("functions whose errors raise an alarm").isEqualTo(functions);
        assertThat(watched.get("Throttles")).as("functions whose throttles raise an alarm").isEqualTo(functions);
    }

    @Test
    void theStageFailuresAlarmWatchesTheFailedServersTheFunctionsCountUnderOutcomeAlone() {
        JsonNode alarm = resources.path("StageFailuresAlarm").path("Properties");
        Map<String, String> dimensions = new TreeMap<>();
        alarm.path("Dimensions").forEach(d -> dimensions.put(d.path("Name").asText(), d.path("Value").asText()));

        assertThat(alarm.path("Namespace").asText()).isEqualTo(namespace);
        assertThat(alarm.path("MetricName").asText()).isEqualTo(MetricNames.STAGE_OUTCOMES);
        assertThat(dimensions).isEqualTo(Map.of(MetricNames.SERVICE, service,
                MetricNames.OUTCOME, StageOutcome.FAILED.name()));
        assertThat(emittedDimensionSets().get(MetricNames.STAGE_OUTCOMES)).contains(dimensions.keySet());
    }

    @Test
    void everyAlarmNotifiesTheAlarmTopicWhichReachesAnOperator() {
        assertThat(alarms()).hasSizeGreaterThanOrEqualTo(9).allSatisfy((name, alarm) ->
                assertThat(alarm.path("Properties").path("AlarmActions").get(0).asText()).as(name)
                        .isEqualTo("AlarmTopic"));
        assertThat(resources.path("AlarmSubscription").path("Properties").path("Protocol").asText()).isEqualTo("email");
        assertThat(resources.path("AlarmTopic").path("Properties").path("KmsMasterKeyId").asText())
                .isEqualTo("NotificationKey");
    }

    @Test
    void theStackGivesTheDashboardsConsoleAddress() {
        assertThat(template.path("Outputs").path("DashboardUrl").path("Value").asText())
                .startsWith("https://${AWS::Region}.console.aws.amazon.com/cloudwatch/home")
                .endsWith("#dashboards:name=${WaveDashboard}");
    }

    /** What the functions' metric lines declare: each metric's dimension sets, from the EMF the code writes. */
    private Map<String, Set<Set<String>>> emittedDimensionSets() {
        WaveMetrics metrics = new WaveMetrics(namespace, service);
        FinishedStage stage = new FinishedStage(Stage.REPLICATION,
                Map.of(StageOutcome.PASSED, 1, StageOutcome.FAILED, 1, StageOutcome.LEFT_OUT, 0), Duration.ofMinutes(5));
        List<JsonNode> lines = EmfLines.during(() -> {
            metrics.finishedStage("wave-1", stage);
            metrics.replicationLag("wave-1", "s-1", Duration.ofSeconds(3));
            metrics.approvalsWaiting(1);
        });
        Map<String, Set<Set<String>>> sets = new TreeMap<>();
        for (JsonNode line : lines) {
            for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
                assertThat(directive.path("Namespace").asText()).isEqualTo(namespace);
                for (JsonNode definition : directive.path("Metrics")) {
                    Set<Set<String>> forMetric = sets.computeIfAbsent(definition.path("Name").asText(),
                            any -> new java.util.HashSet<>());
                    directive.path("Dimensions").forEach(set -> {
                        Set<String> names = new TreeSet<>();
                        set.forEach(nameNode -> names.add(nameNode.asText()));
                        forMetric.add(names);
                    });
                }
            }
        }
        return sets;
    }

    /** Every metric row and every search of the dashboard's metric widgets. */
    private List<ShownMetric> dashboardMetrics() {
        List<ShownMetric> shown = new ArrayList<>();
        for (JsonNode widget : dashboard().path("widgets")) {
            for (JsonNode row : widget.path("properties").path("metrics")) {
                JsonNode first = row.get(0);
                if (first.isObject()) {
                    shown.add(searched(first.path("expression").asText()));
                } else {
                    Map<String, String> dimensions = new TreeMap<>();
                    for (int i = 2; i + 1 < row.size() && row.get(i).isTextual(); i += 2) {
                        dimensions.put(row.get(i).asText(), row.get(i + 1).asText());
                    }
                    shown.add(new ShownMetric(first.asText(), row.get(1).asText(), dimensions));
                }
            }
        }
        return shown;
    }

    private static ShownMetric searched(String expression) {
        Matcher search = SEARCH.matcher(expression);
        assertThat(search.find()).as("a search of one metric by namespace, service and name: %s", expression).isTrue();
        String[] schema = search.group(1).split(",");
        Map<String, String> dimensions = new TreeMap<>();
        for (int i = 1; i < schema.length; i++) {
            dimensions.put(schema[i].trim(), schema[i].trim().equals(MetricNames.SERVICE) ? search.group(2) : "*");
        }
        return new ShownMetric(schema[0].trim(), search.group(3), dimensions);
    }

    private JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(dashboardBody());
        } catch (IOException e) {
            throw new AssertionError("The dashboard body is not JSON", e);
        }
    }

    private String dashboardBody() {
        assertThat(resources.path("WaveDashboard").path("Type").asText()).isEqualTo("AWS::CloudWatch::Dashboard");
        return resources.path("WaveDashboard").path("Properties").path("DashboardBody").asText();
    }

    private Map<String, JsonNode> alarms() {
        Map<String, JsonNode> alarms = new TreeMap<>();
        resources.fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals("AWS::CloudWatch::Alarm")) {
                alarms.put(entry.getKey(), entry.getValue());
            }
        });
        return alarms;
    }

    private static String dimension(JsonNode dimensions, String name) {
        for (JsonNode dimension : dimensions) {
            if (dimension.path("Name").asText().equals(name)) {
                return dimension.path("Value").asText();
            }
        }
        throw new AssertionError("No dimension " + name + " in " + dimensions);
    }

    private String globalVariable(String name) {
        return template.path("Globals").path("Function").path("Environment").path("Variables").path(name).asText();
    }
}
