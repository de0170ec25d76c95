package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task waiting for SendTaskSuccess, SendTaskFailure or a heartbeat under its token. The state
 * fields are guarded by the engine lock; the callbacks run on the scheduler thread.
 */
final class PendingTask {

    /** Where the token is in its life. */
    enum TokenState {
        /** Waiting for an answer. */
        OPEN,
        /** An answer was accepted and is queued for the scheduler; later answers are refused. */
        ANSWERED,
        /** The task ended (answered, timed out, failed or its execution ended). */
        CLOSED
    }

    /** What the waiting task does when an answer arrives. */
    interface Callbacks {
        void succeeded(JsonNode output);

        void failed(StatesError error);

        void heartbeat();
    }

    private final Execution execution;
    private final Callbacks callbacks;
    private TokenState state = TokenState.OPEN;

    PendingTask(Execution execution, Callbacks callbacks) {
        this.execution = execution;
        this.callbacks = callbacks;
    }

    Execution execution() {
        return execution;
    }

    Callbacks callbacks() {
        return callbacks;
    }

    /** The token's state, treating every token of an ended execution as closed. Call under the lock. */
    TokenState state() {
        return execution.isRunning() ? state : TokenState.CLOSED;
    }

    void setState(TokenState state) {
        this.state = state;
    }
}
