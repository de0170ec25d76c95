package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.approval.NotApprovedRequest;
import dev.ferry.stage.approval.NotApprovedService;

/** The NotApproved state: ends a wave whose cutover was rejected or timed out. */
public class NotApprovedHandler extends JsonStreamHandler<NotApprovedRequest, WaveProgress> {

    private final NotApprovedService service;

    public NotApprovedHandler() {
        this(Dependencies.fromEnvironment());
    }

    public NotApprovedHandler(Dependencies dependencies) {
        this(new NotApprovedService(dependencies.waveStore(), dependencies.mgn(), dependencies.notifier(),
                dependencies.clock()));
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    NotApprovedHandler(NotApprovedService service) {
        super(NotApprovedRequest.class);
        this.service = service;
    }

    @Override
    protected WaveProgress handle(NotApprovedRequest request, Context context) {
        return service.notApproved(request);
    }
}
