package dev.ferry.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.config.Dependencies;
import dev.ferry.config.Setting;
import dev.ferry.config.Settings;
import dev.ferry.retry.Sleeper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable a function reads is one template.yaml declares for it, and every one
 * it declares is read: each function's handler is built as Lambda builds it (its constructor takes
 * all it needs), with exactly the variables the template gives it plus those Lambda sets.
 */
class FunctionSettingsTest {

    /** Set by Lambda in every function. */
    private static final Set<String> SET_BY_LAMBDA = Set.of(Setting.AWS_REGION.name());
    /**
     * Read by Powertools itself in every function, on every invocation, and by Ferry's metrics
     * wherever they are built: declared for every function, whether or not its handler reads them as it is built.
     */
    private static final Set<String> READ_BY_POWERTOOLS =
            Set.of("POWERTOOLS_SERVICE_NAME", Setting.POWERTOOLS_METRICS_NAMESPACE.name());
    /** Read by the JVM as it starts. */
    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

    static Stream<String> functions() {
        return ProjectFiles.templateFunctions().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void theFunctionReadsExactlyTheVariablesTheTemplateDeclaresForIt(String function) throws Exception {
        Map<String, String> declared = declaredEnvironment(function);
        Map<String, String> environment = new LinkedHashMap<>(declared);
        SET_BY_LAMBDA.forEach(name -> environment.put(name, "eu-central-1"));
        Settings settings = Settings.of(environment);

        Class.forName(handlerClass(function)).getConstructor(Dependencies.class).newInstance(
                Dependencies.of(settings, Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC),
                        Sleeper.threadSleep()));

        Set<String> read = settings.read().stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new));
        read.removeAll(READ_BY_POWERTOOLS);
        Set<String> expected = new TreeSet<>(declared.keySet());
        expected.addAll(SET_BY_LAMBDA);
        expected.removeAll(READ_BY_POWERTOOLS);
        expected.remove(JVM_OPTIONS);
        assertThat(read).as("the settings %s reads, against what template.yaml declares for it", function)
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void everyFunctionGivesPowertoolsItsServiceAndNamespace(String function) {
        assertThat(declaredEnvironment(function).keySet()).containsAll(READ_BY_POWERTOOLS);
    }

    @org.junit.jupiter.api.Test
    void everyFunctionStartsItsJvmWithTheQuickCompilerAlone() {
        String options = ProjectFiles.template().path("Globals").path("Function").path("Environment")
                .path("Variables").path(JVM_OPTIONS).asText();
        assertThat(options.split(" ")).contains("-XX:TieredStopAtLevel=1");
        functions().forEach(function -> assertThat(ProjectFiles.template().path("Resources").path(function)
                .path("Properties").path("Environment").path("Variables").has(JVM_OPTIONS))
                .as("%s keeps the template's JVM options", function).isFalse());
    }

    @org.junit.jupiter.api.Test
    void everySettingIsReadBySomeFunction() {
        Set<String> declaredSomewhere = functions().flatMap(function -> declaredEnvironment(function).keySet().stream())
                .collect(Collectors.toSet());
        declaredSomewhere.addAll(SET_BY_LAMBDA);
        Set<String> settings = EnumSet.allOf(Setting.class).stream().map(Setting::name).collect(Collectors.toSet());

        assertThat(declaredSomewhere).containsAll(settings);
    }

    /** The function's variables: the template's Globals, then its own over them. */
    private static Map<String, String> declaredEnvironment(String function) {
        JsonNode template = ProjectFiles.template();
        Map<String, String> variables = new LinkedHashMap<>();
        template.path("Globals").path("Function").path("Environment").path("Variables").fields()
                .forEachRemaining(entry -> variables.put(entry.getKey(), sampleValue(entry.getKey())));
        template.path("Resources").path(function).path("Properties").path("Environment").path("Variables").fields()
                .forEachRemaining(entry -> variables.put(entry.getKey(), sampleValue(entry.getKey())));
        return variables;
    }

    /** A value of the kind the variable holds; the template's references resolve to such values. */
    private static String sampleValue(String variable) {
        return variable.equals(Setting.RECORD_RETENTION_DAYS.name()) ? "180" : "value-of-" + variable;
    }

    private static String handlerClass(String function) {
        String handler = ProjectFiles.template().path("Resources").path(function).path("Properties").path("Handler")
                .asText();
        return handler.substring(0, handler.indexOf("::"));
    }
}
