package dev.ferry.local.cloud.ec2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * EC2's {@code Filter.N.Name} / {@code Filter.N.Value.M} for one kind of resource: a resource is kept when,
 * for every filter, one of its values matches one of the filter's values (with EC2's {@code *} and {@code ?}
 * wildcards). {@code tag:<key>} and {@code tag-key} filter on tags. A filter name the resource does not have is
 * refused, as EC2 does.
 *
 * @param <T> the resource
 */
final class Filters<T> {

    private final Map<String, Function<T, Collection<String>>> fields;
    private final Function<T, Map<String, String>> tags;

    /**
     * @param fields the filter names of the resource and its values for each
     * @param tags   the resource's tags
     */
    Filters(Map<String, Function<T, Collection<String>>> fields, Function<T, Map<String, String>> tags) {
        this.fields = Map.copyOf(fields);
        this.tags = tags;
    }

    /** The items the request's filters keep, in order. */
    List<T> select(Ec2Request request, List<T> items) {
        Map<String, List<Pattern>> filters = new LinkedHashMap<>();
        for (int n = 1; request.form().containsKey("Filter." + n + ".Name"); n++) {
            String name = request.form().get("Filter." + n + ".Name");
            if (!fields.containsKey(name) && !name.startsWith("tag:") && !name.equals("tag-key")) {
                throw Ec2Exception.invalidParameterValue("The filter '" + name + "' is invalid");
            }
            List<Pattern> values = new ArrayList<>();
            Ec2Request.indexed(request.form(), "Filter." + n + ".Value", "").forEach(value -> values.add(glob(value)));
            filters.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values);
        }
        return items.stream().filter(item -> filters.entrySet().stream()
                .allMatch(filter -> matches(valuesOf(item, filter.getKey()), filter.getValue()))).toList();
    }

    private Collection<String> valuesOf(T item, String name) {
        if (name.startsWith("tag:")) {
            String value = tags.apply(item).get(name.substring("tag:".length()));
            return value == null ? List.of() : List.of(value);
        }
        if (name.equals("tag-key")) {
            return tags.apply(item).keySet();
        }
        return fields.get(name).apply(item);
    }

    private static boolean matches(Collection<String> values, List<Pattern> patterns) {
        return values.stream().anyMatch(value -> patterns.stream().anyMatch(pattern -> pattern.matcher(value).matches()));
    }

    /** EC2's wildcards: {@code *} any run of characters, {@code ?} one; a backslash escapes them. */
    private static Pattern glob(String value) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                regex.append(Pattern.quote(String.valueOf(value.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
