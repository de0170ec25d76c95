package dev.ferry.mgn;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.mgn.model.InternalServerException;
import software.amazon.awssdk.services.mgn.model.MgnException;
import software.amazon.awssdk.services.mgn.model.ThrottlingException;
import software.amazon.awssdk.services.mgn.model.ValidationException;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures the MGN SDK client retries by itself: the transient ones, never throttling. */
class MgnRetryPolicyTest {

    @Test
    void throttlingIsLeftToTheGateway() {
        assertThat(MgnRetryPolicy.isTransientButNotThrottling(
                ThrottlingException.builder().statusCode(429).message("Rate exceeded").build())).isFalse();
    }

    @Test
    void aThrottlingErrorCodeOnAnotherStatusIsLeftToTheGatewayToo() {
        MgnException throttled = (MgnException) MgnException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();

        assertThat(MgnRetryPolicy.isTransientButNotThrottling(throttled)).isFalse();
    }

    @Test
    void aServerErrorIsRetried() {
        assertThat(MgnRetryPolicy.isTransientButNotThrottling(
                InternalServerException.builder().statusCode(500).message("oops").build())).isTrue();
    }

    @Test
    void anIoFailureIsRetried() {
        assertThat(MgnRetryPolicy.isTransientButNotThrottling(SdkClientException.builder()
                .message("Unable to execute HTTP request").cause(new IOException("Connection reset")).build())).isTrue();
    }

    @Test
    void aValidationErrorIsNotRetried() {
        assertThat(MgnRetryPolicy.isTransientButNotThrottling(
                ValidationException.builder().statusCode(400).message("bad").build())).isFalse();
    }
}
