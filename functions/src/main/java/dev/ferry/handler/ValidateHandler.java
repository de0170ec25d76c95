package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.launch.PhaseRequest;
import dev.ferry.stage.launch.ValidateService;

/** The ValidateTest and ValidateCutover states: checks the phase's launched instances once. */
public class ValidateHandler extends JsonStreamHandler<PhaseRequest, WaveProgress> {

    private final ValidateService service;

    public ValidateHandler() {
        this(Dependencies.fromEnvironment());
    }

    public ValidateHandler(Dependencies dependencies) {
        this(new ValidateService(dependencies.waveStore(), dependencies.ec2(), dependencies.prober(),
                dependencies.clock()));
        measureFinishedStagesWith(dependencies::stageMeasurement);
    }

    ValidateHandler(ValidateService service) {
        super(PhaseRequest.class);
        this.service = service;
    }

    @Override
    protected WaveProgress handle(PhaseRequest request, Context context) {
        return service.validate(request);
    }
}
