package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cli.InventoryColumn.Ignored;
import dev.ferry.cli.InventoryColumn.LaunchField;
import dev.ferry.cli.InventoryColumn.SecurityGroup;
import dev.ferry.cli.InventoryColumn.ServerField;
import dev.ferry.cli.InventoryColumn.Tag;
import dev.ferry.cli.InventoryColumn.TargetRegion;
import dev.ferry.cli.InventoryColumn.Unsupported;
import dev.ferry.cli.InventoryColumn.Wave;
import dev.ferry.wave.InvalidWaveException;
import dev.ferry.wave.ValidationProblem;
import dev.ferry.wave.WaveDefinitionParser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns the rows of an inventory CSV and the wave settings of a defaults file into wave
 * definitions, one per wave named in the rows, each checked by {@link WaveDefinitionParser} as
 * Preflight checks it. Problems are named by CSV line and column wherever a line holds the value;
 * a single problem anywhere means no wave at all, so that a file is either taken whole or fixed.
 */
final class WavesFromInventory {

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s;,]+");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * One wave made from the rows.
     *
     * @param waveName   the wave's name, which also names its file
     * @param definition the wave definition, valid for {@link WaveDefinitionParser}
     * @param lines      the CSV lines of its servers, in file order
     */
    record WaveFile(String waveName, ObjectNode definition, List<Integer> lines) {
    }

    /**
     * What became of the file.
     *
     * @param waves    the waves in the order the rows first name them; empty when there is any problem
     * @param warnings columns that were not read, and why
     * @param problems everything wrong, in file order
     */
    record Result(List<WaveFile> waves, List<String> warnings, List<InventoryProblem> problems) {
    }

    /** Where a part of a wave definition came from: a line, and the column when one cell holds it. */
    private record Origin(int line, String column) {

        InventoryProblem problem(String message) {
            return column == null ? InventoryProblem.atLine(line, message) : InventoryProblem.at(line, column, message);
        }
    }

    /** The rows of one wave as they are read. */
    private static final class WaveRows {
        final ArrayNode servers = JSON.arrayNode();
        final List<Integer> lines = new ArrayList<>();
        /** JSON paths of the definition to the cells they came from. */
        final Map<String, Origin> origins = new HashMap<>();
        /** JSON paths whose problems are reported already, in the CSV's terms. */
        final Set<String> reported = new HashSet<>();
        String targetRegion;
        Origin targetRegionOrigin;
    }

    private final List<InventoryColumn> columns = new ArrayList<>();
    private final List<InventoryProblem> problems = new ArrayList<>();
    /** Problems of the waves' own settings (from the defaults, mostly), each with the waves that have it. */
    private final Map<String, List<String>> waveProblems = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final ObjectNode defaults;
    private final String defaultsName;

    private WavesFromInventory(ObjectNode defaults, String defaultsName) {
        this.defaults = defaults;
        this.defaultsName = defaultsName;
    }

    /**
     * The waves of {@code csv}.
     *
     * @param defaults     the wave settings the rows do not carry, as in a wave file without servers
     * @param defaultsName how to name the defaults in messages (its file name)
     */
    static Result convert(InventoryCsv csv, ObjectNode defaults, String defaultsName) {
        return new WavesFromInventory(defaults, defaultsName).run(csv);
    }

    private Result run(InventoryCsv csv) {
        if (defaults.has("servers")) {
            problems.add(InventoryProblem.ofFile(defaultsName
                    + ": servers: leave it out; the servers come from the CSV"));
        }
        // A header that names no servers or no wave leaves nothing to read the rows for; other header
        // problems (an unknown column, say) still let the rows be checked, so that one round shows all.
        if (!readHeader(csv.header())) {
            return failed();
        }
        if (csv.rows().isEmpty()) {
            problems.add(InventoryProblem.ofFile("no server rows: the file has a header line only"));
            return failed();
        }
        Map<String, WaveRows> waves = readRows(csv.rows());
        List<WaveFile> files = new ArrayList<>();
        waves.forEach((name, rows) -> checked(name, rows).ifPresent(files::add));
        sameFileNames(waves);
        waveProblems.forEach((message, names) -> problems.add(InventoryProblem.ofWaves(names, message)));
        if (!problems.isEmpty()) {
            return failed();
        }
        return new Result(List.copyOf(files), List.copyOf(warnings), List.of());
    }

    private Result failed() {
        List<InventoryProblem> sorted = new ArrayList<>(problems);
        sorted.sort(InventoryProblem.IN_FILE_ORDER);
        return new Result(List.of(), List.copyOf(warnings), List.copyOf(sorted));
    }

    // ---- The header

    /** Reads the columns; false when the rows cannot be read for lack of a server or wave column. */
    private boolean readHeader(InventoryCsv.Row header) {
        if (header.cells().isEmpty()) {
            problems.add(InventoryProblem.ofFile("the file is empty: its first line must name the columns"));
            return false;
        }
        Map<String, String> firstByTarget = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cell(i);
            if (name.isEmpty()) {
                problems.add(InventoryProblem.atLine(header.line(), "column " + (i + 1) + " has no name"));
                columns.add(new Ignored("", "no name"));
                continue;
            }
            Optional<InventoryColumn> column = InventoryColumn.of(name);
            if (column.isEmpty()) {
                String hint = InventoryColumn.closestKnown(name)
                        .map(known -> " (did you mean \"" + known + "\"?)").orElse("");
                problems.add(InventoryProblem.ofHeader(name, "unknown column" + hint
                        + "; the columns a wave can use are listed in docs/wave-definition.md"));
                columns.add(new Ignored(name, "unknown"));
                continue;
            }
            String target = target(column.get()).orElse(null);
            String first = target == null ? null : firstByTarget.putIfAbsent(target, name);
            if (first != null) {
                problems.add(InventoryProblem.ofHeader(name, "says what column \"" + first
                        + "\" says already; keep one of them"));
                columns.add(new Ignored(name, "a second column for the same setting"));
                continue;
            }
            columns.add(column.get());
            if (column.get() instanceof Ignored ignored) {
                warnings.add("column " + name + " is not read: " + ignored.reason());
            }
        }
        mixedSecurityGroupColumns(firstByTarget);
        boolean readable = true;
        if (columns.stream().noneMatch(c -> c instanceof ServerField f && !f.field().equals("name"))) {
            problems.add(InventoryProblem.ofFile("no column names the servers: add mgn:server:id or sourceInstanceId"));
            readable = false;
        }
        if (columns.stream().noneMatch(c -> c instanceof Wave) && !defaults.hasNonNull("waveName")) {
            problems.add(InventoryProblem.ofFile("no column names the wave (mgn:wave:name) and the defaults give no"
                    + " waveName"));
            readable = false;
        }
        return readable;
    }

    /** What a column fills in a wave, so that two columns filling the same thing are caught. */
    private static Optional<String> target(InventoryColumn column) {
        return Optional.ofNullable(switch (column) {
            case Wave w -> "wave";
            case TargetRegion r -> "targetRegion";
            case ServerField f -> f.field();
            case LaunchField f -> "launch." + f.field();
            case SecurityGroup g -> "launch.securityGroupIds:" + g.position();
            case Tag t -> "tag:" + t.key();
            case Ignored i -> null;
            case Unsupported u -> null;
        });
    }

    private void mixedSecurityGroupColumns(Map<String, String> firstByTarget) {
        String list = firstByTarget.get("launch.securityGroupIds");
        columns.stream().filter(c -> c instanceof SecurityGroup).findFirst().ifPresent(numbered -> {
            if (list != null) {
                problems.add(InventoryProblem.ofHeader(numbered.header(), "says what column \"" + list
                        + "\" says already; keep one kind of security group column"));
            }
        });
    }

    // ---- The rows

    private Map<String, WaveRows> readRows(List<InventoryCsv.Row> rows) {
        Map<String, WaveRows> waves = new LinkedHashMap<>();
        Map<String, Origin> firstById = new HashMap<>();
        Map<Integer, String> waveByLine = new HashMap<>();
        for (InventoryCsv.Row row : rows) {
            if (row.cells().size() > columns.size()) {
                problems.add(InventoryProblem.atLine(row.line(), "has " + row.cells().size() + " cells but the header "
                        + "names " + columns.size() + " columns (a comma in a value needs quotes)"));
                continue;
            }
            String wave = waveOf(row);
            unsupportedCells(row);
            if (wave == null || !namesServer(row)) {
                continue;
            }
            List<String> listedBefore = listedBefore(row, wave, firstById, waveByLine);
            waveByLine.put(row.line(), wave);
            WaveRows waveRows = waves.computeIfAbsent(wave, name -> new WaveRows());
            // The row is still checked in its wave for its other cells; the parser's own "listed twice"
            // for the ID reported here already is left out.
            listedBefore.forEach(field -> waveRows.reported.add("servers[" + waveRows.servers.size() + "]." + field));
            addServer(row, waveRows);
            targetRegion(row, waveRows);
        }
        return waves;
    }

    private String waveOf(InventoryCsv.Row row) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) instanceof Wave column) {
                String wave = row.cell(i);
                if (!wave.isEmpty()) {
                    return wave;
                }
                if (!defaults.hasNonNull("waveName")) {
                    problems.add(InventoryProblem.at(row.line(), column.header(),
                            "is empty, and the defaults give no waveName to fall back on"));
                    return null;
                }
            }
        }
        return defaults.get("waveName").asText();
    }

    private void unsupportedCells(InventoryCsv.Row row) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) instanceof Unsupported column && !row.cell(i).isEmpty()) {
                problems.add(InventoryProblem.at(row.line(), column.header(), "cannot be applied: " + column.reason()
                        + "; leave the cell empty (and set it in the server's launch template in MGN)"));
            }
        }
    }

    private boolean namesServer(InventoryCsv.Row row) {
        List<String> idColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) instanceof ServerField column && !column.field().equals("name")) {
                if (!row.cell(i).isEmpty()) {
                    return true;
                }
                idColumns.add(column.header());
            }
        }
        problems.add(InventoryProblem.atLine(row.line(), "names no server: fill in " + String.join(" or ", idColumns)));
        return false;
    }

    /**
     * A server in two rows is refused on the later row, whichever waves the rows name.
     *
     * @return the ID fields of this row that name a server of an earlier row
     */
    private List<String> listedBefore(InventoryCsv.Row row, String wave, Map<String, Origin> firstById,
                                      Map<Integer, String> waveByLine) {
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) instanceof ServerField column && !column.field().equals("name")
                    && !row.cell(i).isEmpty()) {
                String id = row.cell(i);
                Origin first = firstById.putIfAbsent(id, new Origin(row.line(), column.header()));
                if (first != null) {
                    String firstWave = waveByLine.get(first.line());
                    problems.add(InventoryProblem.at(row.line(), column.header(), "\"" + id + "\" is on line "
                            + first.line() + " already"
                            + (wave.equals(firstWave) ? "" : " (wave \"" + firstWave + "\")")
                            + "; a server is listed once, in one wave"));
                    listed.add(column.field());
                }
            }
        }
        return listed;
    }

    private void addServer(InventoryCsv.Row row, WaveRows wave) {
        String path = "servers[" + wave.servers.size() + "]";
        wave.origins.put(path, new Origin(row.line(), null));
        Map<String, JsonNode> serverFields = new HashMap<>();
        Map<String, JsonNode> launchFields = new HashMap<>();
        // MGN numbers its security group columns; the IDs go in the order of the numbers, not of the columns.
        TreeMap<Integer, Origin> securityGroupCells = new TreeMap<>();
        Map<Integer, String> securityGroups = new HashMap<>();
        ObjectNode tags = JSON.objectNode();
        for (int i = 0; i < columns.size(); i++) {
            String cell = row.cell(i);
            if (cell.isEmpty()) {
                continue;
            }
            InventoryColumn column = columns.get(i);
            Origin origin = new Origin(row.line(), column.header());
            switch (column) {
                case ServerField f -> {
                    serverFields.put(f.field(), JSON.textNode(cell));
                    wave.origins.put(path + "." + f.field(), origin);
                }
                case LaunchField f -> {
                    launchFields.put(f.field(), value(f.kind(), cell));
                    wave.origins.put(path + ".launch." + f.field(), origin);
                }
                case SecurityGroup g -> {
                    securityGroupCells.put(g.position(), origin);
                    securityGroups.put(g.position(), cell);
                }
                case Tag t -> {
                    tags.put(t.key(), cell);
                    wave.origins.put(path + ".launch.tags[\"" + t.key() + "\"]", origin);
                }
                case Wave w -> wave.origins.putIfAbsent("waveName", origin);
                case TargetRegion r -> {
                }
                case Ignored ignored -> {
                }
                case Unsupported unsupported -> {
                }
            }
        }
        if (!securityGroups.isEmpty()) {
            ArrayNode ids = JSON.arrayNode();
            securityGroupCells.forEach((position, origin) -> {
                wave.origins.put(path + ".launch.securityGroupIds[" + ids.size() + "]", origin);
                ids.add(securityGroups.get(position));
            });
            launchFields.put("securityGroupIds", ids);
        }
        if (!tags.isEmpty()) {
            launchFields.put("tags", tags);
        }
        ObjectNode server = JSON.objectNode();
        InventoryColumn.SERVER_FIELDS.forEach(field -> putIfPresent(server, field, serverFields.get(field)));
        if (!launchFields.isEmpty()) {
            ObjectNode launch = server.putObject("launch");
            InventoryColumn.LAUNCH_FIELDS.forEach(field -> putIfPresent(launch, field, launchFields.get(field)));
        }
        wave.servers.add(server);
        wave.lines.add(row.line());
    }

    private static void putIfPresent(ObjectNode object, String field, JsonNode value) {
        if (value != null) {
            object.set(field, value);
        }
    }

    /**
     * The cell as the field's JSON value. A boolean cell that is not true or false (in any case, as
     * spreadsheets write them) stays text, so that the parser names it in its own words.
     */
    private static JsonNode value(LaunchField.Kind kind, String cell) {
        return switch (kind) {
            case TEXT -> JSON.textNode(cell);
            case BOOLEAN -> cell.equalsIgnoreCase("true") || cell.equalsIgnoreCase("false")
                    ? JSON.booleanNode(Boolean.parseBoolean(cell.toLowerCase(Locale.ROOT))) : JSON.textNode(cell);
            case ID_LIST -> {
                ArrayNode ids = JSON.arrayNode();
                for (String id : LIST_SEPARATORS.split(cell)) {
                    if (!id.isEmpty()) {
                        ids.add(id);
                    }
                }
                yield ids;
            }
        };
    }

    /** A wave has one target region: every row that names one, and the defaults, must agree. */
    private void targetRegion(InventoryCsv.Row row, WaveRows wave) {
        for (int i = 0; i < columns.size(); i++) {
            if (!(columns.get(i) instanceof TargetRegion column) || row.cell(i).isEmpty()) {
                continue;
            }
            String region = row.cell(i);
            Origin origin = new Origin(row.line(), column.header());
            JsonNode fromDefaults = defaults.get("targetRegion");
            if (wave.targetRegion == null && fromDefaults != null && fromDefaults.isTextual()
                    && !fromDefaults.asText().equals(region)) {
                problems.add(origin.problem("\"" + region + "\" is not the targetRegion \"" + fromDefaults.asText()
                        + "\" of " + defaultsName + "; a wave has one target region"));
            } else if (wave.targetRegion == null) {
                wave.targetRegion = region;
                wave.targetRegionOrigin = origin;
            } else if (!wave.targetRegion.equals(region)) {
                problems.add(origin.problem("\"" + region + "\" is not the region \"" + wave.targetRegion
                        + "\" of line " + wave.targetRegionOrigin.line()
                        + ", in the same wave; a wave has one target region"));
            }
        }
    }

    // ---- The waves

    /** The wave definition of these rows, when the parser accepts it; its problems otherwise. */
    private Optional<WaveFile> checked(String name, WaveRows rows) {
        ObjectNode definition = definition(name, rows);
        if (rows.targetRegionOrigin != null) {
            rows.origins.put("targetRegion", rows.targetRegionOrigin);
        }
        try {
            WaveDefinitionParser.parse(definition);
        } catch (InvalidWaveException e) {
            e.problems().stream().filter(problem -> !rows.reported.contains(problem.path()))
                    .forEach(problem -> locate(name, rows, problem));
            return Optional.empty();
        }
        return Optional.of(new WaveFile(name, definition, List.copyOf(rows.lines)));
    }

    /**
     * The definition in a wave file's usual order: name, regions, servers, then the defaults' other
     * settings in their own order.
     */
    private ObjectNode definition(String name, WaveRows rows) {
        ObjectNode definition = JSON.objectNode();
        definition.put("waveName", name);
        if (rows.targetRegion != null) {
            definition.put("targetRegion", rows.targetRegion);
        } else if (defaults.has("targetRegion")) {
            definition.set("targetRegion", defaults.get("targetRegion").deepCopy());
        }
        if (defaults.has("sourceRegion")) {
            definition.set("sourceRegion", defaults.get("sourceRegion").deepCopy());
        }
        definition.set("servers", rows.servers);
        defaults.properties().forEach(field -> {
            if (!definition.has(field.getKey())) {
                definition.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return definition;
    }

    /** Records the parser's problem at the CSV cell its path came from, or at the wave when no line holds it. */
    private void locate(String wave, WaveRows rows, ValidationProblem problem) {
        String path = problem.path();
        rows.origins.entrySet().stream()
                .filter(origin -> path.equals(origin.getKey()) || path.startsWith(origin.getKey() + ".")
                        || path.startsWith(origin.getKey() + "["))
                .max(Comparator.comparingInt(origin -> origin.getKey().length()))
                .ifPresentOrElse(origin -> problems.add(origin.getValue().problem(problem.message())),
                        () -> waveProblems.computeIfAbsent(problem.line(), line -> new ArrayList<>()).add(wave));
    }

    /** Wave files named alike but for case would overwrite each other on macOS and Windows. */
    private void sameFileNames(Map<String, WaveRows> waves) {
        Map<String, String> firstByFileName = new HashMap<>();
        waves.forEach((name, rows) -> {
            String first = firstByFileName.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (first != null) {
                problems.add(rows.origins.get("waveName") != null
                        ? rows.origins.get("waveName").problem("\"" + name + "\" differs from wave \"" + first
                        + "\" only in case: their files would be one on a case-insensitive file system")
                        : InventoryProblem.ofWave(name, "differs from wave \"" + first + "\" only in case"));
            }
        });
    }
}
