package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.launch.PrepareLaunchService;
import dev.ferry.stage.WaveRef;

/** PrepareLaunchFunction: applies each server's launch settings in MGN and its EC2 launch template. */
public class PrepareLaunchHandler extends JsonStreamHandler<WaveRef, WaveProgress> {

    private final PrepareLaunchService service;

    public PrepareLaunchHandler() {
        this(Dependencies.fromEnvironment());
    }

    public PrepareLaunchHandler(Dependencies dependencies) {
        this(new PrepareLaunchService(dependencies.mgn(), dependencies.ec2(), dependencies.waveStore(),
                dependencies.clock()));
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    PrepareLaunchHandler(PrepareLaunchService service) {
        super(WaveRef.class);
        this.service = service;
    }

    @Override
    protected WaveProgress handle(WaveRef request, Context context) {
        return service.prepare(request);
    }
}
