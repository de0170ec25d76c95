package dev.ferry.local.rehearsal.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTableTest {

    private static final BenchRow ALL_CUT_OVER = new BenchRow(100, 100, 0, 0, Duration.ofMillis(9_300),
            Duration.ofMinutes(38), 47, 163, 4_300, 24_166,
            Map.of("DescribeSourceServers", 14, "StartTest", 1, "FinalizeCutover", 100), 640, 170L << 20);
    private static final BenchRow SOME_FAILED = new BenchRow(1000, 800, 150, 50, Duration.ofSeconds(563),
            Duration.ofMinutes(125), 47, 163, 42_000, 30_000, Map.of("DescribeSourceServers", 4101), 7_500, 372L << 20);

    @Test
    void eachSizeIsOneLineWithItsCostsPerServer() {
        List<String> lines = print(ALL_CUT_OVER);

        assertThat(lines.get(0)).containsSubsequence("N", "outcome", "wall s", "ms/srv", "simulated", "trans",
                "history", "input", "payload", "MGN", "MGN/srv", "DescSrc", "DDB/srv", "heap");
        assertThat(lines.get(1).split(" +")).containsExactly("", "100", "all", "cut", "over", "9.3", "93.0", "0h38m",
                "47", "163", "4.2K", "23.6K", "115", "1.15", "14", "6.4", "170M");
    }

    @Test
    void aSizeWhereServersFailedSaysHowMany() {
        assertThat(print(SOME_FAILED).get(1)).contains("800 cut over, 150 failed, 50 out").contains("2h05m");
    }

    @Test
    void theCallsOfEachSizeAreListedByOperation() {
        List<String> lines = print(ALL_CUT_OVER, SOME_FAILED);

        assertThat(lines).contains("   100  DescribeSourceServers 14 FinalizeCutover 100 StartTest 1",
                "  1000  DescribeSourceServers 4101 FinalizeCutover 0 StartTest 0");
    }

    private static List<String> print(BenchRow... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchTable.print(new PrintStream(out, true, StandardCharsets.UTF_8), List.of(rows));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
