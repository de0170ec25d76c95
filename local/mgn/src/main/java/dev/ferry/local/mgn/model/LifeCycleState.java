package dev.ferry.local.mgn.model;

/** The lifecycle states the simulated MGN moves a source server through (a subset of the API's enum). */
public enum LifeCycleState {
    NOT_READY, READY_FOR_TEST, TESTING, READY_FOR_CUTOVER, CUTTING_OVER, CUTOVER, DISCONNECTED
}
