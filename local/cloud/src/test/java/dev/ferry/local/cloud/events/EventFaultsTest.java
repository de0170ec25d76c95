package dev.ferry.local.cloud.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.mgn.environment.ObjectReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EventFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSameSeedDoublesTheSameDeliveriesAtAboutTheirRates() {
        List<EventFaults.Fault> draws = draws(EventFaults.chaos(5).source(), 10_000);
        Map<EventFaults.Fault, Long> counts = draws.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(draws).isEqualTo(draws(EventFaults.chaos(5).source(), 10_000));
        assertThat(counts.get(EventFaults.Fault.TWICE_AT_ONCE)).isBetween(1_300L, 1_700L);
        assertThat(counts.get(EventFaults.Fault.WITH_RECONCILER)).isBetween(1_300L, 1_700L);
        assertThat(draws(EventFaults.NONE.source(), 100)).containsOnly(EventFaults.Fault.NONE);
    }

    @Test
    void theEnvironmentFilesSectionIsReadAndItsMistakesNamedByPath() throws Exception {
        List<String> problems = new ArrayList<>();

        assertThat(read("{\"faults\": {\"events\": {\"twiceAtOncePercent\": 20, \"withReconcilerPercent\": 5, "
                + "\"seed\": 4}}}", problems)).isEqualTo(new EventFaults(20, 5, 4));
        assertThat(problems).isEmpty();

        read("{\"faults\": {\"events\": {\"twiceAtOncePercent\": 60, \"withReconcilerPercent\": 50}}}", problems);
        read("{\"faults\": {\"events\": {\"twicePercent\": 5}}}", problems);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("faults.events.withReconcilerPercent").contains("at most 100, not 110");
        assertThat(problems.get(1)).contains("faults.events.twicePercent");
    }

    private static List<EventFaults.Fault> draws(EventFaults.Source source, int count) {
        return IntStream.range(0, count).mapToObj(any -> source.next()).toList();
    }

    private static EventFaults read(String environmentFile, List<String> problems) throws Exception {
        return EventFaults.fromJson(ObjectReader.section(JSON.readTree(environmentFile), "faults", problems));
    }
}
