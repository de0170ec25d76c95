package dev.ferry.local.cloud.ssm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The platform of a managed instance, and the AWS-owned document (and its plugin) that runs its scripts. */
public enum SsmPlatform {
    LINUX("Linux", "AWS-RunShellScript", "aws:runShellScript"),
    WINDOWS("Windows", "AWS-RunPowerShellScript", "aws:runPowerShellScript");

    private final String platformType;
    private final String scriptDocument;
    private final String pluginName;

    SsmPlatform(String platformType, String scriptDocument, String pluginName) {
        this.platformType = platformType;
        this.scriptDocument = scriptDocument;
        this.pluginName = pluginName;
    }

    /** SSM's {@code PlatformType}: {@code Linux} or {@code Windows}. */
    public String platformType() {
        return platformType;
    }

    /** The document that runs a list of commands on this platform. */
    public String scriptDocument() {
        return scriptDocument;
    }

    /** The plugin of {@link #scriptDocument()}, as GetCommandInvocation names it. */
    public String pluginName() {
        return pluginName;
    }

    static List<String> platformTypes() {
        return Arrays.stream(values()).map(SsmPlatform::platformType).toList();
    }

    static SsmPlatform ofPlatformType(String platformType) {
        return Arrays.stream(values()).filter(platform -> platform.platformType.equals(platformType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No SSM platform type " + platformType));
    }

    /** The platform whose script document this is, if it is one of the two. */
    static Optional<SsmPlatform> ofScriptDocument(String documentName) {
        return Arrays.stream(values()).filter(platform -> platform.scriptDocument.equals(documentName)).findFirst();
    }
}
