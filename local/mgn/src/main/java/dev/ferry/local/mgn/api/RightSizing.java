package dev.ferry.local.mgn.api;

import java.util.List;

/** MGN's BASIC right-sizing: the smallest instance type with at least the source's cores and memory. */
final class RightSizing {

    private record InstanceType(String name, int cpus, double ramGiB) {
    }

    private static final List<InstanceType> TYPES = List.of(
            new InstanceType("t3.micro", 2, 1), new InstanceType("t3.small", 2, 2),
            new InstanceType("t3.medium", 2, 4), new InstanceType("t3.large", 2, 8),
            new InstanceType("t3.xlarge", 4, 16), new InstanceType("t3.2xlarge", 8, 32),
            new InstanceType("m5.4xlarge", 16, 64), new InstanceType("m5.8xlarge", 32, 128),
            new InstanceType("m5.16xlarge", 64, 256), new InstanceType("m5.24xlarge", 96, 384));

    private RightSizing() {
    }

    static String recommend(int cpus, double ramGiB) {
        return TYPES.stream().filter(type -> type.cpus() >= cpus && type.ramGiB() >= ramGiB)
                .findFirst().orElse(TYPES.getLast()).name();
    }
}
