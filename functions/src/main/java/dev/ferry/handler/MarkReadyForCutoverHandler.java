package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.events.WaveEvents;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.launch.MarkReadyForCutoverService;
import dev.ferry.stage.WaveRef;

/** The MarkReadyForCutover state: marks the active servers ready for cutover in MGN. */
public class MarkReadyForCutoverHandler extends JsonStreamHandler<WaveRef, WaveProgress> {

    private final MarkReadyForCutoverService service;
    private final WaveEvents events;

    public MarkReadyForCutoverHandler() {
        this(Dependencies.fromEnvironment());
    }

    public MarkReadyForCutoverHandler(Dependencies dependencies) {
        this(new MarkReadyForCutoverService(dependencies.waveStore(), dependencies.mgn(), dependencies.clock()), dependencies.waveEvents());
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    /** Around the service alone, telling nothing of the stage: for tests of the stage's own work. */
    MarkReadyForCutoverHandler(MarkReadyForCutoverService service) {
        this(service, WaveEvents.none());
    }

    MarkReadyForCutoverHandler(MarkReadyForCutoverService service, WaveEvents events) {
        super(WaveRef.class);
        this.service = service;
        this.events = events;
    }

    @Override
    protected WaveProgress handle(WaveRef request, Context context) {
        WaveProgress progress = service.markReady(request);
        events.stageEnded(request.waveId(), "MarkReadyForCutover");
        return progress;
    }
}
