package dev.ferry.local.rehearsal;

import dev.ferry.local.mgn.environment.MgnEnvironment;
import dev.ferry.local.rehearsal.template.ProjectTemplate;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What a local cloud is made of.
 *
 * @param template      the project's template (state machine, functions, rules)
 * @param environment   the simulated world MGN sees
 * @param start         the virtual time it starts at
 * @param speed         virtual seconds per real second; {@link Double#POSITIVE_INFINITY} for as fast as possible
 * @param port          the loopback port of its endpoint; 0 for a free one
 * @param outboxFolder  where notifications are written as files, or null to keep them in memory
 * @param services      what the other simulated services (EC2, IAM, Systems Manager, Route 53) hold
 */
public record LocalCloudSettings(ProjectTemplate template, MgnEnvironment environment, Instant start, double speed,
                                 int port, Path outboxFolder, SimulatedServices services) {
}
