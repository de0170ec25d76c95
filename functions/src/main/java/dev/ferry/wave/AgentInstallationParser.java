package dev.ferry.wave;

import java.time.Duration;
import java.util.List;

/** Reads the {@code agentInstallation} object of a wave definition. */
final class AgentInstallationParser {

    static final List<String> FIELDS = List.of("attachPoliciesToExistingRole", "useStackInstanceProfile",
            "commandTimeoutMinutes", "registrationTimeoutMinutes");

    static final long DEFAULT_COMMAND_TIMEOUT_MINUTES = 30;
    static final long MIN_COMMAND_TIMEOUT_MINUTES = 5;
    /** The installer downloads and installs in minutes; two hours covers a slow link, not a stuck one. */
    static final long MAX_COMMAND_TIMEOUT_MINUTES = 120;
    static final long DEFAULT_REGISTRATION_TIMEOUT_MINUTES = 30;
    static final long MIN_REGISTRATION_TIMEOUT_MINUTES = 5;
    static final long MAX_REGISTRATION_TIMEOUT_MINUTES = 180;

    private AgentInstallationParser() {
    }

    /** The agent installation in {@code parent.field}, or null when the field is absent or not an object. */
    static AgentInstallationSettings parse(ObjectFields parent, String field) {
        ObjectFields agent = parent.object(field, FIELDS);
        if (agent == null) {
            return null;
        }
        boolean attach = Boolean.TRUE.equals(agent.bool("attachPoliciesToExistingRole"));
        boolean stackProfile = Boolean.TRUE.equals(agent.bool("useStackInstanceProfile"));
        Long command = agent.wholeNumberWithin("commandTimeoutMinutes", MIN_COMMAND_TIMEOUT_MINUTES,
                MAX_COMMAND_TIMEOUT_MINUTES, " minutes");
        Long registration = agent.wholeNumberWithin("registrationTimeoutMinutes", MIN_REGISTRATION_TIMEOUT_MINUTES,
                MAX_REGISTRATION_TIMEOUT_MINUTES, " minutes");
        return new AgentInstallationSettings(attach, stackProfile,
                Duration.ofMinutes(command != null ? command : DEFAULT_COMMAND_TIMEOUT_MINUTES),
                Duration.ofMinutes(registration != null ? registration : DEFAULT_REGISTRATION_TIMEOUT_MINUTES));
    }
}
