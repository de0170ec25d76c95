package dev.ferry.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where the stack is: its name, region and endpoint, and the table and state machine when given
 * instead of being looked up in the stack's outputs.
 *
 * @param stack           the CloudFormation stack ({@value #DEFAULT_STACK} unless told)
 * @param region          the stack's region
 * @param endpoint        one endpoint for every service (bin/ferry serve), or empty for AWS's own
 * @param table           the table, overriding the stack's {@code TableName} output
 * @param stateMachineArn the state machine, overriding the stack's {@code StateMachineArn} output
 */
record StackOptions(String stack, Region region, Optional<URI> endpoint, Optional<String> table,
                    Optional<String> stateMachineArn) {

    /** The stack name the README's deployment uses. */
    static final String DEFAULT_STACK = "ferry";

    /** The options every command that reaches the stack takes, each with a value. */
    static final Set<String> OPTIONS = Set.of("stack", "region", "endpoint-url", "table", "state-machine-arn");

    /**
     * The options of {@code arguments}; the region, when not given, as the SDK finds it (AWS_REGION,
     * the profile) or from AWS_DEFAULT_REGION as the AWS CLI reads it.
     */
    static StackOptions of(Arguments arguments, Function<String, String> environment) {
        Region region = arguments.option("region").map(name -> region(arguments.command(), name))
                .or(() -> sdkRegion().or(() -> Optional.ofNullable(environment.apply("AWS_DEFAULT_REGION"))
                        .filter(name -> !name.isBlank()).map(Region::of)))
                .orElseThrow(() -> new IllegalArgumentException(arguments.command()
                        + ": no region; give --region or set AWS_REGION"));
        return new StackOptions(
                arguments.option("stack").orElse(DEFAULT_STACK),
                region,
                arguments.option("endpoint-url").map(url -> endpoint(arguments.command(), url)),
                arguments.option("table"),
                arguments.option("state-machine-arn"));
    }

    private static Region region(String command, String name) {
        if (!name.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException(command + ": --region '" + name + "' is not a region name such as eu-central-1");
        }
        return Region.of(name);
    }

    private static Optional<Region> sdkRegion() {
        try {
            return Optional.of(DefaultAwsRegionProviderChain.builder().build().getRegion());
        } catch (SdkClientException none) {
            return Optional.empty();
        }
    }

    private static URI endpoint(String command, String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            // refused below
        }
        throw new IllegalArgumentException(command + ": --endpoint-url must be an http or https URL such as "
                + "http://127.0.0.1:4566 (without credentials), not '" + url + "'");
    }
}
