package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.events.WaveEvents;
import dev.ferry.server.WaveReport;
import dev.ferry.stage.finalize.ReportRequest;
import dev.ferry.stage.finalize.ReportService;

/** The Report state: the wave's final status, its complete report exported and emailed, a bounded listing returned. */
public class ReportHandler extends JsonStreamHandler<ReportRequest, WaveReport> {

    private final ReportService service;
    private final WaveEvents events;

    public ReportHandler() {
        this(Dependencies.fromEnvironment());
    }

    public ReportHandler(Dependencies dependencies) {
        this(new ReportService(dependencies.waveStore(), dependencies.agentInstallStore(),
                dependencies.serverClaims(), dependencies.reportExport(), dependencies.notifier(),
                dependencies.clock()), dependencies.waveEvents());
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    /** Around the service alone, telling nothing of the stage: for tests of the stage's own work. */
    ReportHandler(ReportService service) {
        this(service, WaveEvents.none());
    }

    ReportHandler(ReportService service, WaveEvents events) {
        super(ReportRequest.class);
        this.service = service;
        this.events = events;
    }

    @Override
    protected WaveReport handle(ReportRequest request, Context context) {
        WaveReport report = service.report(request);
        events.waveEnded(request.waveId());
        return report;
    }
}
