package dev.ferry.local.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.asl.AslDefinitionException;
import dev.ferry.local.engine.asl.StateMachineDefinition;
import dev.ferry.local.engine.json.Json;
import dev.ferry.local.engine.lambda.LambdaInvoker;
import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.local.engine.time.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A local Step Functions: state machines, executions and task tokens, run by a {@link Scheduler} on
 * its virtual clock, with Lambda tasks delegated to a {@link LambdaInvoker}.
 *
 * <p>Every method may be called from any thread, including from inside a Lambda function the engine
 * is invoking. Methods only validate and record under the engine's lock and queue work for the
 * scheduler; none waits for the scheduler thread. Executions make progress only while some thread
 * runs {@link Scheduler#runUntil}.
 */
public final class LocalStepFunctions {

    /** The region used when none is configured. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** The account used when none is configured. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    private static final int MAX_ERROR_LENGTH = 256;
    private static final int MAX_CAUSE_LENGTH = 32_768;

    private final Object lock = new Object();
    private final EngineContext context;
    private final Arns arns;
    private final String accountId;
    private final Map<String, StateMachine> stateMachines = new LinkedHashMap<>();
    private final Map<String, ExecutionRun> executions = new LinkedHashMap<>();

    private LocalStepFunctions(Builder builder) {
        this.context = new EngineContext(lock, builder.scheduler, builder.invoker, builder.random,
                new TaskTokens(builder.random), builder.region);
        this.accountId = builder.accountId;
        this.arns = new Arns(builder.region, builder.accountId);
    }

    /** Starts building an engine that runs on {@code scheduler} and invokes Lambda through {@code invoker}. */
    public static Builder builder(Scheduler scheduler, LambdaInvoker invoker) {
        return new Builder(scheduler, invoker);
    }

    /** The scheduler that runs this engine's executions. */
    public Scheduler scheduler() {
        return context.scheduler();
    }

    /** The virtual clock of every timestamp the engine records. */
    public VirtualClock clock() {
        return context.scheduler().clock();
    }

    /** The region in this engine's ARNs. */
    public String region() {
        return context.region();
    }

    /** The account in this engine's ARNs. */
    public String accountId() {
        return accountId;
    }

    /**
     * Creates a state machine (CreateStateMachine). Creating it again with the same definition and
     * role returns the existing one.
     *
     * @throws StepFunctionsException InvalidDefinition (with the loader's message), InvalidName,
     *     InvalidArn, StateMachineAlreadyExists
     */
    public StateMachine createStateMachine(String name, String definition, String roleArn) {
        Names.requireValid(name, "state machine");
        Arns.requireRoleArn(roleArn);
        if (definition == null) {
            throw new StepFunctionsException(StepFunctionsError.MISSING_REQUIRED_PARAMETER,
                    "The definition is required");
        }
        StateMachineDefinition parsed;
        try {
            parsed = StateMachineDefinition.parse(definition);
        } catch (AslDefinitionException e) {
            throw new StepFunctionsException(StepFunctionsError.INVALID_DEFINITION,
                    "Invalid State Machine Definition: '" + e.getMessage() + "'");
        }
        String arn = arns.stateMachine(name);
        synchronized (lock) {
            StateMachine existing = stateMachines.get(arn);
            if (existing != null) {
                if (existing.definition().source().equals(definition) && existing.roleArn().equals(roleArn)) {
                    return existing;
                }
                throw new StepFunctionsException(StepFunctionsError.STATE_MACHINE_ALREADY_EXISTS,
                        "State Machine Already Exists: '" + arn + "'");
            }
            StateMachine created = new StateMachine(arn, name, parsed, roleArn, context.now());
            stateMachines.put(arn, created);
            return created;
        }
    }

    /** Every state machine, in creation order (ListStateMachines). */
    public List<StateMachine> listStateMachines() {
        synchronized (lock) {
            return List.copyOf(stateMachines.values());
        }
    }

    /** DescribeStateMachine. */
    public StateMachine describeStateMachine(String stateMachineArn) {
        Arns.requireStateMachineArn(stateMachineArn);
        synchronized (lock) {
            return stateMachine(stateMachineArn);
        }
    }

    /**
     * Starts an execution (StartExecution). The same name and input as a running execution return that
     * execution; otherwise a name can be used once per state machine.
     *
     * @param name {@code null} for a generated one
     * @param input JSON text; {@code null} for {@code {}}
     * @throws StepFunctionsException StateMachineDoesNotExist, ExecutionAlreadyExists, InvalidName,
     *     InvalidArn, InvalidExecutionInput
     */
    public ExecutionDescription startExecution(String stateMachineArn, String name, String input) {
        Arns.requireStateMachineArn(stateMachineArn);
        String executionInput = input == null ? "{}" : input;
        JsonNode inputNode = parseInput(executionInput);
        synchronized (lock) {
            StateMachine stateMachine = stateMachine(stateMachineArn);
            String executionName = name == null ? generatedName() : name;
            Names.requireValid(executionName, "execution");
            String arn = arns.execution(stateMachine.name(), executionName);
            ExecutionRun existing = executions.get(arn);
            if (existing != null) {
                Execution execution = existing.execution();
                if (execution.isRunning() && execution.input().equals(executionInput)) {
                    return execution.describe();
                }
                throw new StepFunctionsException(StepFunctionsError.EXECUTION_ALREADY_EXISTS,
                        "Execution Already Exists: '" + arn + "'");
            }
            Execution execution =
                    new Execution(lock, clock(), arn, executionName, stateMachine, executionInput, inputNode);
            ExecutionRun run = new ExecutionRun(context, execution);
            executions.put(arn, run);
            run.start();
            return execution.describe();
        }
    }

    /** DescribeExecution. */
    public ExecutionDescription describeExecution(String executionArn) {
        return execution(executionArn).describe();
    }

    /** The executions of a state machine, newest first, optionally only those in {@code status}. */
    public List<ExecutionDescription> listExecutions(String stateMachineArn, Optional<ExecutionStatus> status) {
        Arns.requireStateMachineArn(stateMachineArn);
        List<ExecutionDescription> found = new ArrayList<>();
        synchronized (lock) {
            stateMachine(stateMachineArn);
            for (ExecutionRun run : executions.values()) {
                ExecutionDescription description = run.execution().describe();
                if (description.stateMachineArn().equals(stateMachineArn)
                        && status.map(s -> s == description.status()).orElse(true)) {
                    found.add(description);
                }
            }
        }
        found.sort(Comparator.comparing(ExecutionDescription::startDate).reversed());
        return found;
    }

    /** The history of an execution, oldest event first (GetExecutionHistory). */
    public List<HistoryEvent> getExecutionHistory(String executionArn) {
        return execution(executionArn).history();
    }

    /** True while any execution is running. */
    public boolean hasRunningExecutions() {
        synchronized (lock) {
            return executions.values().stream().anyMatch(run -> run.execution().isRunning());
        }
    }

    /**
     * Stops a running execution as ABORTED (StopExecution); stopping an ended execution changes
     * nothing.
     */
    public ExecutionDescription stopExecution(String executionArn, String error, String cause) {
        checkErrorAndCause(error, cause);
        synchronized (lock) {
            ExecutionRun run = run(executionArn);
            run.abort(error, cause);
            return run.execution().describe();
        }
    }

    /**
     * Completes the task waiting under {@code taskToken} with {@code output} (SendTaskSuccess).
     *
     * @throws StepFunctionsException InvalidOutput, InvalidToken, TaskDoesNotExist, TaskTimedOut
     */
    public void sendTaskSuccess(String taskToken, String output) {
        if (output == null) {
            throw new StepFunctionsException(StepFunctionsError.MISSING_REQUIRED_PARAMETER, "The output is required");
        }
        JsonNode outputNode;
        try {
            outputNode = Json.parse(output);
        } catch (JsonProcessingException e) {
            throw new StepFunctionsException(StepFunctionsError.INVALID_OUTPUT, "Invalid Output: '" + output + "'");
        }
        PendingTask task;
        synchronized (lock) {
            task = context.tokens().answer(taskToken);
        }
        context.scheduler().submit(() -> task.callbacks().succeeded(outputNode));
    }

    /**
     * Fails the task waiting under {@code taskToken} (SendTaskFailure).
     *
     * @param error the error name Retry and Catch see; may be {@code null}
     */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        checkErrorAndCause(error, cause);
        PendingTask task;
        synchronized (lock) {
            task = context.tokens().answer(taskToken);
        }
        context.scheduler().submit(() -> task.callbacks().failed(new StatesError(error, cause)));
    }

    /**
     * How many SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat calls were refused with
     * TaskTimedOut because their task had already ended (timed out, answered, or failed and retried).
     */
    public int callbacksAfterTheTaskEnded() {
        synchronized (lock) {
            return context.tokens().answersAfterTheEnd();
        }
    }

    /** Restarts the heartbeat timeout of the task waiting under {@code taskToken} (SendTaskHeartbeat). */
    public void sendTaskHeartbeat(String taskToken) {
        PendingTask task;
        synchronized (lock) {
            task = context.tokens().requireOpen(taskToken);
        }
        context.scheduler().submit(() -> task.callbacks().heartbeat());
    }

    private StateMachine stateMachine(String arn) {
        StateMachine stateMachine = stateMachines.get(arn);
        if (stateMachine == null) {
            throw new StepFunctionsException(StepFunctionsError.STATE_MACHINE_DOES_NOT_EXIST,
                    "State Machine Does Not Exist: '" + arn + "'");
        }
        return stateMachine;
    }

    private Execution execution(String arn) {
        synchronized (lock) {
            return run(arn).execution();
        }
    }

    private ExecutionRun run(String arn) {
        Arns.requireExecutionArn(arn);
        ExecutionRun run = executions.get(arn);
        if (run == null) {
            throw new StepFunctionsException(StepFunctionsError.EXECUTION_DOES_NOT_EXIST,
                    "Execution Does Not Exist: '" + arn + "'");
        }
        return run;
    }

    private String generatedName() {
        return new UUID(context.random().nextLong(), context.random().nextLong()).toString();
    }

    private static JsonNode parseInput(String input) {
        if (input.getBytes(StandardCharsets.UTF_8).length > DataFlow.MAX_PAYLOAD_BYTES) {
            throw new StepFunctionsException(StepFunctionsError.INVALID_EXECUTION_INPUT,
                    "Invalid Execution Input: larger than " + DataFlow.MAX_PAYLOAD_BYTES + " bytes");
        }
        try {
            return Json.parse(input);
        } catch (JsonProcessingException e) {
            throw new StepFunctionsException(StepFunctionsError.INVALID_EXECUTION_INPUT,
                    "Invalid Execution Input: '" + input + "'");
        }
    }

    private static void checkErrorAndCause(String error, String cause) {
        if (error != null && error.length() > MAX_ERROR_LENGTH) {
            throw new StepFunctionsException(StepFunctionsError.VALIDATION,
                    "1 validation error detected: Value at 'error' failed to satisfy constraint: "
                            + "Member must have length less than or equal to " + MAX_ERROR_LENGTH);
        }
        if (cause != null && cause.length() > MAX_CAUSE_LENGTH) {
            throw new StepFunctionsException(StepFunctionsError.VALIDATION,
                    "1 validation error detected: Value at 'cause' failed to satisfy constraint: "
                            + "Member must have length less than or equal to " + MAX_CAUSE_LENGTH);
        }
    }

    /** Configures a {@link LocalStepFunctions}. */
    public static final class Builder {
        private final Scheduler scheduler;
        private final LambdaInvoker invoker;
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private RandomGenerator random = new SecureRandom();

        private Builder(Scheduler scheduler, LambdaInvoker invoker) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            this.invoker = Objects.requireNonNull(invoker, "invoker");
        }

        /** The region in ARNs and in TaskScheduled events. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The twelve-digit account in ARNs. */
        public Builder accountId(String accountId) {
            if (!accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("An account id has twelve digits: " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * The source of task tokens, generated names, request ids, jitter and States.UUID; a seeded one
         * makes runs repeatable. Access to it is serialised by the engine.
         */
        public Builder random(RandomGenerator random) {
            this.random = new SerializedRandom(Objects.requireNonNull(random, "random"));
            return this;
        }

        /** Builds the engine. */
        public LocalStepFunctions build() {
            return new LocalStepFunctions(this);
        }
    }

    /** Makes any generator safe to share: every derived method goes through {@code nextLong}. */
    private record SerializedRandom(RandomGenerator delegate) implements RandomGenerator {
        @Override
        public long nextLong() {
            synchronized (this) {
                return delegate.nextLong();
            }
        }
    }
}
