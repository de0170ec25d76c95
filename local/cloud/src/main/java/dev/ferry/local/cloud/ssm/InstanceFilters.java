package dev.ferry.local.cloud.ssm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * DescribeInstanceInformation's filters, in either form: {@code Filters} ({@code Key}, {@code Values})
 * or the older {@code InstanceInformationFilterList} ({@code key}, {@code valueSet}), never both. An
 * instance must match every filter, and one of the values of each.
 */
final class InstanceFilters {

    private static final Map<String, Function<ManagedInstanceSpec, String>> KEYS = Map.of(
            "InstanceIds", ManagedInstanceSpec::instanceId,
            "PingStatus", instance -> instance.pingStatus().wireName(),
            "PlatformTypes", instance -> instance.platform().platformType(),
            "ResourceType", instance -> "EC2Instance");

    private InstanceFilters() {
    }

    static Predicate<ManagedInstanceSpec> of(JsonNode body) {
        JsonNode filters = body.path("Filters");
        JsonNode legacy = body.path("InstanceInformationFilterList");
        if (!filters.isMissingNode() && !filters.isNull() && !legacy.isMissingNode() && !legacy.isNull()) {
            throw new SsmException("InvalidInstanceInformationFilterValue",
                    "Filters and InstanceInformationFilterList cannot be used together");
        }
        List<Predicate<ManagedInstanceSpec>> all = new ArrayList<>();
        filters.forEach(filter -> all.add(filter(filter.path("Key").asText(), filter.path("Values"))));
        legacy.forEach(filter -> all.add(filter(filter.path("key").asText(), filter.path("valueSet"))));
        return instance -> all.stream().allMatch(filter -> filter.test(instance));
    }

    private static Predicate<ManagedInstanceSpec> filter(String key, JsonNode values) {
        Function<ManagedInstanceSpec, String> attribute = KEYS.get(key);
        if (attribute == null) {
            throw new SsmException("InvalidFilterKey", "The rehearsal's Systems Manager filters instances by "
                    + String.join(", ", KEYS.keySet().stream().sorted().toList()) + ", not by " + key);
        }
        if (!values.isArray() || values.isEmpty()) {
            throw new SsmException("InvalidInstanceInformationFilterValue", "Filter " + key + " needs at least one value");
        }
        List<String> accepted = new ArrayList<>();
        values.forEach(value -> accepted.add(value.asText()));
        return instance -> accepted.contains(attribute.apply(instance));
    }
}
