package dev.ferry.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WordingTest {

    @Test
    void wholeHoursAreSaidInHours() {
        assertThat(Wording.duration(Duration.ofHours(24))).isEqualTo("24 hours");
        assertThat(Wording.duration(Duration.ofHours(1))).isEqualTo("1 hour");
    }

    @Test
    void otherDurationsAreSaidInMinutes() {
        assertThat(Wording.duration(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    }

    @Test
    void oneServerIsSingular() {
        assertThat(Wording.servers(1)).isEqualTo("1 server");
        assertThat(Wording.servers(0)).isEqualTo("0 servers");
    }
}
