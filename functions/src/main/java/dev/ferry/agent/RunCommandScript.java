package dev.ferry.agent;

import java.util.List;

/**
 * Commands for SSM Run Command: the document that runs them and the lines it runs, in order.
 *
 * @param document shell or PowerShell
 * @param commands the script's lines
 */
public record RunCommandScript(ScriptDocument document, List<String> commands) {

    public RunCommandScript {
        commands = List.copyOf(commands);
    }
}
