package dev.ferry.local.engine.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** The intrinsic functions of the States Language, with their arity and behaviour. */
public enum IntrinsicFunction {

    FORMAT("States.Format", 1, Integer.MAX_VALUE) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            String template = text(args, 0);
            StringBuilder out = new StringBuilder();
            int used = 1;
            for (int i = 0; i < template.length(); i++) {
                char c = template.charAt(i);
                if (c == '\\' && i + 1 < template.length()) {
                    out.append(template.charAt(++i));
                } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    if (used >= args.size()) {
                        throw failure("has more placeholders than arguments");
                    }
                    out.append(render(args.get(used++)));
                    i++;
                } else {
                    out.append(c);
                }
            }
            if (used != args.size()) {
                throw failure("has more arguments than placeholders");
            }
            return NODES.textNode(out.toString());
        }

        private String render(JsonNode value) {
            return value.isTextual() ? value.textValue() : Json.write(value);
        }
    },
    STRING_TO_JSON("States.StringToJson", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            try {
                return Json.parse(text(args, 0));
            } catch (JsonProcessingException e) {
                throw failure("could not parse its argument as JSON");
            }
        }
    },
    JSON_TO_STRING("States.JsonToString", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            return NODES.textNode(Json.write(args.getFirst()));
        }
    },
    ARRAY("States.Array", 0, Integer.MAX_VALUE) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            return NODES.arrayNode().addAll(args);
        }
    },
    ARRAY_LENGTH("States.ArrayLength", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            return NODES.numberNode(array(args, 0).size());
        }
    },
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            ArrayNode array = array(args, 0);
            int index = integer(args, 1);
            if (index < 0 || index >= array.size()) {
                throw failure("index " + index + " is outside the array");
            }
            return array.get(index);
        }
    },
    ARRAY_CONTAINS("States.ArrayContains", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            ArrayNode array = array(args, 0);
            for (JsonNode element : array) {
                if (sameValue(element, args.get(1))) {
                    return NODES.booleanNode(true);
                }
            }
            return NODES.booleanNode(false);
        }
    },
    ARRAY_RANGE("States.ArrayRange", 3, 3) {
        private static final int MAX_ITEMS = 1000;

        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            int start = integer(args, 0);
            int end = integer(args, 1);
            int step = integer(args, 2);
            if (step == 0) {
                throw failure("step must not be 0");
            }
            ArrayNode range = NODES.arrayNode();
            for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
                if (range.size() == MAX_ITEMS) {
                    throw failure("would produce more than " + MAX_ITEMS + " items");
                }
                range.add(integerNode(value));
            }
            return range;
        }
    },
    ARRAY_PARTITION("States.ArrayPartition", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            ArrayNode array = array(args, 0);
            int size = integer(args, 1);
            if (size <= 0) {
                throw failure("chunk size must be positive");
            }
            ArrayNode chunks = NODES.arrayNode();
            ArrayNode chunk = null;
            for (int i = 0; i < array.size(); i++) {
                if (i % size == 0) {
                    chunk = chunks.addArray();
                }
                chunk.add(array.get(i));
            }
            return chunks;
        }
    },
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            Set<JsonNode> unique = new LinkedHashSet<>();
            array(args, 0).forEach(unique::add);
            return NODES.arrayNode().addAll(unique);
        }
    },
    STRING_SPLIT("States.StringSplit", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            ArrayNode parts = NODES.arrayNode();
            StringTokenizer tokens = new StringTokenizer(text(args, 0), text(args, 1));
            while (tokens.hasMoreTokens()) {
                parts.add(tokens.nextToken());
            }
            return parts;
        }
    },
    BASE64_ENCODE("States.Base64Encode", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            byte[] data = text(args, 0).getBytes(StandardCharsets.UTF_8);
            return NODES.textNode(Base64.getEncoder().encodeToString(data));
        }
    },
    BASE64_DECODE("States.Base64Decode", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            try {
                byte[] data = Base64.getDecoder().decode(text(args, 0));
                return NODES.textNode(new String(data, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw failure("its argument is not Base64");
            }
        }
    },
    HASH("States.Hash", 2, 2) {
        private static final List<String> ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            String algorithm = text(args, 1);
            if (!ALGORITHMS.contains(algorithm)) {
                throw failure("supports only " + ALGORITHMS + ", not " + algorithm);
            }
            JsonNode data = args.getFirst();
            String input = data.isTextual() ? data.textValue() : Json.write(data);
            try {
                byte[] digest = MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8));
                return NODES.textNode(HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("The JDK lacks " + algorithm, e);
            }
        }
    },
    MATH_ADD("States.MathAdd", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            return integerNode((long) integer(args, 0) + integer(args, 1));
        }
    },
    MATH_RANDOM("States.MathRandom", 2, 3) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            int start = integer(args, 0);
            int end = integer(args, 1);
            if (end <= start) {
                throw failure("end must be greater than start");
            }
            RandomGenerator source = args.size() == 3 ? new Random(integer(args, 2)) : random;
            return NODES.numberNode(source.nextInt(start, end));
        }
    },
    UUID_V4("States.UUID", 0, 0) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            long most = (random.nextLong() & ~0xF000L) | 0x4000L;
            long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
            return NODES.textNode(new UUID(most, least).toString());
        }
    },
    JSON_MERGE("States.JsonMerge", 3, 3) {
        @Override
        JsonNode apply(List<JsonNode> args, RandomGenerator random) {
            JsonNode deep = args.get(2);
            if (!deep.isBoolean()) {
                throw failure("expects a boolean third argument");
            }
            if (deep.booleanValue()) {
                throw failure("supports only shallow merging: the third argument must be false");
            }
            ObjectNode merged = object(args, 0).deepCopy();
            merged.setAll(object(args, 1).deepCopy());
            return merged;
        }
    };

    private static final JsonNodeFactory NODES = Json.nodes();

    private final String functionName;
    private final int minArguments;
    private final int maxArguments;

    IntrinsicFunction(String functionName, int minArguments, int maxArguments) {
        this.functionName = functionName;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    /** The name as written in a definition, e.g. {@code States.Format}. */
    public String functionName() {
        return functionName;
    }

    /** Finds a function by its definition name. */
    public static Optional<IntrinsicFunction> named(String name) {
        return Arrays.stream(values()).filter(f -> f.functionName.equals(name)).findFirst();
    }

    boolean acceptsArgumentCount(int count) {
        return count >= minArguments && count <= maxArguments;
    }

    String arityDescription() {
        if (minArguments == maxArguments) {
            return minArguments + " argument" + (minArguments == 1 ? "" : "s");
        }
        return maxArguments == Integer.MAX_VALUE
                ? "at least " + minArguments + " argument" + (minArguments == 1 ? "" : "s")
                : minArguments + " to " + maxArguments + " arguments";
    }

    abstract JsonNode apply(List<JsonNode> args, RandomGenerator random);

    IntrinsicFailureException failure(String problem) {
        return new IntrinsicFailureException("The function " + functionName + " " + problem);
    }

    String text(List<JsonNode> args, int index) {
        JsonNode arg = args.get(index);
        if (!arg.isTextual()) {
            throw failure("expects a string as argument " + (index + 1) + ", got " + Json.write(arg));
        }
        return arg.textValue();
    }

    int integer(List<JsonNode> args, int index) {
        JsonNode arg = args.get(index);
        if (!arg.isNumber() || !isIntegral(arg) || !arg.canConvertToInt()) {
            throw failure("expects an integer as argument " + (index + 1) + ", got " + Json.write(arg));
        }
        return arg.intValue();
    }

    ArrayNode array(List<JsonNode> args, int index) {
        JsonNode arg = args.get(index);
        if (!arg.isArray()) {
            throw failure("expects an array as argument " + (index + 1) + ", got " + Json.write(arg));
        }
        return (ArrayNode) arg;
    }

    ObjectNode object(List<JsonNode> args, int index) {
        JsonNode arg = args.get(index);
        if (!arg.isObject()) {
            throw failure("expects an object as argument " + (index + 1) + ", got " + Json.write(arg));
        }
        return (ObjectNode) arg;
    }

    /** The smallest integer node holding {@code value}, so results compare equal to parsed JSON. */
    static JsonNode integerNode(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    /** JSON equality, except that numbers are equal when their values are, whatever their Java type. */
    static boolean sameValue(JsonNode left, JsonNode right) {
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue()) == 0;
        }
        return left.equals(right);
    }

    private static boolean isIntegral(JsonNode number) {
        return number.isIntegralNumber() || number.decimalValue().stripTrailingZeros().scale() <= 0;
    }
}
