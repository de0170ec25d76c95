package dev.ferry.mgn;

import java.time.Instant;

/**
 * An MGN application: a group of source servers, in at most one MGN wave.
 *
 * @param id       {@code applicationID}, {@code app-} and 17 letters or digits
 * @param name     its name; MGN does not promise that names are unique
 * @param waveId   the MGN wave it is in, or null
 * @param archived {@code isArchived}
 * @param created  {@code creationDateTime}, or null when MGN did not say
 */
public record MgnApplication(String id, String name, String waveId, boolean archived, Instant created) {
}
