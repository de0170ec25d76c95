package dev.ferry.config;

import dev.ferry.retry.Sleeper;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What Dependencies makes of a function's settings. */
class DependenciesTest {

    @Test
    void aRetentionThatIsNotAWholeNumberOfDaysIsADeploymentErrorSaidPlainly() {
        for (String days : new String[] {"zero", "0", "-3", "1.5"}) {
            Dependencies dependencies = Dependencies.of(settings(days), Clock.systemUTC(), Sleeper.threadSleep());

            assertThatThrownBy(dependencies::waveStore).as(days)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Environment variable RECORD_RETENTION_DAYS must be a whole number of days above 0, not '"
                            + days + "'");
        }
    }

    @Test
    void aMissingSettingIsNamed() {
        Dependencies dependencies = Dependencies.of(Settings.of(Map.of("AWS_REGION", "eu-central-1")),
                Clock.systemUTC(), Sleeper.threadSleep());

        assertThatThrownBy(dependencies::waveStore).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Environment variable TABLE_NAME is not set");
    }

    private static Settings settings(String retentionDays) {
        return Settings.of(Map.of("AWS_REGION", "eu-central-1", "TABLE_NAME", "ferry-waves",
                "RECORD_RETENTION_DAYS", retentionDays));
    }
}
