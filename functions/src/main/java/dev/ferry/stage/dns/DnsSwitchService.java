package dev.ferry.stage.dns;

import dev.ferry.dns.DnsGateway;
import dev.ferry.dns.DnsShiftDecision;
import dev.ferry.dns.DnsShiftPlan;
import dev.ferry.notify.DnsRollbackMessage;
import dev.ferry.notify.Notifier;
import dev.ferry.probe.Prober.ProbeResult;
import dev.ferry.probe.Prober;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.UnknownWaveException;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.WaveRef;
import dev.ferry.wave.DnsSettings.DnsRecord;
import dev.ferry.wave.DnsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Moves the wave's DNS records from the source to the target with weighted records, one step per
 * invocation (a no-op for a wave without {@code dns}). The first invocation applies the first
 * step; each later one first checks that the target answers, then applies the next step, or
 * after the last step restores the original TTL. A failed check sends everything back to the
 * source (source 100 / target 0, original TTL), stops the wave before it finalizes, and tells
 * people: the source still runs, so the way back works.
 *
 * <p>Between invocations the state machine waits the wave's pause. Every change is whole record
 * sets UPSERTed and awaited in sync, and the switch's progress is stored after each step; a
 * rollback is recorded as decided before it is submitted, so a retry after a crash finishes it
 * rather than checking again.
 */
public class DnsSwitchService {

    /** How long the health check may take. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(DnsSwitchService.class);

    private final WaveStore store;
    private final DnsPlans plans;
    private final Prober prober;
    private final Notifier notifier;
    private final Clock clock;

    public DnsSwitchService(WaveStore store, DnsGateway dns, Prober prober, Notifier notifier, Clock clock) {
        this.store = store;
        this.plans = new DnsPlans(dns);
        this.prober = prober;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * Takes the switch's next step.
     *
     * @throws UnknownWaveException when the wave is not in the store
     */
    public DnsSwitchResult advance(WaveRef ref) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("waveId", ref.waveId())) {
            WaveRecord wave = store.require(ref.waveId());
            DnsSettings settings = wave.definition().dns();
            if (settings == null) {
                return done(wave, 0, 0);
            }
            DnsSwitchProgress progress = wave.dns() != null ? wave.dns() : DnsSwitchProgress.remembering(List.of());
            if (progress.status() == DnsSwitchProgress.Status.ROLLING_BACK) {
                return rollBack(wave, settings, progress);
            }
            if (progress.isOver() || wave.status() != WaveStatus.RUNNING) {
                return done(wave, progress.stepsApplied(), settings.steps().size());
            }
            if (progress.stepsApplied() == 0) {
                return applyStep(wave, settings, progress, 0, null);
            }
            ProbeResult check = prober.http(settings.healthCheck().url(), settings.healthCheck().expectStatus(),
                    CHECK_TIMEOUT);
            LOG.info("DNS switch check after step {}: {}", progress.stepsApplied(), check.detail());
            int completed = progress.stepsApplied() - 1;
            DnsShiftDecision decision = plans.plan(settings, settings.records().getFirst(), progress)
                    .next(completed, check.passed());
            return switch (decision) {
                case DnsShiftDecision.RollBack rollBack -> {
                    DnsSwitchProgress rollingBack = progress.rollingBack(check.detail());
                    WaveRecord deciding = wave.withDns(rollingBack);
                    store.update(deciding);
                    yield rollBack(deciding, settings, rollingBack);
                }
                case DnsShiftDecision.Finish finish -> finish(wave, settings, progress, check.detail());
                case DnsShiftDecision.Continue next -> applyStep(wave, settings, progress, next.next().index(),
                        check.detail());
            };
        }
    }

    private DnsSwitchResult applyStep(WaveRecord wave, DnsSettings settings, DnsSwitchProgress progress,
                                      int stepIndex, String checkDetail) {
        int targetPercent = settings.steps().get(stepIndex);
        plans.planAndApply(settings, progress, plan -> plan.steps().get(stepIndex).changes(), comment(wave,
                "step " + (stepIndex + 1) + " of " + settings.steps().size() + ", target " + targetPercent + "%"));
        DnsSwitchProgress applied = progress.withStepApplied(stepIndex, targetPercent, clock.instant(), checkDetail);
        WaveRecord stepped = wave.withDns(applied);
        store.update(stepped);
        LOG.info("DNS switch step {} of {} in sync: target {}%", stepIndex + 1, settings.steps().size(), targetPercent);
        WaveProgress counts = WaveProgress.of(stepped, store.servers(stepped.waveId()));
        return new DnsSwitchResult(stepped.waveId(), false, settings.pause().toSeconds(), applied.stepsApplied(),
                settings.steps().size(), counts);
    }

    private DnsSwitchResult finish(WaveRecord wave, DnsSettings settings, DnsSwitchProgress progress,
                                   String checkDetail) {
        plans.planAndApply(settings, progress, plan -> plan.restoreTtl(100),
                comment(wave, "all traffic on the target, TTL restored"));
        WaveRecord finished = wave.withDns(progress.completed(clock.instant(), checkDetail));
        store.update(finished);
        LOG.info("DNS switch completed: all traffic on the target, original TTL restored");
        return done(finished, progress.stepsApplied(), settings.steps().size());
    }

    /** Sends everything back to the source, stops the wave before it finalizes, and says so. */
    private DnsSwitchResult rollBack(WaveRecord wave, DnsSettings settings, DnsSwitchProgress progress) {
        plans.planAndApply(settings, progress, DnsShiftPlan::rollback, comment(wave, "rolled back to the source"));
        List<String> records = settings.records().stream().map(DnsRecord::label).toList();
        // Told before the wave is marked stopped: a crash in between repeats the message rather than losing it.
        notifier.publish(DnsRollbackMessage.of(wave.definition().waveName(), records, progress.reason()));
        WaveRecord stopped = wave.withDns(progress.rolledBack(clock.instant()));
        if (stopped.status() == WaveStatus.RUNNING) {
            stopped = stopped.withStatus(WaveStatus.STOPPED, "the DNS switch failed its health check and sent all "
                    + "traffic back to the source, which still runs: " + progress.reason());
        }
        store.update(stopped);
        LOG.warn("DNS switch rolled back: {}", progress.reason());
        return done(stopped, progress.stepsApplied(), settings.steps().size());
    }

    private DnsSwitchResult done(WaveRecord wave, int stepsApplied, int steps) {
        return new DnsSwitchResult(wave.waveId(), true, 0, stepsApplied, steps,
                WaveProgress.of(wave, store.servers(wave.waveId())));
    }

    private static String comment(WaveRecord wave, String what) {
        return "Ferry wave " + wave.definition().waveName() + ": " + what;
    }
}
