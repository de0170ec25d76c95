package dev.ferry.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Route 53 changes of a DNS switch, worked out from the record sets as they are now. Pure:
 * each change is whole record sets to UPSERT (and, the first time, the simple record to DELETE),
 * so submitting a change twice leaves the same records, and the plan can be worked out again at
 * any later stage from what Route 53 then holds.
 *
 * <ol>
 *   <li>At wave start, {@link #lowerTtl()} lowers the TTL to the wave's value; the original TTL
 *       ({@link #originalTtl()}) must be kept by the caller and given back to later plans.</li>
 *   <li>Each {@link #steps() step} sets the weights: the source's set gets {@code 100 - p}, the
 *       target's {@code p}. A simple record is turned into the source's weighted set in the same
 *       atomic batch (Route 53 does not allow a simple and a weighted record of the same name).
 *       After each step: a pause, then a check that the target answers.</li>
 *   <li>{@link #next(int, boolean)} decides after each check: the next step, the end (weights
 *       stay, the original TTL is restored), or the rollback (source 100, target 0, original TTL),
 *       which leaves the source serving everything.</li>
 * </ol>
 *
 * @param spec         the record and the wave's steps
 * @param source       the record set holding the source's values now (simple or weighted)
 * @param simpleRecord the simple record still to convert, or null once weighted sets exist
 * @param originalTtl  the TTL before Ferry lowered it, or null for an alias source
 */
public record DnsShiftPlan(DnsSwitchSpec spec, DnsRecordSet source, DnsRecordSet simpleRecord, Long originalTtl) {

    /**
     * @param spec               the record and the steps
     * @param current            the record sets of that name and type now
     * @param rememberedOriginal the original TTL kept from wave start, or null the first time
     * @throws DnsPlanException when there is no source record, or weighted sets Ferry does not own
     */
    public static DnsShiftPlan of(DnsSwitchSpec spec, List<DnsRecordSet> current, Long rememberedOriginal) {
        String record = spec.recordName() + " " + spec.recordType();
        List<DnsRecordSet> foreign = current.stream()
                .filter(DnsRecordSet::weighted)
                .filter(set -> !set.setIdentifier().equals(spec.sourceSetIdentifier())
                        && !set.setIdentifier().equals(spec.targetSetIdentifier()))
                .toList();
        if (!foreign.isEmpty()) {
            throw new DnsPlanException(record + " has weighted sets " + foreign.stream().map(DnsRecordSet::setIdentifier)
                    .toList() + " besides the source's and the target's; the shares would not add up");
        }
        Optional<DnsRecordSet> simple = current.stream().filter(set -> !set.weighted()).findFirst();
        Optional<DnsRecordSet> weightedSource = current.stream()
                .filter(set -> spec.sourceSetIdentifier().equals(set.setIdentifier()))
                .findFirst();
        DnsRecordSet source = simple.or(() -> weightedSource).orElseThrow(() -> new DnsPlanException(record
                + " has neither a simple record nor a weighted set '" + spec.sourceSetIdentifier() + "' to move from"));
        Long original = rememberedOriginal != null ? rememberedOriginal : source.ttl();
        return new DnsShiftPlan(spec, source, simple.orElse(null), original);
    }

    /** The TTL while traffic moves: the wave's value, or the original when that is already lower. */
    public long ttlDuringShift() {
        return originalTtl == null ? spec.loweredTtlSeconds() : Math.min(originalTtl, spec.loweredTtlSeconds());
    }

    /**
     * The change that lowers the TTL of the source record to the wave's value, nothing else
     * changed; empty when its TTL is not above that value (or it is an alias, which has none).
     */
    public List<DnsChange> lowerTtl() {
        List<DnsChange> changes = new ArrayList<>();
        if (source.ttl() != null && source.ttl() > spec.loweredTtlSeconds()) {
            changes.add(DnsChange.upsert(source.withTtl(spec.loweredTtlSeconds())));
        }
        return changes;
    }

    /** Every step, in order. */
    public List<DnsStep> steps() {
        List<DnsStep> steps = new ArrayList<>();
        List<Integer> percents = spec.targetPercentSteps();
        for (int index = 0; index < percents.size(); index++) {
            int target = percents.get(index);
            steps.add(new DnsStep(index, target, 100 - target, weights(target, ttlDuringShift()), spec.pauseAfterStep()));
        }
        return steps;
    }

    /** The change that sends everything back to the source and restores the original TTL. */
    public List<DnsChange> rollback() {
        return weights(0, restoredTtl());
    }

    /** The change that keeps the weights of {@code targetPercent} and restores the original TTL. */
    public List<DnsChange> restoreTtl(int targetPercent) {
        return weights(targetPercent, restoredTtl());
    }

    /**
     * What follows the check made after step {@code completedStep}: a failed check rolls back,
     * a passed one goes on to the next step or, after the last, restores the TTL.
     */
    public DnsShiftDecision next(int completedStep, boolean checkPassed) {
        List<DnsStep> steps = steps();
        if (completedStep < 0 || completedStep >= steps.size()) {
            throw new IllegalArgumentException("No step " + completedStep + " in " + steps.size() + " steps");
        }
        if (!checkPassed) {
            return new DnsShiftDecision.RollBack(rollback());
        }
        if (completedStep == steps.size() - 1) {
            return new DnsShiftDecision.Finish(restoreTtl(100));
        }
        return new DnsShiftDecision.Continue(steps.get(completedStep + 1));
    }

    /** The original TTL, or the wave's value for an alias source (which has none to go back to). */
    private long restoredTtl() {
        return originalTtl != null ? originalTtl : spec.loweredTtlSeconds();
    }

    private List<DnsChange> weights(int targetPercent, long ttl) {
        List<DnsChange> changes = new ArrayList<>();
        if (simpleRecord != null) {
            changes.add(DnsChange.delete(simpleRecord));
        }
        changes.add(DnsChange.upsert(source.asWeighted(spec.sourceSetIdentifier(), 100 - targetPercent, ttl)));
        changes.add(DnsChange.upsert(new DnsRecordSet(spec.recordName(), spec.recordType(), spec.targetSetIdentifier(),
                (long) targetPercent, spec.targetAlias() == null ? ttl : null, spec.targetValues(), spec.targetAlias(),
                null)));
        return changes;
    }
}
