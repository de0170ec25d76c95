package dev.ferry.stage;

import dev.ferry.network.SourceEc2;

/** EC2 of a wave's source region, which is only known once the wave is read. */
@FunctionalInterface
public interface SourceEc2Regions {

    /** The source EC2 of {@code region}, such as {@code us-east-1}. */
    SourceEc2 in(String region);
}
