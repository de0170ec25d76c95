package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.approval.ApprovalRequest;
import dev.ferry.approval.ApprovalRequestService;
import dev.ferry.approval.ApprovalRequested;
import dev.ferry.approval.ApprovalService;
import dev.ferry.config.Dependencies;
import dev.ferry.events.ApprovalDecisionEvents;
import dev.ferry.events.WaveEvents;
import dev.ferry.config.Setting;

/**
 * The RequestApproval state ({@code .waitForTaskToken}): records the wave's approval and emails its
 * link. The task ends later, when a person decides on the approval page.
 */
public class RequestApprovalHandler extends JsonStreamHandler<ApprovalRequest, ApprovalRequested> {

    private final ApprovalRequestService service;
    private final WaveEvents events;

    public RequestApprovalHandler() {
        this(Dependencies.fromEnvironment());
    }

    public RequestApprovalHandler(Dependencies dependencies) {
        this(new ApprovalRequestService(dependencies.waveStore(), dependencies.approvalStore(),
                dependencies.notifier(), new ApprovalService(dependencies.approvalStore(),
                        dependencies.taskCallbacks(), dependencies.clock(),
                        new ApprovalDecisionEvents(dependencies.eventPublisher(), dependencies.clock())),
                dependencies.clock(), dependencies.settings().require(Setting.APPROVAL_BASE_URL)), dependencies.waveEvents());
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    /** Around the service alone, telling nothing of the stage: for tests of the stage's own work. */
    RequestApprovalHandler(ApprovalRequestService service) {
        this(service, WaveEvents.none());
    }

    RequestApprovalHandler(ApprovalRequestService service, WaveEvents events) {
        super(ApprovalRequest.class);
        this.service = service;
        this.events = events;
    }

    @Override
    protected ApprovalRequested handle(ApprovalRequest request, Context context) {
        ApprovalRequested requested = service.request(request);
        events.approvalRequested(requested.waveId(), requested.expiresAt());
        return requested;
    }
}
