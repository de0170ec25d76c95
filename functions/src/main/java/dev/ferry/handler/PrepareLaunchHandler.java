package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.events.WaveEvents;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.launch.PrepareLaunchService;
import dev.ferry.stage.WaveRef;

/** PrepareLaunchFunction: applies each server's launch settings in MGN and its EC2 launch template. */
public class PrepareLaunchHandler extends JsonStreamHandler<WaveRef, WaveProgress> {

    private final PrepareLaunchService service;
    private final WaveEvents events;

    public PrepareLaunchHandler() {
        this(Dependencies.fromEnvironment());
    }

    public PrepareLaunchHandler(Dependencies dependencies) {
        this(new PrepareLaunchService(dependencies.mgn(), dependencies.ec2(), dependencies.waveStore(),
                dependencies.clock()), dependencies.waveEvents());
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    /** Around the service alone, telling nothing of the stage: for tests of the stage's own work. */
    PrepareLaunchHandler(PrepareLaunchService service) {
        this(service, WaveEvents.none());
    }

    PrepareLaunchHandler(PrepareLaunchService service, WaveEvents events) {
        super(WaveRef.class);
        this.service = service;
        this.events = events;
    }

    @Override
    protected WaveProgress handle(WaveRef request, Context context) {
        WaveProgress progress = service.prepare(request);
        events.stageEnded(request.waveId(), "PrepareLaunch");
        return progress;
    }
}
