package dev.ferry.local.cloud.ssm;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationFilterKey;
import software.amazon.awssdk.services.ssm.model.InvalidDocumentException;
import software.amazon.awssdk.services.ssm.model.InvalidParametersException;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SsmException;

import java.util.List;
import java.util.Map;

import static dev.ferry.local.cloud.ssm.SsmTestRig.INSTALLS;
import static dev.ferry.local.cloud.ssm.SsmTestRig.NEVER_REGISTERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The requests the simulated Systems Manager refuses, as SSM does, and its instance filters. */
class SendCommandValidationTest {

    private final SsmTestRig rig = new SsmTestRig();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aCommentLongerThanAHundredCharactersIsAValidationError() {
        assertThatThrownBy(() -> rig.ssm.sendCommand(request().comment("x".repeat(101)).build()))
                .isInstanceOfSatisfying(SsmException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void aDocumentThatIsNotAScriptDocumentIsInvalid() {
        assertThatThrownBy(() -> rig.ssm.sendCommand(request().documentName("AWS-InstallReplicationAgent").build()))
                .isInstanceOf(InvalidDocumentException.class);
    }

    @Test
    void anExecutionTimeoutOutOfRangeIsAnInvalidParameter() {
        assertThatThrownBy(() -> rig.ssm.sendCommand(request()
                .parameters(Map.of("commands", List.of("uname -a"), "executionTimeout", List.of("0"))).build()))
                .isInstanceOf(InvalidParametersException.class);
    }

    @Test
    void aParameterTheDocumentDoesNotDefineIsInvalid() {
        assertThatThrownBy(() -> rig.ssm.sendCommand(request()
                .parameters(Map.of("commands", List.of("uname -a"), "sourceType", List.of("S3"))).build()))
                .isInstanceOf(InvalidParametersException.class);
    }

    @Test
    void aScriptWithoutCommandsIsAnInvalidParameter() {
        assertThatThrownBy(() -> rig.ssm.sendCommand(request().parameters(Map.of()).build()))
                .isInstanceOf(InvalidParametersException.class);
    }

    @Test
    void theOlderInstanceFilterListSelectsByPlatform() {
        List<InstanceInformation> windows = rig.ssm.describeInstanceInformation(r -> r.instanceInformationFilterList(
                f -> f.key(InstanceInformationFilterKey.PLATFORM_TYPES).valueSet("Windows"))).instanceInformationList();

        assertThat(windows).extracting(InstanceInformation::instanceId).containsExactly(NEVER_REGISTERS);
    }

    private static SendCommandRequest.Builder request() {
        return SendCommandRequest.builder()
                .instanceIds(INSTALLS)
                .documentName("AWS-RunShellScript")
                .comment("check")
                .parameters(Map.of("commands", List.of("uname -a")));
    }
}
