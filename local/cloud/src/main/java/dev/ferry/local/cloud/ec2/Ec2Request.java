package dev.ferry.local.cloud.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One EC2 query-protocol request, routed to its region: the form's flattened parameters
 * ({@code GroupId}, {@code IpPermissions.1.FromPort}, {@code Filter.2.Value.1}...) with readers for them.
 *
 * @param region the region the request was signed for
 * @param form   the decoded form
 */
record Ec2Request(Ec2Region region, Map<String, String> form) {

    String action() {
        return form.getOrDefault("Action", "");
    }

    /** A parameter that must be given, or EC2's {@code MissingParameter}. */
    String required(String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new Ec2Exception("MissingParameter", "The request must contain the parameter " + name);
        }
        return value;
    }

    /** A parameter, or null. */
    String optional(String name) {
        return form.get(name);
    }

    /** An integer parameter, or null; EC2's {@code InvalidParameterValue} when it is not one. */
    Integer integer(String name) {
        String value = form.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw Ec2Exception.invalidParameterValue("Invalid value '" + value + "' for " + name);
        }
    }

    /** The values of a list parameter {@code Name.1}, {@code Name.2}... in order. */
    List<String> list(String name) {
        return indexed(form, name, "");
    }

    /**
     * The tags of a new resource from {@code TagSpecification.N}, for its resource type; EC2 refuses a
     * specification of another type.
     */
    Map<String, String> tagSpecification(String resourceType) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int n = 1; form.containsKey("TagSpecification." + n + ".ResourceType"); n++) {
            String prefix = "TagSpecification." + n + ".";
            String type = form.get(prefix + "ResourceType");
            if (!resourceType.equals(type)) {
                throw Ec2Exception.invalidParameterValue("'" + type + "' is not a valid taggable resource type for "
                        + "this operation.");
            }
            tags.putAll(tags(prefix + "Tag"));
        }
        return tags;
    }

    /** Tags given as {@code <prefix>.N.Key} and {@code <prefix>.N.Value}. */
    Map<String, String> tags(String prefix) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int t = 1; form.containsKey(prefix + "." + t + ".Key"); t++) {
            tags.put(form.get(prefix + "." + t + ".Key"), form.getOrDefault(prefix + "." + t + ".Value", ""));
        }
        return tags;
    }

    /** The values of {@code <name>.1<suffix>}, {@code <name>.2<suffix>}... in order. */
    static List<String> indexed(Map<String, String> fields, String name, String suffix) {
        List<String> values = new ArrayList<>();
        for (int n = 1; fields.containsKey(name + "." + n + suffix); n++) {
            values.add(fields.get(name + "." + n + suffix));
        }
        return values;
    }
}
