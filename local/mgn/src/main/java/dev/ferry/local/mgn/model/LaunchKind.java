package dev.ferry.local.mgn.model;

/** Whether an instance MGN launched is a test or a cutover instance. */
public enum LaunchKind {
    TEST, CUTOVER
}
