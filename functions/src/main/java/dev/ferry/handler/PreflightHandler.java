package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.events.WaveEvents;
import dev.ferry.config.Setting;
import dev.ferry.stage.preflight.PreflightRequest;
import dev.ferry.stage.preflight.PreflightResult;
import dev.ferry.stage.preflight.PreflightService;
import dev.ferry.stage.ServerClaiming;

/**
 * PreflightFunction: validates the execution input, checks MGN and stores the wave. The state
 * machine catches {@code dev.ferry.wave.InvalidWaveException} and
 * {@code dev.ferry.stage.preflight.PreflightException} into its Fail states.
 */
public class PreflightHandler extends JsonStreamHandler<PreflightRequest, PreflightResult> {

    private final PreflightService service;
    private final WaveEvents events;

    public PreflightHandler() {
        this(Dependencies.fromEnvironment());
    }

    public PreflightHandler(Dependencies dependencies) {
        this(new PreflightService(dependencies.mgn(), dependencies.waveStore(), dependencies.agentInstallStore(),
                new ServerClaiming(dependencies.serverClaims(), dependencies.waveExecutions()), dependencies.clock(),
                dependencies.settings().find(Setting.AWS_REGION), dependencies.replicationQuota()), dependencies.waveEvents());
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    /** Around the service alone, telling nothing of the stage: for tests of the stage's own work. */
    PreflightHandler(PreflightService service) {
        this(service, WaveEvents.none());
    }

    PreflightHandler(PreflightService service, WaveEvents events) {
        super(PreflightRequest.class);
        this.service = service;
        this.events = events;
    }

    @Override
    protected PreflightResult handle(PreflightRequest request, Context context) {
        PreflightResult result = service.run(request);
        events.waveStarted(result.waveId());
        return result;
    }
}
