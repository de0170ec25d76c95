package dev.ferry.wave;

import java.util.List;
import java.util.regex.Pattern;

import static dev.ferry.wave.ObjectFields.quote;

/** Reads the {@code mgnWave} object of a wave definition. */
final class MgnWaveSettingsParser {

    static final List<String> FIELDS = List.of("name", "application");

    /** MGN's {@code WaveName} and {@code ApplicationName}: 1 to 256 characters. */
    static final int MAX_NAME = 256;
    /**
     * MGN's name pattern: no whitespace but single or repeated spaces between other characters, so no
     * leading or trailing space, no tab or line break.
     */
    static final Pattern MGN_NAME = Pattern.compile("^[^\\s\\x00]( *[^\\s\\x00])*$");

    private MgnWaveSettingsParser() {
    }

    /** The settings in {@code parent.field}, or null when the field is absent or not an object. */
    static MgnWaveSettings parse(ObjectFields parent, String field) {
        ObjectFields mgnWave = parent.object(field, FIELDS);
        if (mgnWave == null) {
            return null;
        }
        return new MgnWaveSettings(name(mgnWave, "name"), name(mgnWave, "application"));
    }

    private static String name(ObjectFields mgnWave, String field) {
        String name = mgnWave.text(field);
        if (name == null) {
            return null;
        }
        if (name.isEmpty() || name.length() > MAX_NAME) {
            mgnWave.problems().add(mgnWave.pathOf(field), "must be 1 to " + MAX_NAME + " characters long (MGN's limit), not "
                    + name.length());
        } else if (!MGN_NAME.matcher(name).matches()) {
            mgnWave.problems().add(mgnWave.pathOf(field), quote(name) + " is not a name MGN accepts: no leading or "
                    + "trailing space, and no tab, line break or other whitespace than spaces between words");
        }
        return name;
    }
}
