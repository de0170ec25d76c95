package dev.ferry.local.mgn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.mgn.model.JobKind;
import dev.ferry.local.mgn.model.LaunchJob;
import dev.ferry.local.mgn.model.LifeCycleState;
import dev.ferry.local.mgn.model.MgnApiException;
import dev.ferry.local.mgn.model.MgnService;
import dev.ferry.local.mgn.model.Planning;
import dev.ferry.local.mgn.model.SourceServer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The simulated MGN operations: each turns a validated request body into a response body (or an
 * {@link MgnApiException}). Success statuses are those of the service model.
 */
final class MgnOperations {

    /**
     * One operation.
     *
     * @param successStatus the HTTP status of a successful call
     * @param action        request body to response body; empty for operations answering without a body
     */
    record Operation(int successStatus, Function<JsonNode, Optional<JsonNode>> action) {
    }

    private final MgnService service;
    private final Map<String, Operation> operations;

    MgnOperations(MgnService service) {
        this.service = service;
        this.operations = Map.ofEntries(
                Map.entry("InitializeService", new Operation(204, this::initializeService)),
                Map.entry("CreateReplicationConfigurationTemplate", new Operation(201, this::createTemplate)),
                Map.entry("DescribeReplicationConfigurationTemplates", new Operation(200, this::describeTemplates)),
                Map.entry("DescribeSourceServers", new Operation(200, this::describeSourceServers)),
                Map.entry("StartTest", new Operation(202, request -> startJob(JobKind.TEST, request))),
                Map.entry("StartCutover", new Operation(202, request -> startJob(JobKind.CUTOVER, request))),
                Map.entry("TerminateTargetInstances",
                        new Operation(202, request -> startJob(JobKind.TERMINATE, request))),
                Map.entry("ChangeServerLifeCycleState", new Operation(200, this::changeLifeCycleState)),
                Map.entry("FinalizeCutover", new Operation(200,
                        request -> server(service.finalizeCutover(sourceServerId(request))))),
                Map.entry("MarkAsArchived", new Operation(200,
                        request -> server(service.markAsArchived(sourceServerId(request))))),
                Map.entry("DisconnectFromService", new Operation(200,
                        request -> server(service.disconnectFromService(sourceServerId(request))))),
                Map.entry("RetryDataReplication", new Operation(200,
                        request -> server(service.retryDataReplication(sourceServerId(request))))),
                Map.entry("GetLaunchConfiguration", new Operation(200, request ->
                        Optional.of(service.sourceServer(sourceServerId(request)).launchConfiguration()))),
                Map.entry("UpdateLaunchConfiguration", new Operation(200, this::updateLaunchConfiguration)),
                Map.entry("DescribeJobs", new Operation(200, this::describeJobs)),
                Map.entry("DescribeJobLogItems", new Operation(200, this::describeJobLogItems)),
                Map.entry("CreateWave", new Operation(201, request -> Optional.of(wave(service.createWave(
                        request.get("name").textValue(), optionalText(request, "description"), tags(request)))))),
                Map.entry("CreateApplication", new Operation(201, request -> Optional.of(application(
                        service.createApplication(request.get("name").textValue(), optionalText(request, "description"),
                                tags(request)))))),
                Map.entry("AssociateApplications", new Operation(200, this::associateApplications)),
                Map.entry("AssociateSourceServers", new Operation(200, this::associateSourceServers)),
                Map.entry("ListWaves", new Operation(200, this::listWaves)),
                Map.entry("ListApplications", new Operation(200, this::listApplications)),
                Map.entry("ArchiveWave", new Operation(200, request ->
                        Optional.of(wave(service.archiveWave(request.get("waveID").textValue()))))),
                Map.entry("ArchiveApplication", new Operation(200, request -> Optional.of(application(
                        service.archiveApplication(request.get("applicationID").textValue()))))));
    }

    Optional<Operation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    private Optional<JsonNode> initializeService(JsonNode request) {
        service.initializeService();
        return Optional.empty();
    }

    private Optional<JsonNode> createTemplate(JsonNode request) {
        if ("CUSTOM".equals(request.path("ebsEncryption").asText())
                && !request.hasNonNull("ebsEncryptionKeyArn")) {
            throw MgnApiException.validation("ebsEncryptionKeyArn: is required when ebsEncryption is CUSTOM");
        }
        return Optional.of(service.createReplicationTemplate((ObjectNode) request));
    }

    private Optional<JsonNode> describeTemplates(JsonNode request) {
        Set<String> ids = stringSet(request.path("replicationConfigurationTemplateIDs"));
        List<ObjectNode> templates = service.replicationTemplates().stream()
                .filter(t -> ids.isEmpty() || ids.contains(t.get("replicationConfigurationTemplateID").asText()))
                .toList();
        return Optional.of(page(Page.of(templates, request), Function.identity()));
    }

    private Optional<JsonNode> describeSourceServers(JsonNode request) {
        JsonNode filters = request.path("filters");
        Set<String> ids = stringSet(filters.path("sourceServerIDs"));
        Set<String> states = stringSet(filters.path("lifeCycleStates"));
        Set<String> replicationTypes = stringSet(filters.path("replicationTypes"));
        Set<String> applicationIds = stringSet(filters.path("applicationIDs"));
        Predicate<SourceServer> matches = server -> (ids.isEmpty() || ids.contains(server.id()))
                && (!filters.hasNonNull("isArchived") || filters.get("isArchived").booleanValue() == server.archived())
                && (states.isEmpty() || states.contains(server.lifeCycle().name()))
                && (replicationTypes.isEmpty() || replicationTypes.contains("AGENT_BASED"))
                && (applicationIds.isEmpty() || server.applicationId().filter(applicationIds::contains).isPresent());
        List<SourceServer> servers = service.sourceServers().stream().filter(matches).toList();
        Instant now = service.now();
        return Optional.of(page(Page.of(servers, request), server -> SourceServerJson.render(server, now)));
    }

    private Optional<JsonNode> startJob(JobKind kind, JsonNode request) {
        LaunchJob job = service.startJob(kind, strings(request.get("sourceServerIDs")));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("job", JobJson.render(job));
        return Optional.of(response);
    }

    private Optional<JsonNode> changeLifeCycleState(JsonNode request) {
        LifeCycleState target = LifeCycleState.valueOf(request.get("lifeCycle").get("state").textValue());
        return server(service.changeLifeCycleState(sourceServerId(request), target));
    }

    private Optional<JsonNode> updateLaunchConfiguration(JsonNode request) {
        ObjectNode changes = ((ObjectNode) request).deepCopy();
        changes.remove(List.of("sourceServerID", "accountID"));
        return Optional.of(service.updateLaunchConfiguration(sourceServerId(request), changes));
    }

    private Optional<JsonNode> describeJobs(JsonNode request) {
        JsonNode filters = request.path("filters");
        Set<String> ids = stringSet(filters.path("jobIDs"));
        Optional<Instant> from = optionalDate(filters, "fromDate");
        Optional<Instant> to = optionalDate(filters, "toDate");
        List<LaunchJob> jobs = service.jobs().stream()
                .filter(job -> ids.isEmpty() || ids.contains(job.id()))
                .filter(job -> from.map(start -> !job.createdAt().isBefore(start)).orElse(true))
                .filter(job -> to.map(end -> !job.createdAt().isAfter(end)).orElse(true))
                .toList();
        return Optional.of(page(Page.of(jobs, request), JobJson::render));
    }

    private Optional<JsonNode> describeJobLogItems(JsonNode request) {
        String jobId = request.get("jobID").textValue();
        LaunchJob job = service.job(jobId).orElseThrow(() ->
                MgnApiException.validation("jobID: job " + jobId + " does not exist"));
        return Optional.of(page(Page.of(job.log(), request), JobJson::render));
    }

    /** AssociateApplications answers 200 with an empty JSON object. */
    private Optional<JsonNode> associateApplications(JsonNode request) {
        service.associateApplications(request.get("waveID").textValue(), strings(request.get("applicationIDs")));
        return Optional.of(JsonNodeFactory.instance.objectNode());
    }

    private Optional<JsonNode> associateSourceServers(JsonNode request) {
        service.associateSourceServers(request.get("applicationID").textValue(),
                strings(request.get("sourceServerIDs")));
        return Optional.of(JsonNodeFactory.instance.objectNode());
    }

    private Optional<JsonNode> listWaves(JsonNode request) {
        JsonNode filters = request.path("filters");
        Set<String> ids = stringSet(filters.path("waveIDs"));
        List<Planning.Group> waves = service.waves().stream()
                .filter(wave -> ids.isEmpty() || ids.contains(wave.id()))
                .filter(wave -> !filters.hasNonNull("isArchived")
                        || filters.get("isArchived").booleanValue() == wave.archived())
                .toList();
        return Optional.of(page(Page.of(waves, request), this::wave));
    }

    private Optional<JsonNode> listApplications(JsonNode request) {
        JsonNode filters = request.path("filters");
        Set<String> ids = stringSet(filters.path("applicationIDs"));
        Set<String> waveIds = stringSet(filters.path("waveIDs"));
        List<Planning.Group> applications = service.applications().stream()
                .filter(application -> ids.isEmpty() || ids.contains(application.id()))
                .filter(application -> waveIds.isEmpty()
                        || application.waveId() != null && waveIds.contains(application.waveId()))
                .filter(application -> !filters.hasNonNull("isArchived")
                        || filters.get("isArchived").booleanValue() == application.archived())
                .toList();
        return Optional.of(page(Page.of(applications, request), this::application));
    }

    private ObjectNode wave(Planning.Group wave) {
        return PlanningJson.wave(wave, service.applicationsIn(wave.id()));
    }

    private ObjectNode application(Planning.Group application) {
        return PlanningJson.application(application, service.sourceServersIn(application.id()));
    }

    private static String optionalText(JsonNode request, String member) {
        return request.hasNonNull(member) ? request.get(member).textValue() : null;
    }

    private static Map<String, String> tags(JsonNode request) {
        Map<String, String> tags = new LinkedHashMap<>();
        request.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().textValue()));
        return tags;
    }

    private Optional<JsonNode> server(SourceServer server) {
        return Optional.of(SourceServerJson.render(server, service.now()));
    }

    private static <T> ObjectNode page(Page<T> page, Function<T, ? extends JsonNode> render) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray("items");
        page.items().forEach(item -> items.add(render.apply(item)));
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    private static String sourceServerId(JsonNode request) {
        return request.get("sourceServerID").textValue();
    }

    private static Optional<Instant> optionalDate(JsonNode filters, String member) {
        return filters.hasNonNull(member)
                ? Optional.of(WireTime.parseDateTime(filters.get(member).textValue(), "filters." + member))
                : Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.textValue()));
        return values;
    }

    private static Set<String> stringSet(JsonNode array) {
        return array.isArray() ? Set.copyOf(strings(array)) : Set.of();
    }
}
