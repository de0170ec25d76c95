package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.network.PrepareNetworkService;
import dev.ferry.stage.WaveRef;

/** PrepareNetworkFunction: key pair, security group copies and launch settings derived from the source instances. */
public class PrepareNetworkHandler extends JsonStreamHandler<WaveRef, WaveProgress> {

    private final PrepareNetworkService service;

    public PrepareNetworkHandler() {
        this(Dependencies.fromEnvironment());
    }

    public PrepareNetworkHandler(Dependencies dependencies) {
        this(new PrepareNetworkService(dependencies.waveStore(), dependencies::sourceEc2,
                dependencies.targetNetwork(), dependencies.notifier(), dependencies.clock()));
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    PrepareNetworkHandler(PrepareNetworkService service) {
        super(WaveRef.class);
        this.service = service;
    }

    @Override
    protected WaveProgress handle(WaveRef request, Context context) {
        return service.prepare(request);
    }
}
