package dev.ferry.events;

import dev.ferry.approval.Approval;
import dev.ferry.approval.Decision;
import dev.ferry.events.FerryEventDetail.ApprovalDecided;
import dev.ferry.events.FerryEventDetail.WaveHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Publishes {@code Ferry Approval Decided} for each decision delivered to the waiting approval step
 * (give it to {@link dev.ferry.approval.ApprovalService} as the listener of deliveries). It needs
 * nothing but the approval: the approval page, the one function on the internet, may read approval
 * items only, never the wave. A decision delivered twice (a crash between delivery and its record)
 * is published twice with the same {@code eventId}. Best effort, like {@link WaveEvents}: a failure is
 * logged, and the decision stands.
 */
public class ApprovalDecisionEvents implements Consumer<Approval> {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalDecisionEvents.class);

    private final EventPublisher publisher;
    private final Clock clock;

    public ApprovalDecisionEvents(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void accept(Approval approval) {
        try {
            Decision decision = approval.decision();
            WaveHeader header = WaveHeader.of(approval.waveId(), approval.waveName(), approval.executionArn(),
                    FerryEventType.APPROVAL_DECIDED);
            publisher.publish(List.of(new FerryEvent(FerryEventType.APPROVAL_DECIDED, clock.instant(),
                    approval.executionArn() == null ? List.of() : List.of(approval.executionArn()),
                    new ApprovalDecided(header, decision.approved() ? "APPROVED" : "REJECTED", decision.approver(),
                            decision.decidedAt()))));
        } catch (RuntimeException e) {
            LOG.warn("Ferry could not tell of the decision on wave {}; the decision stands: {}", approval.waveId(),
                    e.toString(), e);
        }
    }
}
