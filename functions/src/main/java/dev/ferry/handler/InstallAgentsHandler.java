package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.events.WaveEvents;
import dev.ferry.config.Setting;
import dev.ferry.stage.agents.InstallAgentsResult;
import dev.ferry.stage.agents.InstallAgentsService;
import dev.ferry.stage.WaveRef;

/**
 * InstallAgentsFunction: installs the replication agent on the wave's EC2 sources through SSM Run
 * Command, one step further per call; the state machine calls it again while {@code done} is false.
 */
public class InstallAgentsHandler extends JsonStreamHandler<WaveRef, InstallAgentsResult> {

    private final InstallAgentsService service;
    private final WaveEvents events;

    public InstallAgentsHandler() {
        this(Dependencies.fromEnvironment());
    }

    public InstallAgentsHandler(Dependencies dependencies) {
        this(new InstallAgentsService(dependencies.waveStore(), dependencies.agentInstallStore(), dependencies.mgn(),
                dependencies::sourceEc2, dependencies::ssmCommands, dependencies::instanceProfiles,
                dependencies.notifier(), dependencies.clock(),
                dependencies.settings().find(Setting.AGENT_INSTANCE_PROFILE_ARN)), dependencies.waveEvents());
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    /** Around the service alone, telling nothing of the stage: for tests of the stage's own work. */
    InstallAgentsHandler(InstallAgentsService service) {
        this(service, WaveEvents.none());
    }

    InstallAgentsHandler(InstallAgentsService service, WaveEvents events) {
        super(WaveRef.class);
        this.service = service;
        this.events = events;
    }

    @Override
    protected InstallAgentsResult handle(WaveRef request, Context context) {
        InstallAgentsResult result = service.install(request);
        if (result.done()) {
            events.stageEnded(request.waveId(), "InstallAgents");
        }
        return result;
    }
}
