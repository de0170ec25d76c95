package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.wave.WaveDefinition;
import dev.ferry.wave.WaveDefinitionParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/ferry wave from-csv}, run as the command line runs it, on files in a temporary folder. */
class WaveFromCsvCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROJECT =
            Path.of(System.getProperty("ferry.projectRoot", "..")).toAbsolutePath().normalize();
    private static final Path EVENTS = PROJECT.resolve("events");
    private static final String MINIMAL_DEFAULTS = """
            {"targetRegion": "eu-central-1", "sourceRegion": "us-east-1", "approvers": ["ops@example.com"]}
            """;

    @TempDir
    Path folder;
    private Path out;
    private Path defaults;

    private record Run(int exitCode, String output) {
    }

    @BeforeEach
    void files() throws IOException {
        out = folder.resolve("waves");
        defaults = folder.resolve("defaults.json");
        Files.writeString(defaults, MINIMAL_DEFAULTS);
    }

    private Run run(String... arguments) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8);
        int exitCode = FerryCli.run(List.of(arguments), PROJECT, stream, stream);
        return new Run(exitCode, output.toString(StandardCharsets.UTF_8));
    }

    private Run fromCsv(String csv, String... options) throws IOException {
        Path file = folder.resolve("servers.csv");
        Files.writeString(file, csv);
        List<String> arguments = new ArrayList<>(List.of("wave", "from-csv", file.toString(),
                "--defaults", defaults.toString(), "--out", out.toString()));
        arguments.addAll(List.of(options));
        return run(arguments.toArray(String[]::new));
    }

    private JsonNode wave(String name) throws IOException {
        return JSON.readTree(out.resolve(name + ".json").toFile());
    }

    private List<String> filesWritten() throws IOException {
        if (!Files.exists(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theExampleInventoryAndTheDemoDefaultsMakeTheDemoWave() throws IOException {
        Run run = run("wave", "from-csv", EVENTS.resolve("servers-import.csv").toString(),
                "--defaults", EVENTS.resolve("servers-import-defaults.json").toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("media-stack-demo.json: 6 servers (lines 2-7)")
                .contains("column mgn:app:name is not read");
        WaveDefinition made = WaveDefinitionParser.parse(wave("media-stack-demo"));
        WaveDefinition demo = WaveDefinitionParser.parse(JSON.readTree(EVENTS.resolve("demo-wave.json").toFile()));
        assertThat(made).isEqualTo(demo);
    }

    @Test
    void eachWaveGetsItsOwnFileWithItsServersInFileOrder() throws IOException {
        Run run = fromCsv("""
                mgn:wave:name,mgn:server:id,name
                web,s-1111111111111111a,web-1
                db,s-2222222222222222b,db-1
                web,s-3333333333333333c,web-2
                """);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(filesWritten()).containsExactly("db.json", "web.json");
        assertThat(wave("web").get("servers").findValuesAsText("name")).containsExactly("web-1", "web-2");
        assertThat(wave("db").get("servers").findValuesAsText("sourceServerId")).containsExactly("s-2222222222222222b");
        assertThat(run.output()).contains("web.json: 2 servers (lines 2, 4)");
    }

    @Test
    void mgnLaunchColumnsBecomeTheServersLaunchSettings() throws IOException {
        Run run = fromCsv("""
                mgn:wave:name,mgn:region,mgn:server:id,mgn:launch:instance-type,mgn:launch:nic:0:subnet-id,\
                mgn:launch:nic:0:security-group-id:1,mgn:launch:nic:0:security-group-id:0,\
                mgn:launch:tag:instance:Owner,mgn:launch:transfer-server-tags
                web,eu-central-1,s-1111111111111111a,m6i.large,subnet-0a1b2c3d,sg-0000000b,sg-0000000a,media,TRUE
                """);

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode launch = wave("web").get("servers").get(0).get("launch");
        assertThat(JSON.convertValue(launch, Map.class)).isEqualTo(Map.of(
                "instanceType", "m6i.large",
                "subnetId", "subnet-0a1b2c3d",
                "securityGroupIds", List.of("sg-0000000a", "sg-0000000b"),
                "copyTags", true,
                "tags", Map.of("Owner", "media")));
    }

    @Test
    void aBadSecurityGroupIsNamedByItsOwnNumberedColumn() throws IOException {
        Run run = fromCsv("""
                mgn:wave:name,mgn:server:id,mgn:launch:nic:0:security-group-id:1,mgn:launch:nic:0:security-group-id:0
                web,s-1111111111111111a,sg-bad,sg-0000000a
                """);

        assertThat(run.output()).contains("line 2, column mgn:launch:nic:0:security-group-id:1: \"sg-bad\" is not a"
                + " security group ID");
    }

    @Test
    void friendlyColumnsAreTheWaveFormatsOwnFieldNames() throws IOException {
        Run run = fromCsv("""
                waveName,sourceInstanceId,securityGroupIds,keyName,launchDisposition,tag:Team
                web,i-0a1b2c3d,"sg-0000000a; sg-0000000b",web-key,STOPPED,blue
                """);

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode launch = wave("web").get("servers").get(0).get("launch");
        assertThat(launch.get("securityGroupIds").toString()).isEqualTo("[\"sg-0000000a\",\"sg-0000000b\"]");
        assertThat(launch.get("keyName").asText()).isEqualTo("web-key");
        assertThat(launch.get("launchDisposition").asText()).isEqualTo("STOPPED");
        assertThat(launch.get("tags").get("Team").asText()).isEqualTo("blue");
    }

    @Test
    void theWaveFileIsPrettyPrintedInTheUsualFieldOrder() throws IOException {
        Files.writeString(defaults, """
                {"approvers": ["ops@example.com"], "policies": {"onServerFailure": "STOP"},
                 "sourceRegion": "us-east-1", "targetRegion": "eu-central-1"}
                """);

        fromCsv("mgn:wave:name,sourceInstanceId\nweb,i-0a1b2c3d\n");

        assertThat(Files.readString(out.resolve("web.json"))).isEqualTo("""
                {
                  "waveName": "web",
                  "targetRegion": "eu-central-1",
                  "sourceRegion": "us-east-1",
                  "servers": [
                    {
                      "sourceInstanceId": "i-0a1b2c3d"
                    }
                  ],
                  "approvers": [
                    "ops@example.com"
                  ],
                  "policies": {
                    "onServerFailure": "STOP"
                  }
                }
                """);
    }

    @Test
    void aRowWithoutAServerIdIsNamedByItsLine() throws IOException {
        Run run = fromCsv("""
                mgn:wave:name,mgn:server:id,sourceInstanceId,name
                web,s-1111111111111111a,,web-1
                web,,,web-2
                """);

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.output()).contains("1 problem; no wave file written")
                .contains("line 3: names no server: fill in mgn:server:id or sourceInstanceId");
        assertThat(filesWritten()).isEmpty();
    }

    @Test
    void badIdsAreNamedByLineAndColumnInThePreflightsWords() throws IOException {
        Run run = fromCsv("""
                mgn:wave:name,mgn:server:id,sourceInstanceId,mgn:launch:instance-type
                web,s-1111111111111111a,,t3.micro
                web,s-123,,t3.micro
                web,,i-XYZ,large
                """);

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.output()).contains(
                "line 3, column mgn:server:id: \"s-123\" is not an MGN source server ID"
                        + " (s- followed by 17 letters or digits)",
                "line 4, column sourceInstanceId: \"i-XYZ\" is not an EC2 instance ID",
                "line 4, column mgn:launch:instance-type: \"large\" is not an EC2 instance type");
        assertThat(filesWritten()).isEmpty();
    }

    @Test
    void anUnknownColumnIsRefusedByNameWithTheColumnMostLikelyMeant() throws IOException {
        Run run = fromCsv("""
                mgn:wave:name,mgn:server:id,instanceTpye
                web,s-1111111111111111a,t3.micro
                """);

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.output())
                .contains("line 1, column instanceTpye: unknown column (did you mean \"instanceType\"?)");
        assertThat(filesWritten()).isEmpty();
    }

    @Test
    void theRowsAreStillCheckedUnderAHeaderWithAnUnknownColumn() throws IOException {
        Run run = fromCsv("""
                mgn:wave:name,mgn:server:id,Owner
                web,s-123,media-team
                """);

        assertThat(run.output()).containsSubsequence("2 problems", "line 1, column Owner: unknown column",
                "line 2, column mgn:server:id: \"s-123\" is not an MGN source server ID");
    }

    @Test
    void aServerListedTwiceIsRefusedOnItsSecondLineEvenInAnotherWave() throws IOException {
        Run run = fromCsv("""
                mgn:wave:name,sourceInstanceId,name
                web,i-0a1b2c3d,web-1
                web,i-0a1b2c3d,web-1-again
                db,i-0a1b2c3d,db-1
                """);

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.output()).contains("2 problems",
                "line 3, column sourceInstanceId: \"i-0a1b2c3d\" is on line 2 already;"
                        + " a server is listed once, in one wave",
                "line 4, column sourceInstanceId: \"i-0a1b2c3d\" is on line 2 already (wave \"web\")");
    }

    @Test
    void theOtherCellsOfADuplicateRowAreStillChecked() throws IOException {
        Run run = fromCsv("""
                mgn:wave:name,sourceInstanceId,mgn:launch:instance-type
                web,i-0a1b2c3d,t3.micro
                web,i-0a1b2c3d,huge
                """);

        assertThat(run.output()).containsSubsequence("2 problems",
                "line 3, column sourceInstanceId: \"i-0a1b2c3d\" is on line 2",
                "line 3, column mgn:launch:instance-type: \"huge\" is not an EC2 instance type");
    }

    @Test
    void aServerWhoseSettingsConflictWithTheWavesIsNamedByLineAndColumn() throws IOException {
        Files.writeString(defaults, """
                {"targetRegion": "eu-central-1", "approvers": ["ops@example.com"],
                 "launch": {"instanceType": "t3.large"}}
                """);

        Run run = fromCsv("""
                mgn:wave:name,mgn:server:id,rightSizing
                web,s-1111111111111111a,
                web,s-2222222222222222b,BASIC
                """);

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.output()).contains("line 3, column rightSizing: BASIC conflicts with instanceType \"t3.large\""
                + " of the wave's launch settings");
    }

    @Test
    void rowsOfOneWaveNamingTwoTargetRegionsAreRefused() throws IOException {
        Files.writeString(defaults, "{\"approvers\": [\"ops@example.com\"]}");

        Run run = fromCsv("""
                mgn:wave:name,mgn:region,mgn:server:id
                web,eu-central-1,s-1111111111111111a
                web,eu-west-1,s-2222222222222222b
                """);

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.output()).contains("line 3, column mgn:region: \"eu-west-1\" is not the region \"eu-central-1\""
                + " of line 2, in the same wave");
    }

    @Test
    void aRegionOtherThanTheDefaultsTargetRegionIsRefused() throws IOException {
        Run run = fromCsv("mgn:wave:name,mgn:region,mgn:server:id\nweb,eu-west-1,s-1111111111111111a\n");

        assertThat(run.output()).contains("line 2, column mgn:region: \"eu-west-1\" is not the targetRegion"
                + " \"eu-central-1\" of " + defaults);
    }

    @Test
    void aLaunchSettingAWaveCannotApplyIsRefusedOnlyWhereACellFillsIt() throws IOException {
        Run run = fromCsv("""
                mgn:wave:name,mgn:server:id,mgn:launch:iam-instance-profile:name,mgn:launch:placement:tenancy
                web,s-1111111111111111a,,
                web,s-2222222222222222b,web-profile,
                """);

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.output()).contains("1 problem;")
                .contains("line 3, column mgn:launch:iam-instance-profile:name: cannot be applied: a wave does not set"
                        + " the instance profile");
    }

    @Test
    void mgnInventoryColumnsAreIgnoredWithAWarning() throws IOException {
        Run run = fromCsv("""
                mgn:account-id,mgn:wave:name,mgn:wave:description,mgn:server:id,mgn:server:platform,mgn:server:tag:Name
                111122223333,web,first wave,s-1111111111111111a,LINUX,web-1
                """);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("warning:", "column mgn:account-id is not read",
                "column mgn:server:tag:Name is not read: tags of the MGN source server are not the launched"
                        + " instance's");
        assertThat(wave("web").get("servers").get(0).toString())
                .isEqualTo("{\"sourceServerId\":\"s-1111111111111111a\"}");
    }

    @Test
    void twoColumnsForTheSameSettingAreRefused() throws IOException {
        Run run = fromCsv("mgn:wave:name,mgn:server:id,sourceServerId\nweb,s-1111111111111111a,s-1111111111111111a\n");

        assertThat(run.output()).contains("line 1, column sourceServerId: says what column \"mgn:server:id\" says"
                + " already; keep one of them");
    }

    @Test
    void problemsOfTheWavesOwnSettingsAreNamedByWave() throws IOException {
        Files.writeString(defaults, "{\"targetRegion\": \"eu-central-1\"}");

        Run run = fromCsv("mgn:wave:name,mgn:server:id\nweb,s-1111111111111111a\n");

        assertThat(run.output()).contains("wave \"web\": approvers: is required");
    }

    @Test
    void aMistakeOfTheDefaultsIsListedOnceForEveryWaveItSpoils() throws IOException {
        Files.writeString(defaults, "{\"targetRegion\": \"eu-central-1\", \"approvers\": [\"ops\"]}");

        Run run = fromCsv("mgn:wave:name,mgn:server:id\nweb,s-1111111111111111a\ndb,s-2222222222222222b\n");

        assertThat(run.output()).contains("1 problem;",
                "waves \"web\", \"db\": approvers[0]: \"ops\" is not an email address");
    }

    @Test
    void anInvalidWaveNameIsNamedAtTheRowThatGivesIt() throws IOException {
        Run run = fromCsv("mgn:wave:name,mgn:server:id\nWave 1,s-1111111111111111a\n");

        assertThat(run.output())
                .contains("line 2, column mgn:wave:name: \"Wave 1\" must be 1 to 64 letters, digits, - or _");
    }

    @Test
    void everyProblemIsListedInLineOrder() throws IOException {
        Run run = fromCsv("""
                mgn:wave:name,mgn:server:id,mgn:launch:instance-type
                web,s-123,t3.micro
                web,,t3.micro
                web,s-1111111111111111a,huge
                """);

        assertThat(run.output()).containsSubsequence("3 problems", "line 2, column mgn:server:id",
                "line 3: names no server",
                "line 4, column mgn:launch:instance-type");
    }

    @Test
    void aRowWithMoreCellsThanColumnsIsRefused() throws IOException {
        Run run = fromCsv("mgn:wave:name,sourceServerId,tag:Note\nweb,s-1111111111111111a,a,b\n");

        assertThat(run.output()).contains("line 2: has 4 cells but the header names 3 columns");
    }

    @Test
    void aQuotedLineBreakMovesTheLineNumbersOfTheRowsAfterIt() throws IOException {
        Run run = fromCsv("mgn:wave:name,sourceServerId,tag:Note\r\nweb,s-1111111111111111a,\"two\r\nlines\"\r\n"
                + "web,s-12,x\r\n");

        assertThat(run.output()).contains("line 4, column sourceServerId: \"s-12\" is not an MGN source server ID");
    }

    @Test
    void rowsWithoutAWaveFallBackOnTheDefaultsWaveName() throws IOException {
        Files.writeString(defaults, """
                {"waveName": "all", "targetRegion": "eu-central-1", "approvers": ["ops@example.com"]}
                """);

        Run run = fromCsv("mgn:wave:name,mgn:server:id\n,s-1111111111111111a\nweb,s-2222222222222222b\n");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(filesWritten()).containsExactly("all.json", "web.json");
    }

    @Test
    void aRowWithoutAWaveIsRefusedWhenTheDefaultsNameNone() throws IOException {
        Run run = fromCsv("mgn:wave:name,mgn:server:id\n,s-1111111111111111a\n");

        assertThat(run.output()).contains("line 2, column mgn:wave:name: is empty, and the defaults give no waveName");
    }

    @Test
    void defaultsHoldingServersAreRefused() throws IOException {
        Files.writeString(defaults, Files.readString(EVENTS.resolve("demo-wave.json")));

        Run run = fromCsv("mgn:wave:name,mgn:server:id\nweb,s-1111111111111111a\n");

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.output()).contains(defaults + ": servers: leave it out; the servers come from the CSV");
    }

    @Test
    void anExistingWaveFileIsKeptUnlessForceIsGiven() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("web.json"), "earlier");
        String csv = "mgn:wave:name,mgn:server:id\nweb,s-1111111111111111a\ndb,s-2222222222222222b\n";

        Run refused = fromCsv(csv);

        assertThat(refused.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(refused.output())
                .contains("no wave file written", "web.json exists already (--force replaces them)");
        assertThat(filesWritten()).containsExactly("web.json");
        assertThat(Files.readString(out.resolve("web.json"))).isEqualTo("earlier");

        Run forced = fromCsv(csv, "--force");

        assertThat(forced.exitCode()).as(forced.output()).isZero();
        assertThat(filesWritten()).containsExactly("db.json", "web.json");
        assertThat(wave("web").get("waveName").asText()).isEqualTo("web");
    }

    @Test
    void wavesNamedAlikeButForCaseAreRefused() throws IOException {
        Run run = fromCsv("mgn:wave:name,mgn:server:id\nweb,s-1111111111111111a\nWEB,s-2222222222222222b\n");

        assertThat(run.output())
                .contains("line 3, column mgn:wave:name: \"WEB\" differs from wave \"web\" only in case");
        assertThat(filesWritten()).isEmpty();
    }

    @Test
    void aBooleanCellThatIsNotTrueOrFalseIsNamedInTheParsersWords() throws IOException {
        Run run = fromCsv("mgn:wave:name,mgn:server:id,associatePublicIp\nweb,s-1111111111111111a,yes\n");

        assertThat(run.output())
                .contains("line 2, column associatePublicIp: must be true or false, not a string (\"yes\")");
    }

    @Test
    void aMissingCsvFileAndAnUnknownOptionAreInvalidInput() {
        Run missing = run("wave", "from-csv", folder.resolve("nothing.csv").toString());
        Run unknown = run("wave", "from-csv", "servers.csv", "--outt", "x");

        assertThat(missing.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(missing.output()).contains("nothing.csv: no such file");
        assertThat(unknown.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(unknown.output()).contains("unknown option '--outt' for wave from-csv");
    }

    @Test
    void malformedCsvIsRefusedWithItsLine() throws IOException {
        Run run = fromCsv("mgn:wave:name,mgn:server:id\nweb,\"s-1111111111111111a\n");

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.output()).contains("servers.csv: line 3: not valid CSV");
    }
}
