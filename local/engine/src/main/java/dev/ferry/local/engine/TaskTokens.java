package dev.ferry.local.engine;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Issues task tokens and checks the ones sent back, with Step Functions' errors: an unparseable token
 * is {@code InvalidToken}, an unknown one {@code TaskDoesNotExist}, a closed one {@code TaskTimedOut}.
 * Every method must be called under the engine lock.
 */
final class TaskTokens {

    private static final int TOKEN_BYTES = 192;
    private static final int MAX_TOKEN_LENGTH = 2048;
    /**
     * Real tokens start with a fixed header; this one also keeps a token from ever starting with '-',
     * which a command line such as {@code aws stepfunctions send-task-success --task-token ...} would
     * read as an option.
     */
    private static final String TOKEN_PREFIX = "AQ";
    private static final Pattern TOKEN_FORMAT = Pattern.compile(TOKEN_PREFIX + "[A-Za-z0-9_-]{256}");

    private final Map<String, PendingTask> tasks = new HashMap<>();
    private int answersAfterTheEnd;
    private final RandomGenerator random;

    TaskTokens(RandomGenerator random) {
        this.random = random;
    }

    /** A new opaque token for {@code task}. */
    String issue(PendingTask task) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tasks.put(token, task);
        return token;
    }

    /** Accepts the one answer a token can get; later answers are refused as timed out. */
    PendingTask answer(String token) {
        PendingTask task = requireOpen(token);
        task.setState(PendingTask.TokenState.ANSWERED);
        return task;
    }

    /** The task under {@code token}, which must still be waiting. */
    PendingTask requireOpen(String token) {
        PendingTask task = find(token);
        if (task.state() != PendingTask.TokenState.OPEN) {
            answersAfterTheEnd++;
            throw new StepFunctionsException(StepFunctionsError.TASK_TIMED_OUT,
                    "Task Timed Out: the task for this token has already ended");
        }
        return task;
    }

    /** How many answers and heartbeats came for a task that had already ended, refused as TaskTimedOut. */
    int answersAfterTheEnd() {
        return answersAfterTheEnd;
    }

    /** Closes a token that nobody answered; false if an answer got there first. */
    boolean closeIfOpen(PendingTask task) {
        if (task.state() != PendingTask.TokenState.OPEN) {
            return false;
        }
        task.setState(PendingTask.TokenState.CLOSED);
        return true;
    }

    /** Closes a token whatever its state. */
    void close(PendingTask task) {
        task.setState(PendingTask.TokenState.CLOSED);
    }

    private PendingTask find(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new StepFunctionsException(StepFunctionsError.VALIDATION,
                    "1 validation error detected: Value at 'taskToken' failed to satisfy constraint: "
                            + "Member must have length between 1 and " + MAX_TOKEN_LENGTH);
        }
        if (!TOKEN_FORMAT.matcher(token).matches()) {
            throw new StepFunctionsException(StepFunctionsError.INVALID_TOKEN,
                    "Invalid Token: '" + abbreviate(token) + "'");
        }
        PendingTask task = tasks.get(token);
        if (task == null) {
            throw new StepFunctionsException(StepFunctionsError.TASK_DOES_NOT_EXIST,
                    "Task Does Not Exist: the token matches no task");
        }
        return task;
    }

    private static String abbreviate(String token) {
        return token.length() <= 32 ? token : token.substring(0, 32) + "...";
    }
}
