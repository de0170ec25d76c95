package dev.ferry.local.cloud.ssm;

/** What running the replication agent's installer on an instance comes to. */
public enum AgentInstallOutcome {
    /** The installer exits 0 and the agent registers with MGN. */
    SUCCEEDS,
    /** The installer exits with an error; nothing registers. */
    FAILS,
    /** The installer exits 0 but the agent never shows up in MGN (blocked port 443, say). */
    NEVER_REGISTERS
}
