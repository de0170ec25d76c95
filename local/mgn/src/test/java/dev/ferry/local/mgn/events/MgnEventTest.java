package dev.ferry.local.mgn.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MgnEventTest {

    @Test
    void a_launch_result_renders_as_the_documented_eventbridge_envelope() throws Exception {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("state", "TEST_LAUNCH_SUCCEEDED");
        detail.put("job-id", "mgnjob-10cba81b2d2b1167a");
        MgnEvent event = new MgnEvent("0f8e6a52-7c1b-4c55-9f7e-2b7d1c3e9a10", MgnEventType.LAUNCH_RESULT,
                Instant.parse("2026-03-02T10:15:00.250Z"), "111122223333", "eu-central-1", "s-13a5b49c3810fa449",
                detail);

        String expected = """
                {"version":"0","id":"0f8e6a52-7c1b-4c55-9f7e-2b7d1c3e9a10",
                 "detail-type":"MGN Source Server Launch Result","source":"aws.mgn","account":"111122223333",
                 "time":"2026-03-02T10:15:00Z","region":"eu-central-1",
                 "resources":["arn:aws:mgn:eu-central-1:111122223333:source-server/s-13a5b49c3810fa449"],
                 "detail":{"state":"TEST_LAUNCH_SUCCEEDED","job-id":"mgnjob-10cba81b2d2b1167a"}}
                """;
        assertThat(event.toJson()).isEqualTo(new ObjectMapper().readTree(expected).toString());
    }

    @Test
    void only_the_three_documented_detail_types_exist() {
        assertThat(MgnEventType.values()).extracting(MgnEventType::detailType).containsExactly(
                "MGN Source Server Launch Result",
                "MGN Source Server Lifecycle State Change",
                "MGN Source Server Data Replication Stalled Change");
    }
}
