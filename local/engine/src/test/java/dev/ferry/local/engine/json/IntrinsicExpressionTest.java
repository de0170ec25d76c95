package dev.ferry.local.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntrinsicExpressionTest {

    private static final JsonNode INPUT = parse("""
            {"name": "wave-1", "count": 3, "servers": ["a", "b", "a"], "json": "{\\"k\\": 1}",
             "left": {"a": 1, "b": 1}, "right": {"b": 2}}""");

    @Test
    void formatFillsPlaceholdersInOrderAndKeepsEscapedBraces() {
        assertThat(eval("States.Format('Wave {} has {} servers \\\\{ok\\\\}', $.name, $.count)").textValue())
                .isEqualTo("Wave wave-1 has 3 servers {ok}");
    }

    @Test
    void formatRejectsAMismatchBetweenPlaceholdersAndArguments() {
        assertThatThrownBy(() -> eval("States.Format('{} {}', $.name)"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageContaining("more placeholders than arguments");
    }

    @Test
    void jsonConversionsRoundTrip() {
        assertThat(eval("States.StringToJson($.json)")).isEqualTo(parse("{\"k\":1}"));
        assertThat(eval("States.JsonToString($.left)").textValue()).isEqualTo("{\"a\":1,\"b\":1}");
    }

    @Test
    void arrayFunctionsBuildAndMeasureArrays() {
        assertThat(eval("States.Array($.name, 1, true, null)")).isEqualTo(parse("[\"wave-1\",1,true,null]"));
        assertThat(eval("States.ArrayLength($.servers)").intValue()).isEqualTo(3);
        assertThat(eval("States.ArrayUnique($.servers)")).isEqualTo(parse("[\"a\",\"b\"]"));
        assertThat(eval("States.ArrayPartition(States.ArrayRange(1, 5, 1), 2)")).isEqualTo(parse("[[1,2],[3,4],[5]]"));
        assertThat(eval("States.ArrayContains($.servers, 'b')").booleanValue()).isTrue();
        assertThat(eval("States.ArrayGetItem($.servers, 1)").textValue()).isEqualTo("b");
    }

    @Test
    void mathAddSumsIntegers() {
        assertThat(eval("States.MathAdd($.count, -1)").intValue()).isEqualTo(2);
    }

    @Test
    void uuidIsAVersionFourUuid() {
        assertThat(eval("States.UUID()").textValue())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void jsonMergeIsShallowWithTheSecondObjectWinning() {
        assertThat(eval("States.JsonMerge($.left, $.right, false)")).isEqualTo(parse("{\"a\":1,\"b\":2}"));
        assertThatThrownBy(() -> eval("States.JsonMerge($.left, $.right, true)"))
                .hasMessageContaining("only shallow merging");
    }

    @Test
    void stringAndEncodingFunctionsWork() {
        assertThat(eval("States.StringSplit('a,b;c', ',;')")).isEqualTo(parse("[\"a\",\"b\",\"c\"]"));
        assertThat(eval("States.Base64Decode(States.Base64Encode('ferry'))").textValue()).isEqualTo("ferry");
        assertThat(eval("States.Hash('ferry', 'SHA-256')").textValue()).hasSize(64);
    }

    @Test
    void unknownFunctionsAndWrongArityAreRefusedWhenParsing() {
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Frobnicate($.name)"))
                .hasMessageContaining("unsupported intrinsic function 'States.Frobnicate'");
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.ArrayLength($.a, $.b)"))
                .hasMessageContaining("States.ArrayLength takes 1 argument, got 2");
    }

    private static JsonNode eval(String expression) {
        return IntrinsicExpression.parse(expression).evaluate(new Bindings(INPUT, Json.object(), new SplittableRandom(3)));
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
