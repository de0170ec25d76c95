package dev.ferry.local.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.json.PayloadTemplate;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/** Recognises the Task resources the engine can run and checks their Parameters. */
final class TaskResourceParser {

    private static final Pattern LAMBDA_INVOKE =
            Pattern.compile("arn:aws[a-z-]*:states:::lambda:invoke(\\.waitForTaskToken)?");
    private static final Pattern LAMBDA_FUNCTION = Pattern.compile(
            "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?");
    private static final Set<String> INVOKE_PARAMETERS = Set.of("FunctionName", "Payload", "Qualifier");

    private TaskResourceParser() {
    }

    static TaskResource parse(NodeReader task) {
        String resource = task.requiredString("Resource");
        if (LAMBDA_INVOKE.matcher(resource).matches()) {
            checkInvokeParameters(task);
            return new TaskResource.LambdaInvoke(resource, resource.endsWith(".waitForTaskToken"));
        }
        if (LAMBDA_FUNCTION.matcher(resource).matches()) {
            return new TaskResource.LambdaFunction(resource);
        }
        throw task.fail("unsupported resource '" + resource + "'; the local engine runs "
                + "arn:aws:states:::lambda:invoke, arn:aws:states:::lambda:invoke.waitForTaskToken "
                + "and Lambda function ARNs");
    }

    private static void checkInvokeParameters(NodeReader task) {
        if (!task.has("Parameters")) {
            throw task.fail("lambda:invoke needs Parameters with a FunctionName");
        }
        JsonNode parameters = task.requiredObject("Parameters");
        if (!PayloadTemplate.hasTopLevelField(parameters, "FunctionName")) {
            throw task.fail("lambda:invoke Parameters must have FunctionName or FunctionName.$");
        }
        for (Iterator<String> names = parameters.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String plain = name.endsWith(".$") ? name.substring(0, name.length() - 2) : name;
            if (!INVOKE_PARAMETERS.contains(plain)) {
                throw task.fail("lambda:invoke parameter '" + name + "' is not supported; use "
                        + INVOKE_PARAMETERS);
            }
        }
    }
}
