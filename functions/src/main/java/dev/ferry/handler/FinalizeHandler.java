package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.events.WaveEvents;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.finalize.FinalizeService;
import dev.ferry.stage.WaveRef;

/** The Finalize state: finalizes (and archives) the servers that passed cutover validation. */
public class FinalizeHandler extends JsonStreamHandler<WaveRef, WaveProgress> {

    private final FinalizeService service;
    private final WaveEvents events;

    public FinalizeHandler() {
        this(Dependencies.fromEnvironment());
    }

    public FinalizeHandler(Dependencies dependencies) {
        this(new FinalizeService(dependencies.waveStore(), dependencies.stageLeases(), dependencies.mgn(),
                dependencies.clock()), dependencies.waveEvents());
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    /** Around the service alone, telling nothing of the stage: for tests of the stage's own work. */
    FinalizeHandler(FinalizeService service) {
        this(service, WaveEvents.none());
    }

    FinalizeHandler(FinalizeService service, WaveEvents events) {
        super(WaveRef.class);
        this.service = service;
        this.events = events;
    }

    @Override
    protected WaveProgress handle(WaveRef request, Context context) {
        WaveProgress progress = service.finalizeCutover(request);
        events.stageEnded(request.waveId(), "Finalize");
        return progress;
    }
}
