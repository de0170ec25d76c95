package dev.ferry.mgn;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.AssociateSourceServersRequest;
import software.amazon.awssdk.services.mgn.model.AssociateSourceServersResponse;
import software.amazon.awssdk.services.mgn.model.ConflictException;
import software.amazon.awssdk.services.mgn.model.CreateWaveRequest;
import software.amazon.awssdk.services.mgn.model.CreateWaveResponse;
import software.amazon.awssdk.services.mgn.model.ListWavesRequest;
import software.amazon.awssdk.services.mgn.model.ListWavesResponse;
import software.amazon.awssdk.services.mgn.model.ThrottlingException;
import software.amazon.awssdk.services.mgn.model.Wave;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The MGN wave and application requests {@link SdkMgnGateway} sends. */
@ExtendWith(MockitoExtension.class)
class SdkMgnGatewayWavesTest {

    private static final String WAVE_ID = "wave-0123456789abcdefg";

    @Mock
    MgnClient mgn;

    SdkMgnGateway gateway;

    @BeforeEach
    void setUp() {
        gateway = new SdkMgnGateway(mgn, new RecordingSleeper());
    }

    @Test
    void aCreateIsSentWithoutTheSdksOwnRetriesWhichMgnCouldNotTellFromASecondCreate() {
        when(mgn.createWave(any(CreateWaveRequest.class))).thenReturn(CreateWaveResponse.builder().waveID(WAVE_ID)
                .name("Media").isArchived(false).creationDateTime("2026-03-02T10:00:00Z").build());

        MgnWave wave = gateway.createWave("Media", "Servers Ferry moves in wave w-1");

        ArgumentCaptor<CreateWaveRequest> request = ArgumentCaptor.forClass(CreateWaveRequest.class);
        verify(mgn).createWave(request.capture());
        assertThat(request.getValue().name()).isEqualTo("Media");
        assertThat(request.getValue().overrideConfiguration()).hasValueSatisfying(
                override -> assertThat(override.plugins()).hasSize(1));
        assertThat(wave).isEqualTo(new MgnWave(WAVE_ID, "Media", false, Instant.parse("2026-03-02T10:00:00Z")));
    }

    @Test
    void aThrottledCreateIsNotSentAgainWhenTheWaveExistsMeanwhile() {
        when(mgn.createWave(any(CreateWaveRequest.class))).thenThrow(ThrottlingException.builder().statusCode(429)
                .message("Rate exceeded").retryAfterSeconds("1").build());
        when(mgn.listWaves(any(ListWavesRequest.class))).thenReturn(ListWavesResponse.builder()
                .items(Wave.builder().waveID(WAVE_ID).name("Media").isArchived(false).build()).build());

        MgnWave wave = gateway.createWave("Media", "description");

        assertThat(wave.id()).isEqualTo(WAVE_ID);
        verify(mgn, times(1)).createWave(any(CreateWaveRequest.class));
        ArgumentCaptor<ListWavesRequest> list = ArgumentCaptor.forClass(ListWavesRequest.class);
        verify(mgn).listWaves(list.capture());
        assertThat(list.getValue().filters().isArchived()).isFalse();
    }

    @Test
    void serversAreAssociatedFiftyAtATimeMgnsLimit() {
        when(mgn.associateSourceServers(any(AssociateSourceServersRequest.class)))
                .thenReturn(AssociateSourceServersResponse.builder().build());
        List<String> ids = IntStream.rangeClosed(1, 120).mapToObj("s-%017d"::formatted).toList();

        gateway.associateSourceServers("app-0123456789abcdefg", ids);

        ArgumentCaptor<AssociateSourceServersRequest> requests =
                ArgumentCaptor.forClass(AssociateSourceServersRequest.class);
        verify(mgn, times(3)).associateSourceServers(requests.capture());
        assertThat(requests.getAllValues()).extracting(request -> request.sourceServerIDs().size())
                .containsExactly(50, 50, 20);
        assertThat(requests.getAllValues()).allSatisfy(request ->
                assertThat(request.applicationID()).isEqualTo("app-0123456789abcdefg"));
    }

    @Test
    void aConflictBecomesTheGatewaysConflict() {
        when(mgn.associateSourceServers(any(AssociateSourceServersRequest.class)))
                .thenThrow(ConflictException.builder().statusCode(409).message("already in app-1").build());

        assertThatThrownBy(() -> gateway.associateSourceServers("app-0123456789abcdefg", List.of("s-1")))
                .isInstanceOf(MgnConflictException.class)
                .hasMessageContaining("AssociateSourceServers");
    }
}
