package dev.ferry.stage.agents;

import dev.ferry.agent.AgentInstallRecord.State;
import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallStore;
import dev.ferry.agent.InstanceProfiles;
import dev.ferry.agent.SsmCommands;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.network.SourceEc2;
import dev.ferry.notify.Notifier;
import dev.ferry.server.UnknownWaveException;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.Concurrently;
import dev.ferry.stage.Regional;
import dev.ferry.stage.ServerJoins;
import dev.ferry.stage.WaveRef;
import dev.ferry.wave.AgentInstallationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Installs the AWS Replication Agent on the wave's EC2 sources that MGN did not know at Preflight,
 * through SSM Run Command and the instance's own role: no key is created, sent or stored. Called
 * again and again by the state machine (with a pause between calls) until no installation is
 * unfinished; each call takes every installation as far as it goes without waiting:
 *
 * <ol>
 *   <li>CHECKING: the instance must be managed by SSM and its profile's role must carry the MGN
 *       policy. What the wave allows is fixed (a policy attached to the existing role, the stack's
 *       profile given to an instance without one) and the instance is checked again on a later
 *       call, since IAM and SSM take a while to notice; one still not ready
 *       {@link AgentInstallSteps#FIX_SETTLE_TIME} after the last fix, or blocked by something Ferry
 *       may not fix, fails with the reasons.</li>
 *   <li>SENDING: the command's comment, unique per wave and instance, is stored before the command
 *       is sent. SendCommand takes no idempotency token, so a call that finds an installation in
 *       SENDING first looks for a command sent with that comment and adopts it; it sends only when
 *       there is none.</li>
 *   <li>RUNNING: the installer's result is read; a failure names the status, exit code and the end
 *       of its output.</li>
 *   <li>REGISTERING: the server is looked for in MGN by its {@code awsInstanceID}; when found it
 *       joins the wave as Preflight would have joined it, then the installation is REGISTERED.</li>
 * </ol>
 *
 * <p>Every step is written over the revision it was made from, so a retried or duplicated call
 * never takes a step twice. When every installation has finished, failures are told in one
 * message and the wave's {@code onServerFailure} policy applies: STOP stops the wave; under STOP,
 * installations not yet sent when a failure is known are left out rather than started.
 *
 * <p>This class decides the order of the work within a call; the steps of one installation, the
 * registrations with MGN, the STOP policy and the failure message each live in a class of their own.
 */
public class InstallAgentsService {

    /** Installations worked on at once; each makes a few calls to EC2, IAM and SSM. */
    static final int PARALLELISM = 8;

    private static final Logger LOG = LoggerFactory.getLogger(InstallAgentsService.class);

    private final WaveStore waves;
    private final AgentInstallStore installs;
    private final Regional<SourceEc2> sourceEc2;
    private final Regional<SsmCommands> ssm;
    private final Regional<InstanceProfiles> profiles;
    private final Clock clock;
    private final Optional<String> stackInstanceProfileArn;
    private final AgentInstallWriter writer;
    private final AgentRegistrations registrations;
    private final StopOnAgentFailure stopOnFailure;
    private final AgentFailureNotice failureNotice;

    /**
     * @param stackInstanceProfileArn the agent instance profile of Ferry's stack, which a wave may let Ferry give
     *                                instances without a profile; empty when the stack provides none
     */
    public InstallAgentsService(WaveStore waves, AgentInstallStore installs, MgnGateway mgn,
                                Regional<SourceEc2> sourceEc2, Regional<SsmCommands> ssm, Regional<InstanceProfiles> profiles,
                                Notifier notifier, Clock clock, Optional<String> stackInstanceProfileArn) {
        this.waves = waves;
        this.installs = installs;
        this.sourceEc2 = sourceEc2;
        this.ssm = ssm;
        this.profiles = profiles;
        this.clock = clock;
        this.stackInstanceProfileArn = stackInstanceProfileArn;
        this.writer = new AgentInstallWriter(installs, clock);
        this.registrations = new AgentRegistrations(mgn, new ServerJoins(waves, clock), writer, clock);
        this.stopOnFailure = new StopOnAgentFailure(waves, writer, clock);
        this.failureNotice = new AgentFailureNotice(waves, notifier, writer);
    }

    /**
     * Advances every unfinished installation of the wave, and once none is unfinished, tells the
     * failures and applies the wave's failure policy.
     *
     * @throws UnknownWaveException when the wave is not in the store
     */
    public InstallAgentsResult install(WaveRef ref) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("waveId", ref.waveId())) {
            WaveRecord wave = waves.require(ref.waveId());
            List<AgentInstallRecord> records = installs.installs(wave.waveId());
            AgentInstallationSettings settings = wave.definition().agentInstallation();
            boolean running = wave.status() == WaveStatus.RUNNING;
            if (settings != null && running && records.stream().anyMatch(install -> !install.isFinished())) {
                records = advance(wave, records);
            }
            // A wave that no longer runs installs nothing more: what is unfinished stays so, and the report says so.
            boolean done = !running || records.stream().allMatch(AgentInstallRecord::isFinished);
            if (done && running && !records.isEmpty()) {
                records = failureNotice.tellUntold(wave, records);
                wave = stopOnFailure.stopWave(wave, records);
            }
            InstallAgentsResult result = result(wave, records, done);
            LOG.info("Agent installation: {} of {} pending, {} registered, {} failed, {} left out", result.pending(),
                    result.total(), result.registered(), result.failed(), result.leftOut());
            return result;
        }
    }

    private List<AgentInstallRecord> advance(WaveRecord wave, List<AgentInstallRecord> records) {
        String sourceRegion = wave.definition().sourceRegion();
        SsmCommands commands = ssm.in(sourceRegion);
        InstanceProfiles iam = profiles.in(sourceRegion);
        List<AgentInstallRecord> current = stopOnFailure.leaveOutUnsent(wave, records);
        List<String> checking = current.stream().filter(install -> install.state() == State.CHECKING)
                .map(AgentInstallRecord::instanceId).toList();
        AgentSourceFacts facts = AgentSourceFacts.read(sourceEc2.in(sourceRegion), commands, iam, checking);
        AgentInstallSteps steps = new AgentInstallSteps(wave, commands, iam, facts, stackInstanceProfileArn, writer,
                clock);
        // Every check comes before any send, so that under STOP a failure found now keeps the others from starting.
        current = Concurrently.map(current, PARALLELISM,
                install -> install.state() == State.CHECKING ? steps.check(install) : install);
        current = stopOnFailure.leaveOutUnsent(wave, current);
        current = Concurrently.map(current, PARALLELISM, install -> install.isFinished() ? install : steps.advance(install));
        return registrations.register(wave, current);
    }

    private InstallAgentsResult result(WaveRecord wave, List<AgentInstallRecord> records, boolean done) {
        int pending = 0;
        int registered = 0;
        int failed = 0;
        int leftOut = 0;
        for (AgentInstallRecord install : records) {
            switch (install.state()) {
                case REGISTERED -> registered++;
                case FAILED -> failed++;
                case LEFT_OUT -> leftOut++;
                case CHECKING, SENDING, RUNNING, REGISTERING -> pending++;
            }
        }
        return new InstallAgentsResult(wave.waveId(), done, records.size(), pending, registered, failed, leftOut,
                WaveProgress.of(wave, waves.servers(wave.waveId())));
    }
}
