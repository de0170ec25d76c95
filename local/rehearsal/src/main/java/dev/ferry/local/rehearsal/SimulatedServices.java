package dev.ferry.local.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.cloud.events.EventFaults;
import dev.ferry.local.cloud.faults.ServiceFaults;
import dev.ferry.local.cloud.lambda.LambdaFaults;
import dev.ferry.local.cloud.route53.Route53Environment;
import dev.ferry.local.cloud.ssm.SsmEnvironment;
import dev.ferry.local.mgn.environment.MgnEnvironment;
import dev.ferry.local.mgn.environment.ObjectReader;
import dev.ferry.local.rehearsal.environment.InvalidResourcesException;
import dev.ferry.local.rehearsal.environment.ResourceEnvironment;
import dev.ferry.local.rehearsal.standin.ServiceFrontFault;

import java.util.List;
import java.util.Optional;

/**
 * The sections of an environment file for the simulated services besides MGN: {@code ec2} (both
 * regions) and {@code iam}, {@code ssm} (Systems Manager in the source region), {@code route53} and
 * {@code serviceFront} (the application behind the DNS switch's health check), and {@code faults}
 * (what the Lambda service and the other services do wrong). Each is optional; without it the
 * service is there but empty, the service front never fails and no service fails a call.
 *
 * @param resources         what exists in EC2 and IAM at the start
 * @param ssm               the instances Systems Manager manages
 * @param route53           the hosted zones
 * @param serviceFrontFault when the service front starts failing the health check, if ever
 * @param lambdaFaults      the invocations Lambda refuses, loses the result of or reports failed while they run
 * @param serviceFaults     the requests the other services throttle, fail or time out on
 * @param eventFaults       the event deliveries doubled, or made while the reconciler runs
 */
public record SimulatedServices(ResourceEnvironment resources, SsmEnvironment ssm, Route53Environment route53,
                                Optional<ServiceFrontFault> serviceFrontFault, LambdaFaults lambdaFaults,
                                ServiceFaults serviceFaults, EventFaults eventFaults) {

    /** Nothing in EC2 or IAM, no managed instance, no hosted zone and a service front that never fails. */
    public static final SimulatedServices NONE = new SimulatedServices(ResourceEnvironment.NONE, SsmEnvironment.NONE,
            Route53Environment.NONE, Optional.empty(), LambdaFaults.NONE, ServiceFaults.NONE,
            EventFaults.NONE);

    /** The same services with a chaos rehearsal's faults instead of the file's, from this seed. */
    public SimulatedServices withChaos(long seed) {
        return new SimulatedServices(resources, ssm, route53, serviceFrontFault, LambdaFaults.chaos(seed),
                ServiceFaults.chaos(seed), EventFaults.chaos(seed));
    }

    /**
     * Reads the sections of an environment file's root object, noting every problem with its JSON path.
     *
     * @param mgn the file's MGN environment when it is valid, else null: an instance's platform defaults
     *            to its MGN server's operating system and must agree with it
     */
    public static SimulatedServices fromJson(JsonNode root, MgnEnvironment mgn, List<String> problems) {
        Optional<ObjectReader> faults = ObjectReader.section(root, "faults", problems);
        faults.ifPresent(section -> section.rejectUnknownFields("lambda", "services", "events"));
        return new SimulatedServices(resources(root, problems), SsmEnvironment.fromJson(root, SsmEnvironment.platformsOf(mgn), problems),
                Route53Environment.fromJson(root, problems), ServiceFrontFault.fromJson(root, problems),
                LambdaFaults.fromJson(faults), ServiceFaults.fromJson(faults), EventFaults.fromJson(faults));
    }

    private static ResourceEnvironment resources(JsonNode root, List<String> problems) {
        try {
            return ResourceEnvironment.fromJson(root);
        } catch (InvalidResourcesException e) {
            problems.addAll(e.problems());
            return ResourceEnvironment.NONE;
        }
    }
}
