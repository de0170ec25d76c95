package dev.ferry.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TaskTokensTest {

    /** Bytes of 0xFB encode to "-" in URL-safe Base64, the worst case for a command line. */
    private static final RandomGenerator DASHES = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0xFBFBFBFBFBFBFBFBL;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0xFB);
        }
    };

    @Test
    void aTokenNeverStartsWithADashSoACommandLineCannotMistakeItForAnOption() {
        String token = new TaskTokens(DASHES).issue(null);

        assertThat(token).doesNotStartWith("-").startsWith("AQ").hasSize(258);
        assertThat(token.substring(2)).startsWith("-");
    }

    @Test
    void aTokenWithoutTheHeaderIsRefusedAsInvalidRatherThanLookedUp() {
        TaskTokens tokens = new TaskTokens(DASHES);
        String issued = tokens.issue(null);

        assertThatThrownBy(() -> tokens.requireOpen(issued.substring(2)))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.error()).isEqualTo(StepFunctionsError.INVALID_TOKEN));
    }

    @Test
    void aWellFormedTokenThatWasNeverIssuedDoesNotExist() {
        TaskTokens tokens = new TaskTokens(DASHES);

        assertThatThrownBy(() -> tokens.requireOpen("AQ" + "A".repeat(256)))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.error()).isEqualTo(StepFunctionsError.TASK_DOES_NOT_EXIST));
    }
}
