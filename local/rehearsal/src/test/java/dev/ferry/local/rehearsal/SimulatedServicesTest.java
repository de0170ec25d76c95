package dev.ferry.local.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedServicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aKindOfFaultNoServiceKnowsIsNamedByItsPathBesideTheKnownOnes() throws IOException {
        List<String> problems = new ArrayList<>();

        SimulatedServices services = SimulatedServices.fromJson(JSON.readTree(
                "{\"faults\": {\"services\": {\"seed\": 3}, \"events\": {\"twiceAtOncePercent\": 10}, \"other\": {}}}"),
                null, problems);

        assertThat(problems).singleElement().asString().contains("faults.other");
        assertThat(services.serviceFaults().seed()).isEqualTo(3);
        assertThat(services.eventFaults().twiceAtOncePercent()).isEqualTo(10);
    }
}
