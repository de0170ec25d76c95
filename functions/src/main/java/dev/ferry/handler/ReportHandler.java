package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.server.WaveReport;
import dev.ferry.stage.finalize.ReportRequest;
import dev.ferry.stage.finalize.ReportService;

/** The Report state: the wave's final status, its complete report exported and emailed, a bounded listing returned. */
public class ReportHandler extends JsonStreamHandler<ReportRequest, WaveReport> {

    private final ReportService service;

    public ReportHandler() {
        this(Dependencies.fromEnvironment());
    }

    public ReportHandler(Dependencies dependencies) {
        this(new ReportService(dependencies.waveStore(), dependencies.agentInstallStore(),
                dependencies.serverClaims(), dependencies.reportExport(), dependencies.notifier(),
                dependencies.clock()));
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    ReportHandler(ReportService service) {
        super(ReportRequest.class);
        this.service = service;
    }

    @Override
    protected WaveReport handle(ReportRequest request, Context context) {
        return service.report(request);
    }
}
