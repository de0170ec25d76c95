package dev.ferry.local.cloud.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.mgn.environment.ObjectReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theEnvironmentFilesRatesAreReadPerServiceWithTheirSeed() throws Exception {
        List<String> problems = new ArrayList<>();

        ServiceFaults faults = read("{\"faults\": {\"services\": {\"seed\": 9, \"mgn\": {\"throttledPercent\": 3, "
                + "\"serverErrorPercent\": 2, \"timeoutAfterApplyPercent\": 1}, \"dynamodb\": "
                + "{\"timeoutAfterApplyPercent\": 5}}}}", problems);

        assertThat(problems).isEmpty();
        assertThat(faults.seed()).isEqualTo(9);
        assertThat(faults.of(FaultyServiceName.MGN)).isEqualTo(new ServiceFaultRates(3, 2, 1));
        assertThat(faults.of(FaultyServiceName.DYNAMODB)).isEqualTo(new ServiceFaultRates(0, 0, 5));
        assertThat(faults.of(FaultyServiceName.EC2)).isEqualTo(ServiceFaultRates.NONE);
        assertThat(read("{}", problems)).isEqualTo(ServiceFaults.NONE);
    }

    @Test
    void unknownServicesUnknownRatesAndRatesAboveAHundredTogetherAreRefusedByPath() throws Exception {
        List<String> problems = new ArrayList<>();

        read("{\"faults\": {\"services\": {\"lambda\": {}, \"ec2\": {\"throttledPercent\": 60, "
                + "\"serverErrorPercent\": 50}, \"sns\": {\"slowPercent\": 1}}}}", problems);

        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("faults.services.lambda"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains("faults.services.ec2.timeoutAfterApplyPercent").contains("not 110"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("faults.services.sns.slowPercent"));
    }

    @Test
    void theSameSeedGivesTheSameFaultsAndEachServiceItsOwnSequence() {
        ServiceFaults faults = ServiceFaults.chaos(7);

        assertThat(draws(faults.source(FaultyServiceName.MGN), 300))
                .isEqualTo(draws(ServiceFaults.chaos(7).source(FaultyServiceName.MGN), 300))
                .isNotEqualTo(draws(faults.source(FaultyServiceName.EC2), 300))
                .contains(ServiceFault.THROTTLED, ServiceFault.SERVER_ERROR, ServiceFault.TIMEOUT_AFTER_APPLY);
        assertThat(draws(ServiceFaults.NONE.source(FaultyServiceName.MGN), 100)).containsOnly(ServiceFault.NONE);
    }

    private static List<ServiceFault> draws(ServiceFaults.Source source, int count) {
        return IntStream.range(0, count).mapToObj(any -> source.next()).toList();
    }

    /** The service faults of an environment file, read as a rehearsal reads the file. */
    private static ServiceFaults read(String environmentFile, List<String> problems) throws Exception {
        return ServiceFaults.fromJson(ObjectReader.section(JSON.readTree(environmentFile), "faults", problems));
    }
}
