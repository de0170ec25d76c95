package dev.ferry.retry;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.mgn.model.InternalServerException;
import software.amazon.awssdk.services.mgn.model.MgnException;
import software.amazon.awssdk.services.mgn.model.ThrottlingException;
import software.amazon.awssdk.services.mgn.model.ValidationException;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are transient: the MGN SDK client retries those but throttling itself, and a
 * stage that meets one after every retry fails with a name the state machine retries.
 */
class TransientFailuresTest {

    @Test
    void throttlingIsLeftToTheGateway() {
        assertThat(TransientFailures.isTransientButNotThrottling(
                ThrottlingException.builder().statusCode(429).message("Rate exceeded").build())).isFalse();
    }

    @Test
    void aThrottlingErrorCodeOnAnotherStatusIsLeftToTheGatewayToo() {
        MgnException throttled = (MgnException) MgnException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();

        assertThat(TransientFailures.isTransientButNotThrottling(throttled)).isFalse();
    }

    @Test
    void aServerErrorIsRetried() {
        assertThat(TransientFailures.isTransientButNotThrottling(
                InternalServerException.builder().statusCode(500).message("oops").build())).isTrue();
    }

    @Test
    void anIoFailureIsRetried() {
        assertThat(TransientFailures.isTransientButNotThrottling(SdkClientException.builder()
                .message("Unable to execute HTTP request").cause(new IOException("Connection reset")).build())).isTrue();
    }

    @Test
    void aValidationErrorIsNotRetried() {
        assertThat(TransientFailures.isTransientButNotThrottling(
                ValidationException.builder().statusCode(400).message("bad").build())).isFalse();
    }

    @Test
    void throttlingOfAnyServiceIsTransient() {
        Ec2Exception requestLimit = (Ec2Exception) Ec2Exception.builder().statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("RequestLimitExceeded").build()).build();

        assertThat(TransientFailures.isTransient(requestLimit)).isTrue();
        assertThat(TransientFailures.isTransient(
                ThrottlingException.builder().statusCode(429).message("Rate exceeded").build())).isTrue();
    }

    @Test
    void aFailedConditionOrAnUnexpectedBugIsNotTransient() {
        assertThat(TransientFailures.isTransient(ConditionalCheckFailedException.builder().statusCode(400)
                .message("The conditional request failed").build())).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
    }
}
