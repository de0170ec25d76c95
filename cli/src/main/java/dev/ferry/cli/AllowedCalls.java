package dev.ferry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The AWS operations a command may call, enforced on every client it builds: a call of any other
 * operation fails before it is sent. {@code status} and {@code waves} are allowed reads alone, so
 * that they cannot change anything whatever the credentials allow; {@code start} may also start an
 * execution. The calls made are kept, in order.
 */
final class AllowedCalls implements ExecutionInterceptor {

    /** What {@code status} and {@code waves} read: the stack's outputs, the table and the executions. */
    static final Set<String> READS = Set.of("DescribeStacks", "GetItem", "Query", "ListExecutions", "DescribeExecution");

    private final String command;
    private final Set<String> operations;
    private final List<String> made = new ArrayList<>();

    AllowedCalls(String command, Set<String> operations) {
        this.command = command;
        this.operations = Set.copyOf(operations);
    }

    /** The read-only calls of {@code status} and {@code waves}. */
    static AllowedCalls readOnly(String command) {
        return new AllowedCalls(command, READS);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!operations.contains(operation)) {
            throw new IllegalStateException(command + " may call only " + String.join(", ", operations.stream().sorted().toList())
                    + "; it refused to call " + service + " " + operation);
        }
        synchronized (made) {
            made.add(service + " " + operation);
        }
    }

    /** The calls made so far, as {@code <service> <operation>}. */
    List<String> made() {
        synchronized (made) {
            return List.copyOf(made);
        }
    }
}
