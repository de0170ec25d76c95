package dev.ferry.approval;

import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveRecord;
import dev.ferry.wave.Policies;
import dev.ferry.wave.ValidationSettings;
import dev.ferry.wave.WaveDefinition;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The plain-text summary a person approves: which servers cut over and how their test went, which
 * do not and why, exactly what the cutover will do, and until when the approval is open. The same
 * text goes into the email (SNS email is plain text) and onto the approval page.
 */
public final class CutoverSummary {

    private static final String ITEM = "  - ";
    private static final String ADDRESS_PLACEHOLDER = "{address}";

    private CutoverSummary() {
    }

    /** The summary of the wave's cutover, for an approval open until {@code expiresAt}. */
    public static String of(WaveRecord wave, List<ServerRecord> servers, Instant expiresAt) {
        WaveDefinition definition = wave.definition();
        List<ServerRecord> active = servers.stream().filter(ServerRecord::isActive).toList();
        List<ServerRecord> notCuttingOver = servers.stream().filter(server -> !server.isActive()).toList();

        StringBuilder text = new StringBuilder();
        text.append("Wave: ").append(definition.waveName()).append(" (").append(wave.waveId()).append(")\n");
        text.append("Target region: ").append(definition.targetRegion()).append('\n');
        text.append("Approval open until: ").append(DisplayTime.of(expiresAt)).append("\n\n");

        text.append("Ready for cutover (").append(count(active.size())).append("):\n");
        if (active.isEmpty()) {
            text.append(ITEM).append("none\n");
        }
        for (ServerRecord server : active) {
            text.append(ITEM).append(name(server)).append(": ").append(testResult(server, definition.policies()))
                    .append('\n');
        }

        if (!notCuttingOver.isEmpty()) {
            text.append("\nNot in this cutover (").append(count(notCuttingOver.size())).append("):\n");
            for (ServerRecord server : notCuttingOver) {
                text.append(ITEM).append(name(server)).append(": ").append(whyNot(server)).append('\n');
            }
        }

        text.append("\nIf approved, the cutover will:\n");
        List<String> steps = cutoverSteps(definition, active);
        for (int i = 0; i < steps.size(); i++) {
            text.append("  ").append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        text.append(onFailure(definition.policies())).append('\n');

        text.append("\nIf rejected, or not decided by ").append(DisplayTime.of(expiresAt))
                .append(", the cutover does not start and no cutover instance is launched.\n");
        return text.toString();
    }

    private static List<String> cutoverSteps(WaveDefinition definition, List<ServerRecord> active) {
        List<String> steps = new ArrayList<>();
        steps.add("Call MGN StartCutover for the " + count(active.size())
                + " above (in batches of at most 100).");
        List<String> testInstances = active.stream()
                .map(server -> server.launch(Phase.TEST))
                .filter(Objects::nonNull)
                .map(ServerRecord.Launch::instanceId)
                .filter(Objects::nonNull)
                .toList();
        if (testInstances.isEmpty()) {
            steps.add("MGN launches a cutover instance for each of them.");
        } else {
            steps.add("MGN terminates the test instances (" + String.join(", ", testInstances)
                    + ") and launches a cutover instance for each server.");
        }
        steps.add("Validate each cutover instance: " + checks(definition.validation()) + ".");
        steps.add(finalization(definition.policies()));
        return steps;
    }

    private static String checks(ValidationSettings validation) {
        List<String> checks = new ArrayList<>();
        if (validation.statusChecks()) {
            checks.add("EC2 status checks pass");
        }
        if (!validation.tcp().isEmpty()) {
            checks.add("TCP " + (validation.tcp().size() == 1 ? "port " : "ports ") + validation.tcp().stream()
                    .map(check -> String.valueOf(check.port()))
                    .collect(Collectors.joining(", ")) + " accept connections");
        }
        for (ValidationSettings.HttpCheck http : validation.http()) {
            checks.add(httpCheck(http));
        }
        if (checks.isEmpty()) {
            return "the wave defines no checks, so each instance only has to launch";
        }
        return String.join("; ", checks) + ", within " + validation.timeLimitMinutes() + " minutes of launch";
    }

    /**
     * An HTTP check told without its URL: the email must hold exactly one link, the approval
     * link, and mail programs turn anything that starts with a scheme into a link.
     */
    private static String httpCheck(ValidationSettings.HttpCheck http) {
        try {
            URI uri = URI.create(http.url().replace(ADDRESS_PLACEHOLDER, "instance.invalid"));
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return (https ? "HTTPS " : "HTTP ") + path + query + " on port " + port + " answers "
                    + http.expectStatus();
        } catch (IllegalArgumentException e) {
            return "HTTP check " + http.url().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "") + " answers "
                    + http.expectStatus();
        }
    }

    private static String finalization(Policies policies) {
        if (!policies.finalizeCutover()) {
            return "Leave the cutover unfinalized: replication keeps running until someone finalizes it in MGN.";
        }
        String finalize = "Finalize the cutover in MGN for each server that passes (FinalizeCutover: replication"
                + " stops, the cutover instances stay)";
        return policies.archiveAfterFinalize() ? finalize + ", then mark those servers as archived in MGN."
                : finalize + "; the servers are not archived.";
    }

    private static String onFailure(Policies policies) {
        return policies.onServerFailure() == Policies.OnServerFailure.STOP
                ? "A server that fails its cutover stops the whole wave."
                : "A server that fails its cutover is left behind; the others go ahead.";
    }

    private static String testResult(ServerRecord server, Policies policies) {
        ServerRecord.Launch test = server.launch(Phase.TEST);
        if (test == null) {
            return policies.skipTestLaunch() ? "not tested (the wave skips the test launch)" : "no test launch recorded";
        }
        ServerRecord.Validation validation = server.validation();
        String result = validation == null || validation.phase() != Phase.TEST
                ? "test launched, not validated"
                : "test " + validation.outcome().name().toLowerCase(Locale.ROOT)
                        + (validation.detail() == null ? "" : " (" + validation.detail() + ")");
        return result + "; test instance " + (test.instanceId() == null ? "unknown" : test.instanceId());
    }

    private static String whyNot(ServerRecord server) {
        if (server.status() == ServerStatus.CUT_OVER) {
            return "already cut over";
        }
        String how = server.status() == ServerStatus.FAILED ? "failed" : "left out";
        ServerRecord.Failure failure = server.failure();
        if (failure == null) {
            return how;
        }
        return how + " in " + words(failure.stage()) + ": " + failure.reason();
    }

    private static String name(ServerRecord server) {
        String label = server.label();
        return label == null || label.equals(server.sourceServerId()) ? server.sourceServerId()
                : label + " (" + server.sourceServerId() + ")";
    }

    private static String words(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String count(int servers) {
        return servers + (servers == 1 ? " server" : " servers");
    }
}
