package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.stage.dns.DnsSwitchResult;
import dev.ferry.stage.dns.DnsSwitchService;
import dev.ferry.stage.WaveRef;

/**
 * DnsSwitchFunction: one step of the DNS switch per invocation; the state machine waits the
 * returned {@code waitSeconds} and calls it again until {@code done}.
 */
public class DnsSwitchHandler extends JsonStreamHandler<WaveRef, DnsSwitchResult> {

    private final DnsSwitchService service;

    public DnsSwitchHandler() {
        this(Dependencies.fromEnvironment());
    }

    public DnsSwitchHandler(Dependencies dependencies) {
        this(new DnsSwitchService(dependencies.waveStore(), dependencies.dns(), dependencies.prober(),
                dependencies.notifier(), dependencies.clock()));
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    DnsSwitchHandler(DnsSwitchService service) {
        super(WaveRef.class);
        this.service = service;
    }

    @Override
    protected DnsSwitchResult handle(WaveRef request, Context context) {
        return service.advance(request);
    }
}
