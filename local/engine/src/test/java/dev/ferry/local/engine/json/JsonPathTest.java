package dev.ferry.local.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonPathTest {

    private static final JsonNode DOCUMENT = parse("""
            {"detail": {"job-id": "mgnjob-1", "servers": [{"id": "s-1"}, {"id": "s-2"}]},
             "quoted key": 7}""");

    @Test
    void dotFieldsWithHyphensAndIndexesSelectNestedValues() {
        assertThat(JsonPath.parse("$.detail.job-id").read(DOCUMENT).textValue()).isEqualTo("mgnjob-1");
        assertThat(JsonPath.parse("$.detail.servers[1].id").read(DOCUMENT).textValue()).isEqualTo("s-2");
    }

    @Test
    void quotedFieldNamesMayContainSpaces() {
        assertThat(JsonPath.parse("$['quoted key']").read(DOCUMENT).intValue()).isEqualTo(7);
    }

    @Test
    void aWildcardCollectsEveryMatchIntoAnArray() {
        assertThat(JsonPath.parse("$.detail.servers[*].id").read(DOCUMENT)).isEqualTo(parse("[\"s-1\",\"s-2\"]"));
    }

    @Test
    void aMissingFieldIsAnErrorRatherThanNull() {
        assertThatThrownBy(() -> JsonPath.parse("$.detail.missing").read(DOCUMENT))
                .isInstanceOf(JsonPathException.class);
    }

    @Test
    void aContextPathReadsTheContextObject() {
        Bindings bindings = new Bindings(DOCUMENT, parse("{\"State\":{\"Name\":\"Go\"}}"), new SplittableRandom(1));

        assertThat(JsonPath.parse("$$.State.Name").read(bindings).textValue()).isEqualTo("Go");
    }

    @Test
    void writingCreatesMissingObjectsAndLeavesTheOriginalUntouched() {
        JsonNode written = JsonPath.parse("$.result.value").write(DOCUMENT, parse("42"));

        assertThat(written.at("/result/value").intValue()).isEqualTo(42);
        assertThat(written.at("/detail/job-id").textValue()).isEqualTo("mgnjob-1");
        assertThat(DOCUMENT.has("result")).isFalse();
    }

    @Test
    void writingThroughANonObjectFails() {
        assertThatThrownBy(() -> JsonPath.parse("$.quoted.x").write(parse("{\"quoted\": 1}"), parse("2")))
                .isInstanceOf(JsonPathException.class)
                .hasMessageContaining("Unable to apply ReferencePath $.quoted.x");
    }

    @Test
    void unsupportedSyntaxIsRefusedWhenParsing() {
        assertThatThrownBy(() -> JsonPath.parse("$..id")).hasMessageContaining("deep scan");
        assertThatThrownBy(() -> JsonPath.parse("$.a[?(@.b)]")).hasMessageContaining("only [index]");
        assertThatThrownBy(() -> JsonPath.parse("detail")).hasMessageContaining("must start with '$'");
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
