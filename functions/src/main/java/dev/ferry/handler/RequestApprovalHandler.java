package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.approval.ApprovalRequest;
import dev.ferry.approval.ApprovalRequestService;
import dev.ferry.approval.ApprovalRequested;
import dev.ferry.approval.ApprovalService;
import dev.ferry.config.Dependencies;
import dev.ferry.config.Setting;

/**
 * The RequestApproval state ({@code .waitForTaskToken}): records the wave's approval and emails its
 * link. The task ends later, when a person decides on the approval page.
 */
public class RequestApprovalHandler extends JsonStreamHandler<ApprovalRequest, ApprovalRequested> {

    private final ApprovalRequestService service;

    public RequestApprovalHandler() {
        this(Dependencies.fromEnvironment());
    }

    public RequestApprovalHandler(Dependencies dependencies) {
        this(new ApprovalRequestService(dependencies.waveStore(), dependencies.approvalStore(),
                dependencies.notifier(), new ApprovalService(dependencies.approvalStore(),
                        dependencies.taskCallbacks(), dependencies.clock()),
                dependencies.clock(), dependencies.settings().require(Setting.APPROVAL_BASE_URL)));
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    RequestApprovalHandler(ApprovalRequestService service) {
        super(ApprovalRequest.class);
        this.service = service;
    }

    @Override
    protected ApprovalRequested handle(ApprovalRequest request, Context context) {
        return service.request(request);
    }
}
