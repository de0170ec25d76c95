package dev.ferry.stage.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.SourceServer;
import dev.ferry.stage.preflight.PreflightRequest;

import java.time.Instant;
import java.util.List;

/** Servers, requests and times shared by the preflight and prepare-launch tests. */
public final class PreflightFixtures {

    public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    public static final String EXECUTION_NAME = "media-stack-wave-1-20260302";
    public static final String EXECUTION_ARN =
            "arn:aws:states:eu-central-1:111122223333:execution:FerryWave:" + EXECUTION_NAME;

    /** The servers of {@code events/start-wave.json}, in file order. */
    public static final String MEDIA_SERVER = "s-13a5b49c3810fa449";
    public static final String TRANSCODER = "s-2b7d1c3e9a10f8e6a";
    public static final String DATABASE = "s-4c55e9f7e2b7d1c3e";
    public static final String PROXY = "s-9f0a1b2c3d4e5f607";
    public static final List<String> START_WAVE_SERVERS = List.of(MEDIA_SERVER, TRANSCODER, DATABASE, PROXY);

    private PreflightFixtures() {
    }

    public static PreflightRequest request(JsonNode wave) {
        return new PreflightRequest(wave, EXECUTION_ARN, EXECUTION_NAME);
    }

    public static SourceServer sourceServer(String id, String instanceId, LifecycleState lifecycle) {
        return new SourceServer(id, "arn:aws:mgn:eu-central-1:111122223333:source-server/" + id, "host-" + id,
                instanceId, lifecycle, "CONTINUOUS", null, null, false, null);
    }

    public static SourceServer ready(String id) {
        return sourceServer(id, "i-0" + id.substring(3, 19), LifecycleState.READY_FOR_TEST);
    }

    public static SourceServer archived(String id) {
        return new SourceServer(id, "arn:aws:mgn:eu-central-1:111122223333:source-server/" + id, "host-" + id, null,
                LifecycleState.DISCONNECTED, "DISCONNECTED", null, null, true, null);
    }

    /** Every server of the start wave, ready for testing. */
    public static List<SourceServer> startWaveServersReady() {
        return START_WAVE_SERVERS.stream().map(PreflightFixtures::ready).toList();
    }
}
