package dev.ferry.local.cloud.faults;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultDrawTest {

    @Test
    void eachFaultTakesItsShareOfTheHundredDrawsInOrderAndTheRestIsNoFault() {
        List<String> drawn = IntStream.range(0, 100)
                .mapToObj(draw -> FaultDraw.pick(draw, "none", List.of("a", "b", "c"), 10, 0, 5))
                .toList();

        assertThat(drawn.subList(0, 10)).containsOnly("a");
        assertThat(drawn.subList(10, 15)).containsOnly("c");
        assertThat(drawn.subList(15, 100)).containsOnly("none");
    }

    @Test
    void everyFaultAndItsShareGoTogether() {
        assertThatThrownBy(() -> FaultDraw.pick(0, "none", List.of("a", "b"), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 faults but 1 percentages");
    }
}
