package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.events.WaveEvents;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.network.PrepareNetworkService;
import dev.ferry.stage.WaveRef;

/** PrepareNetworkFunction: key pair, security group copies and launch settings derived from the source instances. */
public class PrepareNetworkHandler extends JsonStreamHandler<WaveRef, WaveProgress> {

    private final PrepareNetworkService service;
    private final WaveEvents events;

    public PrepareNetworkHandler() {
        this(Dependencies.fromEnvironment());
    }

    public PrepareNetworkHandler(Dependencies dependencies) {
        this(new PrepareNetworkService(dependencies.waveStore(), dependencies::sourceEc2,
                dependencies.targetNetwork(), dependencies.notifier(), dependencies.clock()), dependencies.waveEvents());
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    /** Around the service alone, telling nothing of the stage: for tests of the stage's own work. */
    PrepareNetworkHandler(PrepareNetworkService service) {
        this(service, WaveEvents.none());
    }

    PrepareNetworkHandler(PrepareNetworkService service, WaveEvents events) {
        super(WaveRef.class);
        this.service = service;
        this.events = events;
    }

    @Override
    protected WaveProgress handle(WaveRef request, Context context) {
        WaveProgress progress = service.prepare(request);
        events.stageEnded(request.waveId(), "PrepareNetwork");
        return progress;
    }
}
