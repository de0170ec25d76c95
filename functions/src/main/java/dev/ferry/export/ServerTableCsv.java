package dev.ferry.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The servers of a wave as a CSV table for spreadsheets: one row per server in the report's order,
 * the minutes of each stage in a column of its own. Quoting follows RFC 4180 (Jackson's CSV writer).
 */
public final class ServerTableCsv {

    private static final List<String> COLUMNS = List.of("server", "name", "outcome", "stage", "reason",
            "testInstanceId", "cutoverInstanceId", "launchTemplate");
    private static final String MINUTES_SUFFIX = "Minutes";
    private static final CsvMapper CSV = new CsvMapper();

    private ServerTableCsv() {
    }

    /** The table with a header line. */
    public static String of(List<ServerOutcome> servers) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        for (Stage stage : Stage.values()) {
            schema.addColumn(minutesColumn(stage));
        }
        List<Map<String, Object>> rows = new ArrayList<>(servers.size());
        servers.forEach(server -> rows.add(row(server)));
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException cannotHappen) {
            throw new UncheckedIOException("Strings and numbers always make CSV", cannotHappen);
        }
    }

    private static Map<String, Object> row(ServerOutcome server) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("server", server.server());
        row.put("name", server.name());
        row.put("outcome", server.outcome());
        row.put("stage", server.stage() == null ? null : server.stage().name());
        row.put("reason", server.reason());
        row.put("testInstanceId", server.testInstanceId());
        row.put("cutoverInstanceId", server.cutoverInstanceId());
        row.put("launchTemplate", server.launchTemplate());
        server.minutesPerStage().forEach((stage, minutes) -> row.put(minutesColumn(stage), minutes));
        return row;
    }

    /** {@code TEST_LAUNCH} gives {@code testLaunchMinutes}. */
    private static String minutesColumn(Stage stage) {
        StringBuilder name = new StringBuilder();
        for (String word : stage.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name + MINUTES_SUFFIX;
    }
}
