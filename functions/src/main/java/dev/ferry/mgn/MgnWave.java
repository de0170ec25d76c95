package dev.ferry.mgn;

import java.time.Instant;

/**
 * An MGN wave (MGN's own grouping of applications, not a Ferry wave).
 *
 * @param id       {@code waveID}, {@code wave-} and 17 letters or digits
 * @param name     its name; MGN does not promise that names are unique
 * @param archived {@code isArchived}
 * @param created  {@code creationDateTime}, or null when MGN did not say
 */
public record MgnWave(String id, String name, boolean archived, Instant created) {
}
