package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void mgnsLagReadsInHoursMinutesAndSecondsAndAnUnparsableOneAsMgnWroteIt() {
        assertThat(Texts.lag("PT0S")).isEqualTo("0s");
        assertThat(Texts.lag("PT42S")).isEqualTo("42s");
        assertThat(Texts.lag("PT3M7S")).isEqualTo("3m 07s");
        assertThat(Texts.lag("PT26H4M")).isEqualTo("26h 04m");
        assertThat(Texts.lag(null)).isEqualTo("-");
        assertThat(Texts.lag("about a minute")).isEqualTo("about a minute");
    }

    @Test
    void serversReadByOutcomeOnceFinishedAndByStageInStageOrderWhileActive() {
        List<ServerRecord> servers = List.of(
                server("s-1").enteringStage(Stage.APPROVAL, T0),
                server("s-2").enteringStage(Stage.REPLICATION, T0),
                server("s-3").enteringStage(Stage.APPROVAL, T0),
                server("s-4").enteringStage(Stage.REPLICATION, T0).leftOut("not ready in time", T0),
                server("s-5").cutOver(T0));

        assertThat(Texts.whereServersAre(servers)).isEqualTo("1 LEFT_OUT, 1 CUT_OVER, 1 in REPLICATION, 2 in APPROVAL");
        assertThat(Texts.whereServersAre(List.of())).isEmpty();
    }

    @Test
    void timesReadInUtcToTheSecond() {
        assertThat(Texts.time(Instant.parse("2026-03-02T10:15:30.250Z"))).isEqualTo("2026-03-02 10:15:30 UTC");
        assertThat(Texts.time(null)).isEqualTo("-");
    }

    private static ServerRecord server(String id) {
        return ServerRecord.joining("w", id, id, null, T0);
    }
}
