package dev.ferry.local.rehearsal;

import java.util.Locale;

/** Who decides the cutover approval during a rehearsal. */
public enum ApprovalMode {
    /** A simulated person opens the emailed link and approves. */
    AUTO,
    /** A simulated person opens the emailed link and rejects. */
    REJECT,
    /** The link is printed and a real person decides in a browser. */
    LINK;

    /** The mode named on the command line ({@code auto}, {@code reject}, {@code link}). */
    public static ApprovalMode named(String name) {
        for (ApprovalMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("--approve must be auto, reject or link, not '" + name + "'");
    }
}
