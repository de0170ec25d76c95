package dev.ferry.local.mgn.model;

/** The EC2 state of an instance MGN launched, as far as MGN drives it. */
public enum InstanceState {
    RUNNING, TERMINATED
}
