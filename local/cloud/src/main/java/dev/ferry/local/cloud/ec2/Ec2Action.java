package dev.ferry.local.cloud.ec2;

/** One action of the simulated EC2: answers a request with its XML document, or throws {@link Ec2Exception}. */
@FunctionalInterface
interface Ec2Action {

    String answer(Ec2Request request);
}
