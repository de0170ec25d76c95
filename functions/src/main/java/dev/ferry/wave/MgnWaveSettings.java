package dev.ferry.wave;

/**
 * The wave's {@code mgnWave} section: the MGN wave and application (MGN's own grouping, shown on the
 * console's Waves and Applications pages) that Ferry finds or creates and puts the wave's servers in.
 * One application per wave: every server of the wave goes into it.
 *
 * @param name        the MGN wave's name, or null for the wave's ID (the execution's name)
 * @param application the MGN application's name, or null for the MGN wave's name
 */
public record MgnWaveSettings(String name, String application) {

    /** The MGN wave's name for the wave with this ID. */
    public String waveName(String waveId) {
        return name != null ? name : waveId;
    }

    /** The MGN application's name for the wave with this ID. */
    public String applicationName(String waveId) {
        return application != null ? application : waveName(waveId);
    }
}
