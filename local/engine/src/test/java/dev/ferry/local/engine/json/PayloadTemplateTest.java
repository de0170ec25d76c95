package dev.ferry.local.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PayloadTemplateTest {

    @Test
    void dynamicFieldsLoseTheirSuffixAndStaticOnesAreCopiedThroughObjectsAndArrays() {
        PayloadTemplate template = PayloadTemplate.compile(parse("""
                {"wave.$": "$.wave", "fixed": {"n": 1},
                 "list": [{"token.$": "$$.Task.Token"}, "plain"],
                 "greeting.$": "States.Format('hi {}', $.wave)"}"""));

        JsonNode result = template.evaluate(new Bindings(parse("{\"wave\":\"w1\"}"),
                parse("{\"Task\":{\"Token\":\"t\"}}"), new SplittableRandom(1)));

        assertThat(result).isEqualTo(parse("""
                {"wave": "w1", "fixed": {"n": 1}, "list": [{"token": "t"}, "plain"], "greeting": "hi w1"}"""));
    }

    @Test
    void aPathThatSelectsNothingNamesTheFieldAndTheInput() {
        PayloadTemplate template = PayloadTemplate.compile(parse("{\"x.$\": \"$.missing\"}"));

        assertThatThrownBy(() -> template.evaluate(new Bindings(parse("{}"), parse("{}"), new SplittableRandom(1))))
                .isInstanceOf(JsonPathException.class)
                .hasMessage("The JSONPath '$.missing' specified for the field 'x.$' could not be found in the input '{}'");
    }

    @Test
    void aDynamicFieldMustHoldAString() {
        assertThatThrownBy(() -> PayloadTemplate.compile(parse("{\"x.$\": 5}")))
                .hasMessageContaining("must be a path or an intrinsic function call");
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
