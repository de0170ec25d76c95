package dev.ferry.local.cloud.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRequestTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String IAM_VERSION = "2010-05-08";

    @Test
    void aPostedFormWithTheApiVersionIsAQueryCallToThatApi() {
        assertThat(request("POST", FORM, "Action=GetInstanceProfile&Version=2010-05-08").isQueryCall(IAM_VERSION))
                .isTrue();
    }

    @Test
    void aFormForAnotherApiVersionIsNotAQueryCallToThisOne() {
        assertThat(request("POST", FORM, "Action=Publish&Version=2010-03-31").isQueryCall(IAM_VERSION)).isFalse();
    }

    @Test
    void aJsonBodyIsNoQueryCallWhateverItSays() {
        assertThat(request("POST", "application/json", "Version=2010-05-08").isQueryCall(IAM_VERSION)).isFalse();
    }

    @Test
    void aGetIsNoQueryCall() {
        assertThat(request("GET", FORM, "Version=2010-05-08").isQueryCall(IAM_VERSION)).isFalse();
    }

    private static LocalRequest request(String method, String contentType, String body) {
        return new LocalRequest(method, "/", "", Map.of("Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
