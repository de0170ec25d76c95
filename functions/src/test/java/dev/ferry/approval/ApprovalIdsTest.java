package dev.ferry.approval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalIdsTest {

    @Test
    void aNewIdCarriesAtLeast128RandomBitsInUrlSafeBase64WithoutPadding() {
        String id = ApprovalIds.newId();

        assertThat(id).matches("[A-Za-z0-9_-]+").doesNotContain("=");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void everyCallGivesAnotherId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(ApprovalIds.newId());
        }

        assertThat(ids).hasSize(1_000);
    }

    @Test
    void aNewIdIsWellFormed() {
        assertThat(ApprovalIds.isWellFormed(ApprovalIds.newId())).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "Zq3vR8kW1tYb6NcH0mJx4LsP9aDf2Ge",      // one character short
            "Zq3vR8kW1tYb6NcH0mJx4LsP9aDf2GeUx",    // one character long
            "Zq3vR8kW1tYb6NcH0mJx4LsP9aDf2G+/",     // standard base64 alphabet, not URL-safe
            "Zq3vR8kW1tYb6NcH0mJx4LsP9aDf2G==",     // padding
            "Zq3vR8kW1tYb6NcH0mJx4LsP9aDf2G%2",     // percent-encoding
            "../../approvals/xxxxxxxxxxxxxxxx"})
    void textWithAnotherLengthOrAlphabetIsNotAnId(String candidate) {
        assertThat(ApprovalIds.isWellFormed(candidate)).isFalse();
    }
}
