package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.events.WaveEvents;
import dev.ferry.server.Phase;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.launch.PhaseRequest;
import dev.ferry.stage.launch.SettleService;

/** The SettleTest and SettleCutover states: rolls back the phase's failures and moves its passing servers on. */
public class SettleHandler extends JsonStreamHandler<PhaseRequest, WaveProgress> {

    private final SettleService service;
    private final WaveEvents events;

    public SettleHandler() {
        this(Dependencies.fromEnvironment());
    }

    public SettleHandler(Dependencies dependencies) {
        this(new SettleService(dependencies.waveStore(), dependencies.mgn(), dependencies.notifier(),
                dependencies.clock()), dependencies.waveEvents());
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    /** Around the service alone, telling nothing of the stage: for tests of the stage's own work. */
    SettleHandler(SettleService service) {
        this(service, WaveEvents.none());
    }

    SettleHandler(SettleService service, WaveEvents events) {
        super(PhaseRequest.class);
        this.service = service;
        this.events = events;
    }

    @Override
    protected WaveProgress handle(PhaseRequest request, Context context) {
        WaveProgress progress = service.settle(request);
        // SettleTest and SettleCutover, as the state machine names them: the end of a launch phase.
        events.stageEnded(request.waveId(), request.phase() == Phase.TEST ? "SettleTest" : "SettleCutover");
        return progress;
    }
}
