package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.dns.PrepareDnsService;
import dev.ferry.stage.WaveRef;

/** PrepareDnsFunction: remembers and lowers the TTL of the wave's DNS records at wave start. */
public class PrepareDnsHandler extends JsonStreamHandler<WaveRef, WaveProgress> {

    private final PrepareDnsService service;

    public PrepareDnsHandler() {
        this(Dependencies.fromEnvironment());
    }

    public PrepareDnsHandler(Dependencies dependencies) {
        this(new PrepareDnsService(dependencies.waveStore(), dependencies.dns(), dependencies.clock()));
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    PrepareDnsHandler(PrepareDnsService service) {
        super(WaveRef.class);
        this.service = service;
    }

    @Override
    protected WaveProgress handle(WaveRef request, Context context) {
        return service.prepare(request);
    }
}
