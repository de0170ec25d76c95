package dev.ferry.local.rehearsal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ferry.local.cloud.apigateway.HttpRoute;
import dev.ferry.local.cloud.events.EventPattern;
import dev.ferry.local.cloud.events.EventRule;
import dev.ferry.local.cloud.events.ScheduleRule;
import dev.ferry.local.cloud.lambda.FunctionDefinition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's SAM template (template.yaml) as the local cloud deploys it: the state machine file
 * and its {@code DefinitionSubstitutions}, each function's handler class and environment, and the
 * events that invoke functions (EventBridge rule, schedule, HTTP API routes).
 *
 * <p>CloudFormation's short tags are read as plain values ({@code !Ref WaveTable} is
 * {@code WaveTable}, {@code !Sub 'rate(${X} minutes)'} is the string), which is all the local
 * cloud needs: a reference is resolved by what the named resource is.
 */
public final class ProjectTemplate {

    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String STATE_MACHINE = "AWS::Serverless::StateMachine";
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String TOPIC = "AWS::SNS::Topic";
    private static final String BUCKET = "AWS::S3::Bucket";
    private static final String HTTP_API = "AWS::Serverless::HttpApi";
    private static final String INSTANCE_PROFILE = "AWS::IAM::InstanceProfile";
    private static final String ARN_ATTRIBUTE = ".Arn";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    private final Path projectRoot;
    private final Map<String, String> parameterDefaults;
    private final Map<String, String> resourceTypes;
    private final Map<String, FunctionDefinition> functions;
    private final Map<String, String> aliases;
    private final String stateMachineName;
    private final Path definitionFile;
    private final Map<String, String> substitutions;
    private final List<EventRule> eventRules = new ArrayList<>();
    private final List<ScheduleRule> schedules = new ArrayList<>();
    private final List<HttpRoute> httpRoutes = new ArrayList<>();
    private final List<InstanceProfileDefinition> instanceProfiles = new ArrayList<>();

    private ProjectTemplate(Path projectRoot, JsonNode root) {
        this.projectRoot = projectRoot;
        this.parameterDefaults = parameterDefaults(root.path("Parameters"));
        JsonNode resources = root.path("Resources");
        if (!resources.isObject()) {
            throw new TemplateException("template.yaml has no Resources");
        }
        this.resourceTypes = new LinkedHashMap<>();
        resources.fields().forEachRemaining(entry -> resourceTypes.put(entry.getKey(), entry.getValue().path("Type").asText()));
        JsonNode globals = root.path("Globals").path("Function");
        this.functions = new LinkedHashMap<>();
        this.aliases = new LinkedHashMap<>();
        for (Map.Entry<String, String> resource : resourceTypes.entrySet()) {
            if (FUNCTION.equals(resource.getValue())) {
                readFunction(resource.getKey(), resources.get(resource.getKey()).path("Properties"), globals);
            } else if (INSTANCE_PROFILE.equals(resource.getValue())) {
                readInstanceProfile(resource.getKey(), resources);
            }
        }
        List<String> stateMachines = resourceTypes.entrySet().stream()
                .filter(entry -> STATE_MACHINE.equals(entry.getValue())).map(Map.Entry::getKey).toList();
        if (stateMachines.size() != 1) {
            throw new TemplateException("template.yaml must declare exactly one " + STATE_MACHINE + ", found " + stateMachines);
        }
        this.stateMachineName = stateMachines.getFirst();
        JsonNode stateMachine = resources.get(stateMachineName).path("Properties");
        String definitionUri = stateMachine.path("DefinitionUri").asText("");
        if (definitionUri.isEmpty()) {
            throw new TemplateException(stateMachineName + ": the local engine needs a DefinitionUri (a file of the project)");
        }
        this.definitionFile = projectRoot.resolve(definitionUri);
        this.substitutions = new LinkedHashMap<>();
        stateMachine.path("DefinitionSubstitutions").fields()
                .forEachRemaining(entry -> substitutions.put(entry.getKey(), entry.getValue().asText()));
    }

    private void readInstanceProfile(String logicalId, JsonNode resources) {
        JsonNode roles = resources.get(logicalId).path("Properties").path("Roles");
        if (roles.size() != 1 || !resources.has(roles.get(0).asText())) {
            throw new TemplateException(logicalId + ": an instance profile needs exactly one role of the template");
        }
        String role = roles.get(0).asText();
        List<String> policies = new ArrayList<>();
        resources.get(role).path("Properties").path("ManagedPolicyArns")
                .forEach(arn -> policies.add(arn.asText().replace("${AWS::Partition}", "aws")));
        instanceProfiles.add(new InstanceProfileDefinition(logicalId, role, policies));
    }

    /** Reads {@code template.yaml} of the project at {@code projectRoot}. */
    public static ProjectTemplate load(Path projectRoot) {
        Path file = projectRoot.resolve("template.yaml");
        try {
            return new ProjectTemplate(projectRoot, new YAMLMapper().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new TemplateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The instance profiles the stack makes, in template order. */
    public List<InstanceProfileDefinition> instanceProfiles() {
        return List.copyOf(instanceProfiles);
    }

    /** The project folder the template was read from. */
    public Path projectRoot() {
        return projectRoot;
    }

    /** The state machine's logical ID, used as its name in the local engine. */
    public String stateMachineName() {
        return stateMachineName;
    }

    /** Every function by logical ID, in template order. */
    public Map<String, FunctionDefinition> functions() {
        return Map.copyOf(functions);
    }

    /** The functions in template order. */
    public List<FunctionDefinition> functionList() {
        return List.copyOf(functions.values());
    }

    /** The EventBridge rules that invoke functions. */
    public List<EventRule> eventRules() {
        return List.copyOf(eventRules);
    }

    /** The schedules that invoke functions. */
    public List<ScheduleRule> schedules() {
        return List.copyOf(schedules);
    }

    /** The HTTP API routes that invoke functions. */
    public List<HttpRoute> httpRoutes() {
        return List.copyOf(httpRoutes);
    }

    /**
     * The ARN a function has in the local cloud: what {@code !Ref Function.Alias} gives when the
     * function publishes an alias, else {@code !GetAtt Function.Arn}.
     */
    public String functionArn(String logicalId, String region, String accountId) {
        String arn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + logicalId;
        String alias = aliases.get(logicalId);
        return alias == null ? arn : arn + ":" + alias;
    }

    /**
     * The state machine definition with its {@code DefinitionSubstitutions} resolved to the local
     * functions' ARNs.
     *
     * @throws TemplateException when the file cannot be read or a substitution names no function
     */
    public String stateMachineDefinition(String region, String accountId) {
        String definition;
        try {
            definition = Files.readString(definitionFile);
        } catch (IOException e) {
            throw new TemplateException("Cannot read the state machine definition " + definitionFile + ": " + e.getMessage(), e);
        }
        for (Map.Entry<String, String> substitution : substitutions.entrySet()) {
            String function = functionNamedBy(substitution.getValue());
            if (function == null) {
                throw new TemplateException(stateMachineName + ".DefinitionSubstitutions." + substitution.getKey()
                        + ": '" + substitution.getValue() + "' is not a function of the template; the local engine "
                        + "substitutes function references only");
            }
            definition = definition.replace("${" + substitution.getKey() + "}", functionArn(function, region, accountId));
        }
        Matcher left = REFERENCE.matcher(definition);
        if (left.find()) {
            throw new TemplateException(definitionFile.getFileName() + " uses ${" + left.group(1)
                    + "}, which DefinitionSubstitutions does not define");
        }
        return definition;
    }

    /**
     * A function's environment with its references resolved to the local resources: a reference
     * to the table gives its name, to the topic its ARN, to the bucket its name, an instance profile's {@code Arn} an ARN of
     * the local account named after the profile, and a value built on the HTTP API (its invoke
     * URL) the local API's base URL.
     *
     * @throws TemplateException when a value refers to something the local cloud does not have
     */
    public Map<String, String> environmentOf(FunctionDefinition function, LocalResources local) {
        Map<String, String> resolved = new LinkedHashMap<>();
        function.environment().forEach((name, value) ->
                resolved.put(name, resolve(value, local, function.logicalId() + ".Environment." + name)));
        return resolved;
    }

    private String resolve(String value, LocalResources local, String where) {
        if (resourceTypes.containsKey(value)) {
            return valueOfResource(value, local, where);
        }
        if (value.endsWith(ARN_ATTRIBUTE)) {
            String logicalId = value.substring(0, value.length() - ARN_ATTRIBUTE.length());
            if (INSTANCE_PROFILE.equals(resourceTypes.get(logicalId))) {
                // Nothing in the local cloud checks it; the functions only pass it on to IAM and EC2 calls.
                return "arn:aws:iam::" + local.accountId() + ":instance-profile/" + logicalId;
            }
        }
        if (parameterDefaults.containsKey(value)) {
            return parameterDefaults.get(value);
        }
        Matcher references = REFERENCE.matcher(value);
        StringBuilder substituted = new StringBuilder();
        while (references.find()) {
            String name = references.group(1);
            if (HTTP_API.equals(resourceTypes.get(name))) {
                // The value is built on the API's ID (its execute-api URL): locally the API has one URL.
                return local.httpApiUrl();
            }
            String replacement = switch (name) {
                case "AWS::Region" -> local.region();
                case "AWS::AccountId" -> local.accountId();
                default -> resourceTypes.containsKey(name) ? valueOfResource(name, local, where)
                        : parameterDefaults.get(name);
            };
            if (replacement == null) {
                throw new TemplateException(where + ": ${" + name + "} has no value in the local cloud");
            }
            references.appendReplacement(substituted, Matcher.quoteReplacement(replacement));
        }
        references.appendTail(substituted);
        return substituted.toString();
    }

    private String valueOfResource(String logicalId, LocalResources local, String where) {
        return switch (resourceTypes.get(logicalId)) {
            case TABLE -> local.tableName();
            case TOPIC -> local.topicArn();
            case BUCKET -> local.bucketName();
            case HTTP_API -> local.httpApiUrl();
            default -> throw new TemplateException(where + ": the local cloud has no value for " + logicalId
                    + " (" + resourceTypes.get(logicalId) + ")");
        };
    }

    /** The function a substitution value refers to ({@code F}, {@code F.Alias}, {@code F.Arn}), or null. */
    private String functionNamedBy(String value) {
        String logicalId = value.replaceFirst("\\.(Alias|Arn)$", "");
        return functions.containsKey(logicalId) ? logicalId : null;
    }

    private void readFunction(String logicalId, JsonNode properties, JsonNode globals) {
        String handler = text(properties, globals, "Handler");
        if (handler == null) {
            throw new TemplateException(logicalId + ": a function needs a Handler");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        globals.path("Environment").path("Variables").fields()
                .forEachRemaining(entry -> environment.put(entry.getKey(), entry.getValue().asText()));
        properties.path("Environment").path("Variables").fields()
                .forEachRemaining(entry -> environment.put(entry.getKey(), entry.getValue().asText()));
        String timeout = text(properties, globals, "Timeout");
        String memory = text(properties, globals, "MemorySize");
        functions.put(logicalId, new FunctionDefinition(logicalId, handler.replaceFirst("::.*$", ""), environment,
                timeout == null ? 3 : Integer.parseInt(timeout), memory == null ? 128 : Integer.parseInt(memory)));
        String alias = text(properties, globals, "AutoPublishAlias");
        if (alias != null) {
            aliases.put(logicalId, alias);
        }
        for (Iterator<Map.Entry<String, JsonNode>> events = properties.path("Events").fields(); events.hasNext(); ) {
            Map.Entry<String, JsonNode> event = events.next();
            readEvent(logicalId, event.getKey(), event.getValue());
        }
    }

    /** A rule's pattern, refused as a template problem when the local EventBridge cannot match it faithfully. */
    private static EventPattern pattern(JsonNode pattern, String where) {
        try {
            return EventPattern.of(pattern, where);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(e.getMessage(), e);
        }
    }

    private void readEvent(String function, String eventName, JsonNode event) {
        String where = function + ".Events." + eventName;
        JsonNode properties = event.path("Properties");
        String type = event.path("Type").asText();
        switch (type) {
            case "EventBridgeRule" -> eventRules.add(new EventRule(function + eventName,
                    pattern(properties.get("Pattern"), where + ".Pattern"), function));
            case "Schedule" -> {
                if (properties.path("Enabled").asBoolean(true)) {
                    schedules.add(new ScheduleRule(function + eventName,
                            rate(properties.path("Schedule").asText(), where), function));
                }
            }
            case "HttpApi" -> httpRoutes.add(new HttpRoute(properties.path("Method").asText("ANY").toUpperCase(Locale.ROOT),
                    properties.path("Path").asText("/"), function));
            default -> throw new TemplateException(where + ": the local cloud does not deliver " + type + " events");
        }
    }

    private Duration rate(String expression, String where) {
        String substituted = REFERENCE.matcher(expression).replaceAll(reference -> {
            String value = parameterDefaults.get(reference.group(1));
            if (value == null) {
                throw new TemplateException(where + ": ${" + reference.group(1) + "} is not a parameter with a default");
            }
            return Matcher.quoteReplacement(value);
        });
        Matcher rate = RATE.matcher(substituted);
        if (!rate.matches()) {
            throw new TemplateException(where + ": the local scheduler runs rate(N minutes|hours|days) expressions, not "
                    + substituted);
        }
        long amount = Long.parseLong(rate.group(1));
        return switch (rate.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(amount);
            case "hour", "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static Map<String, String> parameterDefaults(JsonNode parameters) {
        Map<String, String> defaults = new LinkedHashMap<>();
        parameters.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue().get("Default");
            if (value != null && !value.isNull()) {
                defaults.put(entry.getKey(), value.asText());
            }
        });
        return defaults;
    }

    /** A property of the function, else of the Globals, as text; null when neither has it. */
    private static String text(JsonNode properties, JsonNode globals, String name) {
        JsonNode value = properties.has(name) ? properties.get(name) : globals.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
