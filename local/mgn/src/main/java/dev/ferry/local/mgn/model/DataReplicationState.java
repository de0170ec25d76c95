package dev.ferry.local.mgn.model;

/** The data replication states the simulated MGN reports (a subset of the API's enum). */
public enum DataReplicationState {
    INITIATING, INITIAL_SYNC, STALLED, CREATING_SNAPSHOT, CONTINUOUS, DISCONNECTED
}
