package dev.ferry.stage.launch;

import com.sun.net.httpserver.HttpServer;
import dev.ferry.ec2.Ec2Gateway;
import dev.ferry.ec2.InstanceHealth;
import dev.ferry.probe.NetworkProber;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerRecord.Validation.Outcome;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.ValidationSettings;
import dev.ferry.wave.ValidationSettings.Address;
import dev.ferry.wave.ValidationSettings.HttpCheck;
import dev.ferry.wave.ValidationSettings.TcpCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.ferry.stage.fakes.WaveFixtures.WAVE_ID;
import static dev.ferry.stage.fakes.WaveFixtures.instanceId;
import static dev.ferry.stage.fakes.WaveFixtures.launched;
import static dev.ferry.stage.fakes.WaveFixtures.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Validation with the real {@link NetworkProber} against an application on the loopback interface. */
class ValidateOverLoopbackTest {

    private static final String LOOPBACK = "127.0.0.1";

    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final Ec2Gateway ec2 = mock(Ec2Gateway.class);
    private HttpServer application;
    private ServerSocket sshPort;

    @BeforeEach
    void startTheApplication() throws IOException {
        application = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        application.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        application.start();
        sshPort = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        when(ec2.describeInstances(anyCollection())).thenReturn(Map.of(instanceId(1, Phase.TEST),
                new InstanceHealth(instanceId(1, Phase.TEST), "running", "ok", "ok", LOOPBACK, LOOPBACK)));
    }

    @AfterEach
    void stopTheApplication() throws IOException {
        application.stop(0);
        sshPort.close();
    }

    @Test
    void anInstanceWhosePortAcceptsAndWhoseApplicationAnswersPasses() {
        givenChecks("/health");

        validate();

        assertThat(server().validation().outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void anApplicationAnsweringTheWrongStatusKeepsTheServerPendingSayingSo() {
        givenChecks("/missing");

        validate();

        assertThat(server().validation().outcome()).isEqualTo(Outcome.PENDING);
        assertThat(server().validation().detail()).contains("/missing", "404", "expected 200");
    }

    private void givenChecks(String path) {
        ValidationSettings checks = new ValidationSettings(true,
                List.of(new TcpCheck(sshPort.getLocalPort(), Address.PUBLIC)),
                List.of(new HttpCheck("http://{address}:" + application.getAddress().getPort() + path, 200,
                        Address.PRIVATE)), 30);
        waves.with(WaveFixtures.wave(WaveFixtures.policies(OnServerFailure.CONTINUE), checks),
                List.of(launched(1, Phase.TEST)));
    }

    private void validate() {
        new ValidateService(waves, ec2, new NetworkProber(), Clock.fixed(WaveFixtures.START, ZoneOffset.UTC))
                .validate(new PhaseRequest(WAVE_ID, Phase.TEST));
    }

    private ServerRecord server() {
        return waves.server(WAVE_ID, serverId(1));
    }
}
