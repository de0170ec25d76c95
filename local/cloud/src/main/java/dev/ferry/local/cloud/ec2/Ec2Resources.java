package dev.ferry.local.cloud.ec2;

/**
 * What exists in EC2 before the rehearsal starts, in the source region (the servers to move, their groups) and in
 * the target region (key pairs and groups made earlier, the VPC to copy groups into).
 *
 * @param source the source region's resources
 * @param target the target region's resources
 */
public record Ec2Resources(RegionResources source, RegionResources target) {

    /** Nothing in either region: the launch templates and instances MGN makes are all there is. */
    public static final Ec2Resources NONE = new Ec2Resources(RegionResources.NONE, RegionResources.NONE);
}
