package dev.ferry.local.rehearsal.environment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.cloud.ec2.Ec2Resources;
import dev.ferry.local.cloud.iam.IamResources;

/**
 * What exists in EC2 (both regions) and IAM before a rehearsal starts: the {@code ec2} and {@code iam}
 * sections of the environment file. Both are optional; without them EC2 holds only what MGN makes.
 *
 * @param ec2 the EC2 resources of the source and target regions
 * @param iam the roles and instance profiles
 */
public record ResourceEnvironment(Ec2Resources ec2, IamResources iam) {

    /** No EC2 resources and no IAM roles. */
    public static final ResourceEnvironment NONE = new ResourceEnvironment(Ec2Resources.NONE, IamResources.NONE);

    /**
     * Reads and checks the {@code ec2} and {@code iam} sections of an environment file; other sections are
     * left to their own readers.
     *
     * @throws InvalidResourcesException listing every problem, each with its JSON path
     */
    public static ResourceEnvironment fromJson(JsonNode root) {
        return new ResourceEnvironmentReader().read(root);
    }
}
