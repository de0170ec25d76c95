package dev.ferry.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the wave's DNS switch stands, kept with the wave so that each stage invocation picks up
 * where the last one ended: the original TTL of each record (remembered before it is lowered, so
 * that it can be restored), how many weight steps are applied, and what was done at each step.
 *
 * @param originalTtls the TTL of each record before Ferry lowered it
 * @param ttlLowered   whether the lowered TTL is in place (in sync)
 * @param stepsApplied how many of the wave's weight steps have been applied
 * @param status       where the switch stands
 * @param reason       why it rolled back, or null
 * @param history      every change made, in order
 */
public record DnsSwitchProgress(List<OriginalTtl> originalTtls, boolean ttlLowered, int stepsApplied, Status status,
                                String reason, List<StepRecord> history) {

    public DnsSwitchProgress {
        originalTtls = originalTtls == null ? List.of() : List.copyOf(originalTtls);
        history = history == null ? List.of() : List.copyOf(history);
        status = status == null ? Status.SHIFTING : status;
    }

    /** The switch before anything is lowered: only the original TTLs are known. */
    public static DnsSwitchProgress remembering(List<OriginalTtl> originals) {
        return new DnsSwitchProgress(originals, false, 0, Status.SHIFTING, null, List.of());
    }

    /** The TTL remembered for a record, when one was. */
    public Optional<OriginalTtl> originalTtl(String hostedZoneId, String name, String type) {
        return originalTtls.stream().filter(ttl -> ttl.isOf(hostedZoneId, name, type)).findFirst();
    }

    public boolean isOver() {
        return status == Status.COMPLETED || status == Status.ROLLED_BACK;
    }

    public DnsSwitchProgress withTtlLowered(Instant at, long ttl) {
        return new DnsSwitchProgress(originalTtls, true, stepsApplied, status, reason,
                appended(new StepRecord(StepKind.TTL_LOWERED, null, at, "TTL lowered to " + ttl + " s")));
    }

    /** Step {@code index} (from 0) is applied: the target gets {@code targetPercent}. */
    public DnsSwitchProgress withStepApplied(int index, int targetPercent, Instant at, String check) {
        return new DnsSwitchProgress(originalTtls, ttlLowered, index + 1, status, reason,
                appended(new StepRecord(StepKind.WEIGHTS, targetPercent, at, check)));
    }

    /** A check failed: the rollback is decided, before it is submitted, so that a retry completes it. */
    public DnsSwitchProgress rollingBack(String why) {
        return new DnsSwitchProgress(originalTtls, ttlLowered, stepsApplied, Status.ROLLING_BACK, why, history);
    }

    public DnsSwitchProgress rolledBack(Instant at) {
        return new DnsSwitchProgress(originalTtls, ttlLowered, stepsApplied, Status.ROLLED_BACK, reason,
                appended(new StepRecord(StepKind.ROLLED_BACK, 0, at, reason)));
    }

    public DnsSwitchProgress completed(Instant at, String check) {
        return new DnsSwitchProgress(originalTtls, ttlLowered, stepsApplied, Status.COMPLETED, reason,
                appended(new StepRecord(StepKind.TTL_RESTORED, 100, at, check)));
    }

    private List<StepRecord> appended(StepRecord step) {
        List<StepRecord> steps = new ArrayList<>(history);
        steps.add(step);
        return steps;
    }

    /** Where a DNS switch stands. */
    public enum Status {
        /** Weights are moving step by step (or have not started). */
        SHIFTING,
        /** A check failed and the rollback is being submitted. */
        ROLLING_BACK,
        /** Everything went back to the source; the wave stopped. */
        ROLLED_BACK,
        /** Every step passed and the TTL is restored. */
        COMPLETED
    }

    /** What a change of the switch did. */
    public enum StepKind { TTL_LOWERED, WEIGHTS, ROLLED_BACK, TTL_RESTORED }

    /**
     * The TTL of a record before Ferry lowered it.
     *
     * @param hostedZoneId the hosted zone
     * @param name         the record name, as the wave gives it
     * @param type         the record type
     * @param ttl          its TTL in seconds, or null for an alias (which has none)
     */
    public record OriginalTtl(String hostedZoneId, String name, String type, Long ttl) {

        boolean isOf(String zone, String recordName, String recordType) {
            return Objects.equals(hostedZoneId, zone) && Objects.equals(name, recordName)
                    && Objects.equals(type, recordType);
        }
    }

    /**
     * One change of the switch.
     *
     * @param kind          what it did
     * @param targetPercent the target's share after it, or null when weights did not change
     * @param at            when it was in sync
     * @param detail        the health check that preceded it, or what it did
     */
    public record StepRecord(StepKind kind, Integer targetPercent, Instant at, String detail) {

        /** The change as a report line. */
        public String text() {
            return switch (kind) {
                case TTL_LOWERED -> detail;
                case WEIGHTS -> "target " + targetPercent + "% / source " + (100 - targetPercent) + "%"
                        + (detail == null ? "" : " after " + detail);
                case ROLLED_BACK -> "rolled back to source 100% / target 0%, TTL restored: " + detail;
                case TTL_RESTORED -> "TTL restored" + (detail == null ? "" : " after " + detail);
            };
        }
    }
}
