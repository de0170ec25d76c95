package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.events.WaveEvents;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.approval.NotApprovedRequest;
import dev.ferry.stage.approval.NotApprovedService;

/** The NotApproved state: ends a wave whose cutover was rejected or timed out. */
public class NotApprovedHandler extends JsonStreamHandler<NotApprovedRequest, WaveProgress> {

    private final NotApprovedService service;
    private final WaveEvents events;

    public NotApprovedHandler() {
        this(Dependencies.fromEnvironment());
    }

    public NotApprovedHandler(Dependencies dependencies) {
        this(new NotApprovedService(dependencies.waveStore(), dependencies.mgn(), dependencies.notifier(),
                dependencies.clock()), dependencies.waveEvents());
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    /** Around the service alone, telling nothing of the stage: for tests of the stage's own work. */
    NotApprovedHandler(NotApprovedService service) {
        this(service, WaveEvents.none());
    }

    NotApprovedHandler(NotApprovedService service, WaveEvents events) {
        super(NotApprovedRequest.class);
        this.service = service;
        this.events = events;
    }

    @Override
    protected WaveProgress handle(NotApprovedRequest request, Context context) {
        WaveProgress progress = service.notApproved(request);
        // A rejection was told when it was decided on the approval page; a time-out has no such moment.
        if (!request.isRejected()) {
            events.approvalTimedOut(request.waveId());
        }
        return progress;
    }
}
