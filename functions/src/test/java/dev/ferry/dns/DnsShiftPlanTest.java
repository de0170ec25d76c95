package dev.ferry.dns;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class DnsShiftPlanTest {

    private static final String ZONE = "Z0123456789";
    private static final String NAME = "media.example.com.";
    private static final DnsRecordSet SIMPLE = new DnsRecordSet(NAME, "A", null, null, 86_400L,
            List.of("198.51.100.7"), null, null);

    @Test
    void atWaveStartTheTtlIsLoweredToTheWavesValueAndTheOriginalIsRemembered() {
        DnsShiftPlan plan = DnsShiftPlan.of(spec(List.of(100)), List.of(SIMPLE), null);

        assertThat(plan.originalTtl()).isEqualTo(86_400L);
        assertThat(plan.lowerTtl()).containsExactly(DnsChange.upsert(SIMPLE.withTtl(60L)));
    }

    @Test
    void aTtlAlreadyAtOrBelowTheWavesValueIsLeftAlone() {
        DnsRecordSet shortLived = SIMPLE.withTtl(30L);

        DnsShiftPlan plan = DnsShiftPlan.of(spec(List.of(100)), List.of(shortLived), null);

        assertThat(plan.lowerTtl()).isEmpty();
        assertThat(plan.ttlDuringShift()).isEqualTo(30L);
    }

    @Test
    void theFirstStepTurnsTheSimpleRecordIntoTheSourcesWeightedSetInTheSameBatch() {
        DnsRecordSet lowered = SIMPLE.withTtl(60L);

        DnsStep first = DnsShiftPlan.of(spec(List.of(10, 50, 100)), List.of(lowered), 86_400L).steps().getFirst();

        assertThat(first.targetPercent()).isEqualTo(10);
        assertThat(first.sourcePercent()).isEqualTo(90);
        assertThat(first.pauseAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(first.changes()).containsExactly(
                DnsChange.delete(lowered),
                DnsChange.upsert(weighted("source", 90, 60, "198.51.100.7")),
                DnsChange.upsert(weighted("target", 10, 60, "203.0.113.9")));
    }

    @Test
    void eachStepSetsSourceTo100MinusTheTargetsShare() {
        DnsShiftPlan plan = DnsShiftPlan.of(spec(List.of(10, 50, 100)), List.of(SIMPLE.withTtl(60L)), 86_400L);

        assertThat(plan.steps()).extracting(DnsStep::sourcePercent, DnsStep::targetPercent)
                .containsExactly(
                        tuple(90, 10),
                        tuple(50, 50),
                        tuple(0, 100));
    }

    @Test
    void onceWeightedSetsExistAStepOnlyUpsertsThemSoReplanningGivesTheSameChange() {
        List<DnsRecordSet> afterFirstStep = List.of(weighted("source", 90, 60, "198.51.100.7"),
                weighted("target", 10, 60, "203.0.113.9"));

        DnsStep second = DnsShiftPlan.of(spec(List.of(10, 50, 100)), afterFirstStep, 86_400L).steps().get(1);

        assertThat(second.changes()).containsExactly(
                DnsChange.upsert(weighted("source", 50, 60, "198.51.100.7")),
                DnsChange.upsert(weighted("target", 50, 60, "203.0.113.9")));
    }

    @Test
    void aPassedCheckAfterAStepLeadsToTheNextStep() {
        DnsShiftPlan plan = DnsShiftPlan.of(spec(List.of(10, 50, 100)), List.of(SIMPLE), null);

        DnsShiftDecision decision = plan.next(0, true);

        assertThat(decision).isEqualTo(new DnsShiftDecision.Continue(plan.steps().get(1)));
    }

    @Test
    void aPassedCheckAfterTheLastStepRestoresTheOriginalTtlWithTheTargetAt100() {
        List<DnsRecordSet> atTheEnd = List.of(weighted("source", 0, 60, "198.51.100.7"),
                weighted("target", 100, 60, "203.0.113.9"));

        DnsShiftDecision decision = DnsShiftPlan.of(spec(List.of(10, 100)), atTheEnd, 86_400L).next(1, true);

        assertThat(decision).isEqualTo(new DnsShiftDecision.Finish(List.of(
                DnsChange.upsert(weighted("source", 0, 86_400, "198.51.100.7")),
                DnsChange.upsert(weighted("target", 100, 86_400, "203.0.113.9")))));
    }

    @Test
    void aFailedCheckAtAnyStepSendsEverythingBackToTheSource() {
        List<DnsRecordSet> midway = List.of(weighted("source", 50, 60, "198.51.100.7"),
                weighted("target", 50, 60, "203.0.113.9"));
        DnsShiftPlan plan = DnsShiftPlan.of(spec(List.of(10, 50, 100)), midway, 86_400L);

        DnsShiftDecision decision = plan.next(1, false);

        assertThat(decision).isEqualTo(new DnsShiftDecision.RollBack(List.of(
                DnsChange.upsert(weighted("source", 100, 86_400, "198.51.100.7")),
                DnsChange.upsert(weighted("target", 0, 86_400, "203.0.113.9")))));
    }

    @Test
    void aFailedCheckAfterTheLastStepStillRollsBack() {
        DnsShiftPlan plan = DnsShiftPlan.of(spec(List.of(100)), List.of(SIMPLE), null);

        assertThat(plan.next(0, false)).isInstanceOf(DnsShiftDecision.RollBack.class);
    }

    @Test
    void aStepThatDoesNotExistIsRefused() {
        DnsShiftPlan plan = DnsShiftPlan.of(spec(List.of(100)), List.of(SIMPLE), null);

        assertThatThrownBy(() -> plan.next(1, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAliasSourceKeepsNoTtlAndTheTargetUsesTheWavesValue() {
        AliasTarget loadBalancer = new AliasTarget("Z35SXDOTRQ7X7K", "media-123.us-east-1.elb.amazonaws.com.", true);
        DnsRecordSet alias = new DnsRecordSet(NAME, "A", null, null, null, List.of(), loadBalancer, null);

        DnsShiftPlan plan = DnsShiftPlan.of(spec(List.of(100)), List.of(alias), null);

        assertThat(plan.lowerTtl()).isEmpty();
        assertThat(plan.steps().getFirst().changes()).containsExactly(
                DnsChange.delete(alias),
                DnsChange.upsert(new DnsRecordSet(NAME, "A", "source", 0L, null, List.of(), loadBalancer, null)),
                DnsChange.upsert(weighted("target", 100, 60, "203.0.113.9")));
    }

    @Test
    void aRecordWithNeitherASimpleRecordNorTheSourceSetCannotBeMoved() {
        assertThatThrownBy(() -> DnsShiftPlan.of(spec(List.of(100)), List.of(), null))
                .isInstanceOf(DnsPlanException.class)
                .hasMessageContaining(NAME)
                .hasMessageContaining("source");
    }

    @Test
    void weightedSetsOfSomeoneElseStopThePlanBecauseTheSharesWouldNotAddUp() {
        List<DnsRecordSet> current = List.of(weighted("source", 100, 60, "198.51.100.7"),
                weighted("blue", 100, 60, "192.0.2.1"));

        assertThatThrownBy(() -> DnsShiftPlan.of(spec(List.of(100)), current, 300L))
                .isInstanceOf(DnsPlanException.class)
                .hasMessageContaining("blue");
    }

    private static DnsSwitchSpec spec(List<Integer> steps) {
        return new DnsSwitchSpec(ZONE, "Media.Example.com", "A", "source", "target", 60, steps, Duration.ofMinutes(5),
                List.of("203.0.113.9"), null);
    }

    private static DnsRecordSet weighted(String identifier, long weight, long ttl, String value) {
        return new DnsRecordSet(NAME, "A", identifier, weight, ttl, List.of(value), null, null);
    }
}
