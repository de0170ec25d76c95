package dev.ferry.local.cloud.events;

import java.time.Instant;

/**
 * EventBridge invoking a rule's target with one event.
 *
 * @param rule         the rule (or schedule) name
 * @param function     the target function
 * @param detailType   the event's detail-type
 * @param eventJson    the envelope delivered
 * @param at           when, on the rehearsal's clock
 * @param errorType    the function's error, or null when it succeeded
 */
public record EventTargetInvocation(String rule, String function, String detailType, String eventJson, Instant at,
                                    String errorType) {

    public boolean succeeded() {
        return errorType == null;
    }
}
