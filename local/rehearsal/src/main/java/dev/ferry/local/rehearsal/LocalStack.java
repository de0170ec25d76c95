package dev.ferry.local.rehearsal;

import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;
import dev.ferry.local.cloud.xml.XmlWriter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.SequencedMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * CloudFormation's {@code DescribeStacks} for the one stack the local cloud stands for, named
 * {@value #STACK_NAME} as the README's deployment names it, with the outputs of template.yaml that
 * point at local resources. It lets a tool find the table and the state machine of the local cloud
 * as it finds them in a deployed stack ({@code bin/ferry status --stack ferry}, or
 * {@code aws cloudformation describe-stacks --stack-name ferry}), so that nothing but the endpoint
 * differs between the two. Nothing else of CloudFormation is simulated: other actions are refused.
 */
final class LocalStack implements LocalService {

    /** The stack name the README's {@code sam deploy} uses. */
    static final String STACK_NAME = "ferry";

    private static final String API_VERSION = "2010-05-15";
    private static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private final String stackId;
    private final Instant createdAt;
    private final Supplier<SequencedMap<String, String>> outputs;

    /**
     * @param region    the stack's region
     * @param accountId the stack's account
     * @param createdAt when the stack was created (the local cloud's start)
     * @param outputs   output key to value, in the order template.yaml declares them; read at each call,
     *                  since the state machine is created after the endpoint starts
     */
    LocalStack(String region, String accountId, Instant createdAt, Supplier<SequencedMap<String, String>> outputs) {
        // A stack ID ends in a UUID; a fixed one keeps the ID the same from one run to the next.
        this.stackId = "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + STACK_NAME + "/"
                + UUID.nameUUIDFromBytes((region + accountId + STACK_NAME).getBytes(StandardCharsets.UTF_8));
        this.createdAt = createdAt;
        this.outputs = outputs;
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return request.isQueryCall(API_VERSION);
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        Map<String, String> form = request.form();
        String action = form.getOrDefault("Action", "");
        if (!"DescribeStacks".equals(action)) {
            return error(400, "InvalidAction", "Could not find operation " + action
                    + " (the local cloud's CloudFormation answers DescribeStacks for its stack '" + STACK_NAME + "' only)");
        }
        String asked = form.get("StackName");
        if (asked != null && !asked.equals(STACK_NAME) && !asked.equals(stackId)) {
            // CloudFormation's own words for a stack that is not there.
            return error(400, "ValidationError", "Stack with id " + asked + " does not exist");
        }
        XmlWriter xml = new XmlWriter().startDocument("DescribeStacksResponse", NAMESPACE)
                .start("DescribeStacksResult").start("Stacks").start("member")
                .element("StackName", STACK_NAME)
                .element("StackId", stackId)
                .element("CreationTime", createdAt)
                .element("StackStatus", "CREATE_COMPLETE")
                .start("Outputs");
        outputs.get().forEach((key, value) -> xml.start("member").element("OutputKey", key).element("OutputValue", value).end());
        xml.end().end().end().end()
                .start("ResponseMetadata").element("RequestId", UUID.randomUUID()).end();
        return LocalResponse.of(200, "text/xml", xml.endAll().toString());
    }

    private static LocalResponse error(int status, String code, String message) {
        String xml = new XmlWriter().startDocument("ErrorResponse", NAMESPACE).start("Error")
                .element("Type", "Sender").element("Code", code).element("Message", message).end()
                .element("RequestId", UUID.randomUUID()).endAll().toString();
        return LocalResponse.of(status, "text/xml", xml);
    }
}
