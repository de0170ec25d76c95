package dev.ferry.export;

import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServerTableCsvTest {

    @Test
    void theHeaderNamesEveryColumnWithAMinutesColumnPerStage() {
        String header = ServerTableCsv.of(List.of()).lines().findFirst().orElseThrow();

        assertThat(header).isEqualTo("server,name,outcome,stage,reason,testInstanceId,cutoverInstanceId,launchTemplate,"
                + "preflightMinutes,prepareLaunchMinutes,replicationMinutes,testLaunchMinutes,testValidationMinutes,"
                + "readyForCutoverMinutes,approvalMinutes,cutoverLaunchMinutes,cutoverValidationMinutes,"
                + "finalizeMinutes,doneMinutes");
    }

    @Test
    void aReasonWithCommasQuotesAndALineBreakStaysInOneQuotedCell() {
        ServerOutcome failed = new ServerOutcome("s-1", "db", "FAILED", Stage.TEST_VALIDATION,
                "port 5432, then \"pg_isready\":\nno response", "i-1", null, Map.of(Stage.TEST_LAUNCH, 10L), null);

        List<String> lines = ServerTableCsv.of(List.of(failed)).lines().toList();

        assertThat(String.join("\n", lines.subList(1, lines.size())))
                .isEqualTo("s-1,db,FAILED,TEST_VALIDATION,\"port 5432, then \"\"pg_isready\"\":\nno response\",i-1,,,"
                        + ",,,10,,,,,,,");
    }
}
