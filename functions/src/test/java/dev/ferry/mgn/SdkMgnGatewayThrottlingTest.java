package dev.ferry.mgn;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.DescribeSourceServersRequest;
import software.amazon.awssdk.services.mgn.model.DescribeSourceServersResponse;
import software.amazon.awssdk.services.mgn.model.MarkAsArchivedRequest;
import software.amazon.awssdk.services.mgn.model.MarkAsArchivedResponse;
import software.amazon.awssdk.services.mgn.model.MgnException;
import software.amazon.awssdk.services.mgn.model.StartTestRequest;
import software.amazon.awssdk.services.mgn.model.StartTestResponse;
import software.amazon.awssdk.services.mgn.model.ThrottlingException;
import software.amazon.awssdk.services.mgn.model.ValidationException;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** How {@link SdkMgnGateway} waits and gives up when MGN answers 429. */
@ExtendWith(MockitoExtension.class)
class SdkMgnGatewayThrottlingTest {

    @Mock
    MgnClient mgn;

    RecordingSleeper sleeper;
    SdkMgnGateway gateway;

    @BeforeEach
    void setUp() {
        sleeper = new RecordingSleeper();
        gateway = new SdkMgnGateway(mgn, sleeper);
    }

    @Test
    void aThrottledCallWaitsWhatRetryAfterSaysThenSucceeds() {
        when(mgn.startTest(any(StartTestRequest.class)))
                .thenThrow(throttled("7"))
                .thenReturn(StartTestResponse.builder().job(SdkMgnGatewayTest.job("mgnjob-1")).build());

        Job job = gateway.startTest(List.of("s-1"));

        assertThat(job.id()).isEqualTo("mgnjob-1");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void anArchiveThrottledAfterAnEarlierAttemptWasAppliedIsNotSentAgain() {
        when(mgn.markAsArchived(any(MarkAsArchivedRequest.class))).thenThrow(throttled("3"));
        when(mgn.describeSourceServers(any(DescribeSourceServersRequest.class))).thenReturn(
                DescribeSourceServersResponse.builder().items(software.amazon.awssdk.services.mgn.model.SourceServer
                        .builder().sourceServerID("s-1").isArchived(true).build()).build());

        gateway.markAsArchived("s-1");

        verify(mgn, times(1)).markAsArchived(any(MarkAsArchivedRequest.class));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void anArchiveThrottledBeforeMgnAppliedItIsSentAgain() {
        when(mgn.markAsArchived(any(MarkAsArchivedRequest.class)))
                .thenThrow(throttled("3"))
                .thenReturn(MarkAsArchivedResponse.builder().build());
        when(mgn.describeSourceServers(any(DescribeSourceServersRequest.class))).thenReturn(
                DescribeSourceServersResponse.builder().items(software.amazon.awssdk.services.mgn.model.SourceServer
                        .builder().sourceServerID("s-1").isArchived(false).build()).build());

        gateway.markAsArchived("s-1");

        verify(mgn, times(2)).markAsArchived(any(MarkAsArchivedRequest.class));
    }

    @Test
    void withoutRetryAfterTheWaitsDoubleFromOneSecond() {
        when(mgn.startTest(any(StartTestRequest.class)))
                .thenThrow(throttled(null), throttled(null), throttled(null))
                .thenReturn(StartTestResponse.builder().job(SdkMgnGatewayTest.job("mgnjob-1")).build());

        gateway.startTest(List.of("s-1"));

        assertThat(sleeper.waits()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void anUnreadableRetryAfterFallsBackToTheExponentialWait() {
        when(mgn.startTest(any(StartTestRequest.class)))
                .thenThrow(throttled("Wed, 21 Oct 2026 07:28:00 GMT"))
                .thenReturn(StartTestResponse.builder().job(SdkMgnGatewayTest.job("mgnjob-1")).build());

        gateway.startTest(List.of("s-1"));

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterHeaderIsHonouredEvenOnAThrottlingErrorOfAnotherShape() {
        AwsServiceException gatewayThrottle = MgnException.builder()
                .statusCode(429)
                .message("Too Many Requests")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("TooManyRequestsException")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(429).putHeader("Retry-After", "3").build())
                        .build())
                .build();
        when(mgn.startTest(any(StartTestRequest.class)))
                .thenThrow(gatewayThrottle)
                .thenReturn(StartTestResponse.builder().job(SdkMgnGatewayTest.job("mgnjob-1")).build());

        gateway.startTest(List.of("s-1"));

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void afterTheLastAttemptItGivesUpWithTheTypedThrottledException() {
        ThrottlingException last = throttled(null);
        when(mgn.startTest(any(StartTestRequest.class)))
                .thenThrow(throttled(null), throttled(null), throttled(null), throttled(null), last);

        assertThatThrownBy(() -> gateway.startTest(List.of("s-1")))
                .isInstanceOf(MgnThrottledException.class)
                .hasMessageContaining("StartTest")
                .hasMessageContaining("5 times")
                .hasCause(last);
        verify(mgn, times(ThrottlingRetry.MAX_ATTEMPTS)).startTest(any(StartTestRequest.class));
        assertThat(sleeper.waits()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void itGivesUpAtOnceWhenWaitingAsToldWouldExceedTheTotalWaitBound() {
        when(mgn.startTest(any(StartTestRequest.class)))
                .thenThrow(throttled("15"), throttled("15"));

        assertThatThrownBy(() -> gateway.startTest(List.of("s-1"))).isInstanceOf(MgnThrottledException.class);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(15));
        verify(mgn, times(2)).startTest(any(StartTestRequest.class));
    }

    @Test
    void otherErrorsAreNotRetried() {
        ValidationException invalid = ValidationException.builder().statusCode(400).message("bad id").build();
        when(mgn.startTest(any(StartTestRequest.class))).thenThrow(invalid);

        assertThatThrownBy(() -> gateway.startTest(List.of("s-1"))).isSameAs(invalid);

        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void eachPageOfAReadIsRetriedOnItsOwn() {
        when(mgn.describeSourceServers(any(DescribeSourceServersRequest.class)))
                .thenReturn(DescribeSourceServersResponse.builder().nextToken("page-2").build())
                .thenThrow(throttled("2"))
                .thenReturn(DescribeSourceServersResponse.builder().build());

        gateway.listSourceServers();

        verify(mgn, times(3)).describeSourceServers(any(DescribeSourceServersRequest.class));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aThrottledWaitThatIsInterruptedStopsWithTheThrottledExceptionAndKeepsTheInterrupt() {
        SdkMgnGateway interrupted = new SdkMgnGateway(mgn, duration -> {
            throw new InterruptedException("shutting down");
        });
        when(mgn.startTest(any(StartTestRequest.class))).thenThrow(throttled("1"));

        try {
            assertThatThrownBy(() -> interrupted.startTest(List.of("s-1")))
                    .isInstanceOf(MgnThrottledException.class)
                    .hasMessageContaining("Interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static ThrottlingException throttled(String retryAfterSeconds) {
        return ThrottlingException.builder()
                .statusCode(429)
                .message("Rate exceeded")
                .retryAfterSeconds(retryAfterSeconds)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
                .build();
    }
}
