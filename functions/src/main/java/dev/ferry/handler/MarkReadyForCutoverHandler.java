package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.launch.MarkReadyForCutoverService;
import dev.ferry.stage.WaveRef;

/** The MarkReadyForCutover state: marks the active servers ready for cutover in MGN. */
public class MarkReadyForCutoverHandler extends JsonStreamHandler<WaveRef, WaveProgress> {

    private final MarkReadyForCutoverService service;

    public MarkReadyForCutoverHandler() {
        this(Dependencies.fromEnvironment());
    }

    public MarkReadyForCutoverHandler(Dependencies dependencies) {
        this(new MarkReadyForCutoverService(dependencies.waveStore(), dependencies.mgn(), dependencies.clock()));
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    MarkReadyForCutoverHandler(MarkReadyForCutoverService service) {
        super(WaveRef.class);
        this.service = service;
    }

    @Override
    protected WaveProgress handle(WaveRef request, Context context) {
        return service.markReady(request);
    }
}
