package dev.ferry.local.rehearsal;

import dev.ferry.agent.AgentInstallRecord;

/** How the display shows where an agent installation stands, in the place of a server's stage and MGN states. */
final class AgentInstallText {

    /** Shown where a server line shows its stage. */
    static final String STAGE = "AGENT_INSTALL";

    /** Width of the stage column, as on the server lines. */
    private static final int STAGE_WIDTH = 20;

    private AgentInstallText() {
    }

    /**
     * The state of the installation, worded so that installations at the same point read the same
     * (and share a line); only the outcome names what is particular to one.
     */
    static String of(AgentInstallRecord install) {
        String state = switch (install.state()) {
            case CHECKING -> install.fixesApplied().isEmpty() ? "checking"
                    : "checking again after " + Wording.count(install.fixesApplied().size(), "fix", "fixes");
            case SENDING -> "sending the installer";
            case RUNNING -> "command sent";
            case REGISTERING -> "installed, waiting for MGN";
            case REGISTERED -> "registered as " + install.sourceServerId();
            case FAILED, LEFT_OUT -> install.state() + (install.failure() == null ? "" : ": " + install.failure());
        };
        return String.format("%-" + STAGE_WIDTH + "s%s", STAGE, state);
    }
}
