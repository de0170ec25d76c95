package dev.ferry.local.cloud.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.mgn.environment.ObjectReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSameSeedGivesTheSameFaultsInTheSameOrder() {
        LambdaFaults faults = new LambdaFaults(5, 10, 5, 42);

        assertThat(draws(faults.source(), 200)).isEqualTo(draws(faults.source(), 200));
        assertThat(draws(faults.source(), 200)).isNotEqualTo(draws(new LambdaFaults(5, 10, 5, 43).source(), 200));
    }

    @Test
    void faultsComeAtAboutTheirRates() {
        Map<LambdaFaults.Fault, Long> counts = draws(LambdaFaults.chaos(7).source(), 10_000).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(counts.get(LambdaFaults.Fault.REFUSED)).isBetween(850L, 1150L);
        assertThat(counts.get(LambdaFaults.Fault.RESULT_LOST)).isBetween(850L, 1150L);
        assertThat(counts.get(LambdaFaults.Fault.STILL_RUNNING)).isBetween(850L, 1150L);
    }

    @Test
    void aHandlerTheCallerStoppedWaitingForEndsWithinAMinute() {
        LambdaFaults.Source source = LambdaFaults.chaos(7).source();

        List<Duration> delays = IntStream.range(0, 1_000).mapToObj(any -> source.stillRunningFor()).toList();

        assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        assertThat(delays.stream().distinct().count()).as("spread over the minute").isGreaterThan(50);
    }

    @Test
    void withoutFaultsEveryInvocationRuns() {
        assertThat(draws(LambdaFaults.NONE.source(), 100)).containsOnly(LambdaFaults.Fault.NONE);
    }

    @Test
    void theEnvironmentFilesSectionIsReadWithItsSeed() throws Exception {
        List<String> problems = new ArrayList<>();

        assertThat(read("{\"faults\": {\"lambda\": {\"refusedPercent\": 3, "
                + "\"resultLostPercent\": 20, \"stillRunningPercent\": 4, \"seed\": 9}}}", problems))
                .isEqualTo(new LambdaFaults(3, 20, 4, 9));
        assertThat(read("{}", problems)).isEqualTo(LambdaFaults.NONE);
        assertThat(problems).isEmpty();
    }

    @Test
    void ratesOutOfRangeOrAboveAHundredTogetherAreRefusedByPath() throws Exception {
        List<String> problems = new ArrayList<>();

        read("{\"faults\": {\"lambda\": {\"refusedPercent\": 101}}}", problems);
        read("{\"faults\": {\"lambda\": {\"refusedPercent\": 60, \"resultLostPercent\": 50}}}", problems);
        read("{\"faults\": {\"lambda\": {\"lostPercent\": 5}}}", problems);

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).contains("faults.lambda.refusedPercent");
        assertThat(problems.get(1)).contains("faults.lambda.resultLostPercent").contains("at most 100, not 110");
        assertThat(problems.get(2)).contains("faults.lambda.lostPercent");
    }

    private static List<LambdaFaults.Fault> draws(LambdaFaults.Source source, int count) {
        return IntStream.range(0, count).mapToObj(any -> source.next()).toList();
    }

    /** The Lambda faults of an environment file, read as a rehearsal reads the file. */
    private static LambdaFaults read(String environmentFile, List<String> problems) throws Exception {
        return LambdaFaults.fromJson(ObjectReader.section(JSON.readTree(environmentFile), "faults", problems));
    }
}
