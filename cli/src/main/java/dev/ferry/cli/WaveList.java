package dev.ferry.cli;

import dev.ferry.server.WaveRecord;
import java.util.ArrayList;
import java.util.List;

/** {@code bin/ferry waves}'s text: one row per recent execution of the state machine, with its wave. */
final class WaveList {

    private WaveList() {
    }

    static List<String> lines(FerryStack stack, List<WaveView> waves) {
        if (waves.isEmpty()) {
            return List.of("No executions of " + stack.stateMachineArn() + " yet: start a wave with bin/ferry start WAVE.json");
        }
        TextTable table = new TextTable("WAVE", "EXECUTION", "STARTED", "ENDED", "WAVE STATUS", "SERVERS", "WHERE");
        for (WaveView wave : waves) {
            ExecutionView execution = wave.execution().orElseThrow();
            table.row(wave.waveId(), execution.status(), Texts.time(execution.startedAt()),
                    execution.isRunning() ? "-" : Texts.time(execution.stoppedAt()),
                    wave.wave().map(WaveRecord::status).map(Enum::name).orElse("not stored"),
                    wave.wave().isPresent() ? String.valueOf(wave.servers().size()) : "-",
                    Texts.whereServersAre(wave.servers()));
        }
        List<String> lines = new ArrayList<>(table.lines());
        lines.add("");
        lines.add("One wave's servers: bin/ferry status WAVE");
        return lines;
    }
}
