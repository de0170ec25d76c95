package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.events.WaveEvents;
import dev.ferry.stage.dns.DnsSwitchResult;
import dev.ferry.stage.dns.DnsSwitchService;
import dev.ferry.stage.WaveRef;

/**
 * DnsSwitchFunction: one step of the DNS switch per invocation; the state machine waits the
 * returned {@code waitSeconds} and calls it again until {@code done}.
 */
public class DnsSwitchHandler extends JsonStreamHandler<WaveRef, DnsSwitchResult> {

    private final DnsSwitchService service;
    private final WaveEvents events;

    public DnsSwitchHandler() {
        this(Dependencies.fromEnvironment());
    }

    public DnsSwitchHandler(Dependencies dependencies) {
        this(new DnsSwitchService(dependencies.waveStore(), dependencies.dns(), dependencies.prober(),
                dependencies.notifier(), dependencies.clock()), dependencies.waveEvents());
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    /** Around the service alone, telling nothing of the stage: for tests of the stage's own work. */
    DnsSwitchHandler(DnsSwitchService service) {
        this(service, WaveEvents.none());
    }

    DnsSwitchHandler(DnsSwitchService service, WaveEvents events) {
        super(WaveRef.class);
        this.service = service;
        this.events = events;
    }

    @Override
    protected DnsSwitchResult handle(WaveRef request, Context context) {
        DnsSwitchResult result = service.advance(request);
        if (result.done()) {
            events.stageEnded(request.waveId(), "DnsSwitch");
        }
        return result;
    }
}
