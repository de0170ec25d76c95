package dev.ferry.stage;

import dev.ferry.agent.SsmCommands;

/** Systems Manager of a wave's source region, which is only known once the wave is read. */
@FunctionalInterface
public interface SsmRegions {

    /** Systems Manager in {@code region}, such as {@code us-east-1}. */
    SsmCommands in(String region);
}
