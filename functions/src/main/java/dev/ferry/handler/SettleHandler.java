package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.launch.PhaseRequest;
import dev.ferry.stage.launch.SettleService;

/** The SettleTest and SettleCutover states: rolls back the phase's failures and moves its passing servers on. */
public class SettleHandler extends JsonStreamHandler<PhaseRequest, WaveProgress> {

    private final SettleService service;

    public SettleHandler() {
        this(Dependencies.fromEnvironment());
    }

    public SettleHandler(Dependencies dependencies) {
        this(new SettleService(dependencies.waveStore(), dependencies.mgn(), dependencies.notifier(),
                dependencies.clock()));
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    SettleHandler(SettleService service) {
        super(PhaseRequest.class);
        this.service = service;
    }

    @Override
    protected WaveProgress handle(PhaseRequest request, Context context) {
        return service.settle(request);
    }
}
