package dev.ferry.agent;

/** The AWS-owned SSM documents that run a list of commands, one per operating system family. */
public enum ScriptDocument {
    SHELL("AWS-RunShellScript"),
    POWERSHELL("AWS-RunPowerShellScript");

    private final String documentName;

    ScriptDocument(String documentName) {
        this.documentName = documentName;
    }

    public String documentName() {
        return documentName;
    }
}
