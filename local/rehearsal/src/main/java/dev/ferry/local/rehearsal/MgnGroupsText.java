package dev.ferry.local.rehearsal;

import dev.ferry.local.mgn.MgnSimulator;
import dev.ferry.local.mgn.model.Planning;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The MGN waves and applications as the simulated MGN holds them at the end of a rehearsal, a line
 * per wave with its applications: what the MGN console's Waves page would show.
 */
final class MgnGroupsText {

    private MgnGroupsText() {
    }

    static List<String> of(MgnSimulator mgn) {
        List<Planning.Group> applications = mgn.applications();
        Map<String, Planning.Group> waves = mgn.waves().stream()
                .collect(Collectors.toMap(Planning.Group::id, Function.identity()));
        return mgn.waves().stream().map(wave -> "MGN wave \"" + wave.name() + "\" (" + wave.id() + ")"
                        + (wave.archived() ? " archived" : "") + ": "
                        + applications.stream().filter(app -> wave.id().equals(app.waveId()))
                        .map(app -> application(mgn, app)).collect(Collectors.joining("; ")))
                .collect(Collectors.collectingAndThen(Collectors.toList(), lines -> {
                    applications.stream().filter(app -> app.waveId() == null || !waves.containsKey(app.waveId()))
                            .forEach(app -> lines.add("MGN " + application(mgn, app) + ", in no wave"));
                    return List.copyOf(lines);
                }));
    }

    private static String application(MgnSimulator mgn, Planning.Group application) {
        long servers = mgn.sourceServersIn(application.id());
        return "application \"" + application.name() + "\" (" + application.id() + ") with " + servers
                + (servers == 1 ? " server" : " servers") + (application.archived() ? ", archived" : "");
    }
}
