package dev.ferry.agent;

import java.util.List;

/** Where the agent installations of waves are kept (the wave's partition of the DynamoDB table). */
public interface AgentInstallStore {

    /**
     * Stores a new installation unless one is stored for the instance already, and returns the
     * stored one, so that a retried Preflight never resets an installation that has moved on.
     */
    AgentInstallRecord create(AgentInstallRecord install);

    /**
     * Writes {@code next} in place of {@code current} when the stored record is still at
     * {@code current}'s revision.
     *
     * @return false, writing nothing, when another invocation has moved the installation on
     */
    boolean replace(AgentInstallRecord current, AgentInstallRecord next);

    /** Every installation of the wave, in instance ID order. */
    List<AgentInstallRecord> installs(String waveId);

    /**
     * A store for stages built without agent installation: it holds nothing, and refuses to
     * store, so that a wave asking for installation fails loudly instead of losing it.
     */
    static AgentInstallStore none() {
        return new AgentInstallStore() {
            @Override
            public AgentInstallRecord create(AgentInstallRecord install) {
                throw new IllegalStateException("This stage was built without an agent installation store; "
                        + "it cannot install the agent on " + install.instanceId());
            }

            @Override
            public boolean replace(AgentInstallRecord current, AgentInstallRecord next) {
                throw new IllegalStateException("This stage was built without an agent installation store");
            }

            @Override
            public List<AgentInstallRecord> installs(String waveId) {
                return List.of();
            }
        };
    }
}
