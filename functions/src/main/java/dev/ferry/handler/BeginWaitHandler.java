package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.waits.BeginWaitRequest;
import dev.ferry.waits.BeginWaitService;
import dev.ferry.waits.WaitAcknowledgement;
import dev.ferry.waits.WaitSweep;

/**
 * BeginWaitFunction: the {@code .waitForTaskToken} task of AwaitReplication, LaunchTest and
 * LaunchCutover. Opens the wave's wait and evaluates it once; the task ends when the wait is released.
 */
public class BeginWaitHandler extends JsonStreamHandler<BeginWaitRequest, WaitAcknowledgement> {

    private final BeginWaitService service;

    public BeginWaitHandler() {
        this(Dependencies.fromEnvironment());
    }

    public BeginWaitHandler(Dependencies d) {
        this(new BeginWaitService(d.waveStore(), d.waitStore(),
                WaitSweep.over(d.waveStore(), d.waitStore(), d.mgn(), d.notifier(), d.taskCallbacks(), d.waveMetrics(),
                        d.clock()),
                d.clock()));
        measureFinishedStagesWith(d::stageMeasurement);
    }

    BeginWaitHandler(BeginWaitService service) {
        super(BeginWaitRequest.class);
        this.service = service;
    }

    @Override
    protected WaitAcknowledgement handle(BeginWaitRequest request, Context context) {
        return service.begin(request);
    }
}
