package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.events.WaveEvents;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.dns.PrepareDnsService;
import dev.ferry.stage.WaveRef;

/** PrepareDnsFunction: remembers and lowers the TTL of the wave's DNS records at wave start. */
public class PrepareDnsHandler extends JsonStreamHandler<WaveRef, WaveProgress> {

    private final PrepareDnsService service;
    private final WaveEvents events;

    public PrepareDnsHandler() {
        this(Dependencies.fromEnvironment());
    }

    public PrepareDnsHandler(Dependencies dependencies) {
        this(new PrepareDnsService(dependencies.waveStore(), dependencies.dns(), dependencies.clock()), dependencies.waveEvents());
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    /** Around the service alone, telling nothing of the stage: for tests of the stage's own work. */
    PrepareDnsHandler(PrepareDnsService service) {
        this(service, WaveEvents.none());
    }

    PrepareDnsHandler(PrepareDnsService service, WaveEvents events) {
        super(WaveRef.class);
        this.service = service;
        this.events = events;
    }

    @Override
    protected WaveProgress handle(WaveRef request, Context context) {
        WaveProgress progress = service.prepare(request);
        events.stageEnded(request.waveId(), "PrepareDns");
        return progress;
    }
}
