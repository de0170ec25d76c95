package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.finalize.FinalizeService;
import dev.ferry.stage.WaveRef;

/** The Finalize state: finalizes (and archives) the servers that passed cutover validation. */
public class FinalizeHandler extends JsonStreamHandler<WaveRef, WaveProgress> {

    private final FinalizeService service;

    public FinalizeHandler() {
        this(Dependencies.fromEnvironment());
    }

    public FinalizeHandler(Dependencies dependencies) {
        this(new FinalizeService(dependencies.waveStore(), dependencies.stageLeases(), dependencies.mgn(),
                dependencies.clock()));
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    FinalizeHandler(FinalizeService service) {
        super(WaveRef.class);
        this.service = service;
    }

    @Override
    protected WaveProgress handle(WaveRef request, Context context) {
        return service.finalizeCutover(request);
    }
}
