package dev.ferry.stage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaughtErrorTest {

    @Test
    void aLambdaExceptionIsDescribedByItsNameAndMessageWithoutTheStackTrace() {
        var error = JsonNodeFactory.instance.objectNode()
                .put("Error", "dev.ferry.mgn.MgnThrottledException")
                .put("Cause", "{\"errorMessage\":\"Rate exceeded\",\"errorType\":\"x\",\"stackTrace\":[\"a\"]}");

        assertThat(CaughtError.from(error)).get().extracting(CaughtError::describe)
                .isEqualTo("dev.ferry.mgn.MgnThrottledException: Rate exceeded");
    }

    @Test
    void aPlainTextCauseIsKeptAsItIs() {
        var error = JsonNodeFactory.instance.objectNode().put("Error", "ApprovalRejected").put("Cause", "bob: not now");

        assertThat(CaughtError.from(error)).get().extracting(CaughtError::cause).isEqualTo("bob: not now");
    }

    @Test
    void aNullOrMissingErrorIsNoError() {
        assertThat(CaughtError.from(null)).isEmpty();
        assertThat(CaughtError.from(NullNode.getInstance())).isEmpty();
    }
}
