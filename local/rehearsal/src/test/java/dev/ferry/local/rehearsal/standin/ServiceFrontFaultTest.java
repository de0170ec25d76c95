package dev.ferry.local.rehearsal.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.rehearsal.RehearsalInputs;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code serviceFront} section of an environment file: what it means, and every problem it can have. */
class ServiceFrontFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> problems = new ArrayList<>();

    @Test
    void anEnvironmentWithoutTheSectionHasAFrontThatNeverFails() throws IOException {
        assertThat(read("{}")).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void theFaultFailsWithServiceUnavailableUnlessToldOtherwise() throws IOException {
        Optional<ServiceFrontFault> fault = read("{'serviceFront': {'failsAfterMinutes': 8}}");

        assertThat(problems).isEmpty();
        assertThat(fault).contains(new ServiceFrontFault(Duration.ofMinutes(8), 503));
    }

    @Test
    void theFailureStatusCanBeAnyErrorStatus() throws IOException {
        Optional<ServiceFrontFault> fault = read("{'serviceFront': {'failsAfterMinutes': 0, 'failureStatus': 404}}");

        assertThat(problems).isEmpty();
        assertThat(fault).contains(new ServiceFrontFault(Duration.ZERO, 404));
    }

    @Test
    void theDnsRollbackEnvironmentFileReadsAsWritten() {
        Optional<ServiceFrontFault> fault = RehearsalInputs.loadWorld(ProjectFolder.root()
                .resolve("events/rehearsal/dns-rollback-environment.json")).services().serviceFrontFault();

        assertThat(fault).contains(new ServiceFrontFault(Duration.ofMinutes(10), 503));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the section is not an object   | {'serviceFront': 503}                                                  | serviceFront: must be an object
            no time                        | {'serviceFront': {'failureStatus': 500}}                               | serviceFront.failsAfterMinutes: is required
            a time that is not a number    | {'serviceFront': {'failsAfterMinutes': 'soon'}}                        | serviceFront.failsAfterMinutes: must be a whole number from 0 to 1440
            a time beyond a day            | {'serviceFront': {'failsAfterMinutes': 1441}}                          | serviceFront.failsAfterMinutes: must be a whole number from 0 to 1440
            a status that is no failure    | {'serviceFront': {'failsAfterMinutes': 5, 'failureStatus': 200}}       | serviceFront.failureStatus: must be a whole number from 400 to 599
            an unknown field               | {'serviceFront': {'failsAfterMinutes': 5, 'answerStatus': 503}}        | serviceFront.answerStatus: unknown field (expected one of failsAfterMinutes, failureStatus)
            """)
    void eachProblemIsReportedWithItsPath(String problem, String json, String expected) throws IOException {
        read(json);

        assertThat(problems).as(problem).containsExactly(expected);
    }

    private Optional<ServiceFrontFault> read(String json) throws IOException {
        return ServiceFrontFault.fromJson(JSON.readTree(json.replace('\'', '"')), problems);
    }
}
