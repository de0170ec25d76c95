package dev.ferry.cli;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ferry.cli.InventoryColumn.LaunchField.Kind.BOOLEAN;
import static dev.ferry.cli.InventoryColumn.LaunchField.Kind.ID_LIST;
import static dev.ferry.cli.InventoryColumn.LaunchField.Kind.TEXT;

/**
 * What one column of an inventory CSV means for a wave file. A header is either one of the
 * columns of MGN's import and export file ({@code mgn:wave:name}, {@code mgn:launch:instance-type}
 * ...) or the name of the wave definition field it fills ({@code sourceInstanceId}, {@code
 * instanceType} ...); names are matched ignoring case, tag keys keep theirs. The columns and what
 * becomes of each are listed in {@code docs/wave-definition.md} ("Waves from an inventory CSV").
 */
sealed interface InventoryColumn {

    /** The header as it is written in the file. */
    String header();

    /** The wave a row belongs to. */
    record Wave(String header) implements InventoryColumn {
    }

    /** The target region of the row's wave ({@code mgn:region}: the region MGN imports into). */
    record TargetRegion(String header) implements InventoryColumn {
    }

    /** A text field of the server itself: {@code sourceServerId}, {@code sourceInstanceId} or {@code name}. */
    record ServerField(String header, String field) implements InventoryColumn {
    }

    /** A field of the server's {@code launch} settings, written as text, true/false or a list of IDs. */
    record LaunchField(String header, String field, Kind kind) implements InventoryColumn {

        /** How a cell becomes the field's JSON value. */
        enum Kind { TEXT, BOOLEAN, ID_LIST }
    }

    /** One of MGN's numbered security group columns, {@code mgn:launch:nic:0:security-group-id:N}. */
    record SecurityGroup(String header, int position) implements InventoryColumn {
    }

    /** A tag of the launched instances: {@code tag:KEY} or {@code mgn:launch:tag:instance:KEY}. */
    record Tag(String header, String key) implements InventoryColumn {
    }

    /** A column of MGN's file that says nothing about how the server is migrated: not read. */
    record Ignored(String header, String reason) implements InventoryColumn {
    }

    /** A launch setting of MGN's file that a wave cannot set: refused on every row that fills it. */
    record Unsupported(String header, String reason) implements InventoryColumn {
    }

    /** The server fields, in the order a wave file lists them. */
    List<String> SERVER_FIELDS = List.of("sourceServerId", "sourceInstanceId", "name");

    /** The launch fields a row may set, in the order a wave file lists them. */
    List<String> LAUNCH_FIELDS = List.of("instanceType", "rightSizing", "subnetId", "securityGroupIds", "keyName",
            "associatePublicIp", "copyPrivateIp", "copyTags", "tags", "launchDisposition");

    String TAG_PREFIX = "tag:";
    String MGN_TAG_PREFIX = "mgn:launch:tag:instance:";

    /**
     * What the header means, or empty when it is no column this command knows (then {@link
     * #closestKnown} may suggest one).
     */
    static Optional<InventoryColumn> of(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        if (name.startsWith(TAG_PREFIX) && header.length() > TAG_PREFIX.length()) {
            return Optional.of(new Tag(header, header.substring(TAG_PREFIX.length())));
        }
        if (name.startsWith(MGN_TAG_PREFIX) && header.length() > MGN_TAG_PREFIX.length()) {
            return Optional.of(new Tag(header, header.substring(MGN_TAG_PREFIX.length())));
        }
        Matcher securityGroup = Names.MGN_SECURITY_GROUP.matcher(name);
        if (securityGroup.matches()) {
            return Optional.of(new SecurityGroup(header, Integer.parseInt(securityGroup.group(1))));
        }
        InventoryColumn fixed = fixed(header, name);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        for (Map.Entry<Pattern, String> ignored : Names.IGNORED_PATTERNS.entrySet()) {
            if (ignored.getKey().matcher(name).matches()) {
                return Optional.of(new Ignored(header, ignored.getValue()));
            }
        }
        if (name.startsWith("mgn:launch:")) {
            return Optional.of(new Unsupported(header, Names.unsupportedReason(name)));
        }
        return Optional.empty();
    }

    private static InventoryColumn fixed(String header, String name) {
        return switch (name) {
            case "mgn:wave:name", "wavename" -> new Wave(header);
            case "mgn:region", "targetregion" -> new TargetRegion(header);
            case "mgn:server:id", "sourceserverid" -> new ServerField(header, "sourceServerId");
            case "sourceinstanceid" -> new ServerField(header, "sourceInstanceId");
            case "name" -> new ServerField(header, "name");
            case "mgn:launch:instance-type", "instancetype" -> new LaunchField(header, "instanceType", TEXT);
            case "rightsizing" -> new LaunchField(header, "rightSizing", TEXT);
            case "mgn:launch:nic:0:subnet-id", "subnetid" -> new LaunchField(header, "subnetId", TEXT);
            case "securitygroupids" -> new LaunchField(header, "securityGroupIds", ID_LIST);
            case "keyname" -> new LaunchField(header, "keyName", TEXT);
            case "associatepublicip" -> new LaunchField(header, "associatePublicIp", BOOLEAN);
            case "copyprivateip" -> new LaunchField(header, "copyPrivateIp", BOOLEAN);
            case "mgn:launch:transfer-server-tags", "copytags" -> new LaunchField(header, "copyTags", BOOLEAN);
            case "launchdisposition" -> new LaunchField(header, "launchDisposition", TEXT);
            case "application" -> new Ignored(header, Names.NO_APPLICATIONS);
            default -> null;
        };
    }

    /** The known column name closest to an unknown header, when one is near enough to be a typo. */
    static Optional<String> closestKnown(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Names.SUGGESTION_DISTANCE + 1;
        for (String known : Names.KNOWN) {
            int distance = Names.DISTANCE.apply(name, known.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The names and reasons behind the columns; kept apart so that the interface reads as the list of kinds. */
    final class Names {

        static final int SUGGESTION_DISTANCE = 3;
        static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

        static final Pattern MGN_SECURITY_GROUP = Pattern.compile("^mgn:launch:nic:0:security-group-id:(\\d{1,2})$");

        static final String NO_APPLICATIONS = "a wave groups its servers by wave only; MGN applications are not used";

        /** MGN's documented columns that describe the inventory, not how a server is launched. */
        static final Map<Pattern, String> IGNORED_PATTERNS = Map.of(
                Pattern.compile("^mgn:account-id$"), "the wave runs in the account of the stack that starts it",
                Pattern.compile("^mgn:app:(id|name|description|tag:.+)$"), NO_APPLICATIONS,
                Pattern.compile("^mgn:wave:(id|description|tag:.+)$"), "only the wave's name is used",
                Pattern.compile("^mgn:server:tag:.+$"),
                "tags of the MGN source server are not the launched instance's; use mgn:launch:tag:instance:KEY",
                Pattern.compile("^mgn:server:(user-provided-id|platform|fqdn-for-action-framework)$"),
                "Ferry finds servers by mgn:server:id or sourceInstanceId",
                Pattern.compile("^mgn:server:(lifecycle-state|replication-type|replication-state)$"),
                "a state of the export, read from MGN again when the wave starts");

        /** Every name a header may take, for suggestions. */
        static final List<String> KNOWN = known();

        private Names() {
        }

        static String unsupportedReason(String name) {
            if (name.startsWith("mgn:launch:nic:") && !name.startsWith("mgn:launch:nic:0:")) {
                return "a wave sets the first network interface only";
            }
            if (name.equals("mgn:launch:iam-instance-profile:name")) {
                return "a wave does not set the instance profile";
            }
            if (name.startsWith("mgn:launch:nic:0:")) {
                return "a wave sets the subnet and security groups of a network interface, not its ID or private IPs"
                        + " (copyPrivateIp keeps the source's)";
            }
            if (name.startsWith("mgn:launch:placement:")) {
                return "a wave does not set placement, tenancy or licensing";
            }
            if (name.startsWith("mgn:launch:volume:")) {
                return "a wave does not set volume types";
            }
            return "a wave has no such launch setting";
        }

        private static List<String> known() {
            List<String> known = new ArrayList<>(List.of("mgn:wave:name", "waveName", "mgn:region", "targetRegion",
                    "mgn:server:id", "sourceServerId", "sourceInstanceId", "name", "mgn:launch:instance-type",
                    "mgn:launch:nic:0:subnet-id", "mgn:launch:nic:0:security-group-id:0",
                    "mgn:launch:transfer-server-tags", "mgn:launch:tag:instance:KEY", "tag:KEY", "application",
                    "mgn:app:name", "mgn:server:user-provided-id", "mgn:server:platform"));
            LAUNCH_FIELDS.stream().filter(field -> !field.equals("tags")).forEach(known::add);
            return List.copyOf(known);
        }
    }
}
