package dev.ferry.dns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DnsSwitchSpecTest {

    static Stream<List<Integer>> badSteps() {
        return Stream.of(List.of(), List.of(50), List.of(50, 10, 100), List.of(0, 100), List.of(10, 10, 100),
                List.of(10, 150));
    }

    @ParameterizedTest
    @MethodSource("badSteps")
    void stepsMustRiseAndEndWithTheTargetAt100(List<Integer> steps) {
        assertThatThrownBy(() -> spec(steps, "source", "target", List.of("203.0.113.9"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSourceAndTargetSetsMustDiffer() {
        assertThatThrownBy(() -> spec(List.of(100), "same", "same", List.of("203.0.113.9"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTargetHasValuesOrAnAliasButNotBoth() {
        AliasTarget alias = new AliasTarget("Z1", "lb.example.com.", false);

        assertThatThrownBy(() -> spec(List.of(100), "source", "target", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec(List.of(100), "source", "target", List.of("203.0.113.9"), alias))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(spec(List.of(100), "source", "target", List.of(), alias).targetAlias()).isEqualTo(alias);
    }

    @Test
    void theRecordNameIsKeptAsRoute53ComparesIt() {
        assertThat(spec(List.of(100), "source", "target", List.of("203.0.113.9"), null).recordName())
                .isEqualTo("media.example.com.");
    }

    @Test
    void route53sOctalEscapesAreDecodedInRecordNames() {
        assertThat(DnsRecordSet.normalName("\\052.Example.com.")).isEqualTo("*.example.com.");
    }

    private static DnsSwitchSpec spec(List<Integer> steps, String source, String target, List<String> values,
                                      AliasTarget alias) {
        return new DnsSwitchSpec("Z1", "Media.example.com", "A", source, target, 60, steps, Duration.ofMinutes(1),
                values, alias);
    }
}
