package dev.ferry.wave;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.ferry.wave.ObjectFields.keyPath;
import static dev.ferry.wave.ObjectFields.quote;

/**
 * The shapes of the AWS identifiers and names a wave definition holds. Each check records a
 * problem that says what the shape is, so the engineer can fix the value without a manual.
 */
final class AwsNames {

    static final int MAX_TAGS = 50;
    static final int MAX_TAG_KEY = 128;
    static final int MAX_TAG_VALUE = 256;

    static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d{1,2}$");
    static final Pattern SOURCE_SERVER_ID = Pattern.compile("^s-[0-9a-zA-Z]{17}$");
    static final Pattern INSTANCE_ID = Pattern.compile("^i-[0-9a-f]{8}([0-9a-f]{9})?$");
    static final Pattern SUBNET_ID = Pattern.compile("^subnet-[0-9a-f]{8}([0-9a-f]{9})?$");
    static final Pattern VPC_ID = Pattern.compile("^vpc-[0-9a-f]{8}([0-9a-f]{9})?$");
    static final Pattern AVAILABILITY_ZONE = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d{1,2}[a-z](-[a-z0-9]+)*$");
    static final Pattern HOSTED_ZONE_ID = Pattern.compile("^[A-Z0-9]{1,32}$");
    static final Pattern DNS_NAME =
            Pattern.compile("^(?=.{1,254}$)(\\*\\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.)*"
                    + "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.?$");
    static final Pattern SECURITY_GROUP_ID = Pattern.compile("^sg-[0-9a-f]{8}([0-9a-f]{9})?$");
    static final Pattern INSTANCE_TYPE = Pattern.compile("^[a-z][a-z0-9-]*\\.[a-z0-9]+(-[a-z0-9]+)*$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    static final int MAX_EMAIL = 254;

    private AwsNames() {
    }

    static void region(String value, String path, Problems problems) {
        check(REGION, value, path, problems, "is not an AWS region name (such as eu-central-1)");
    }

    static void sourceServerId(String value, String path, Problems problems) {
        check(SOURCE_SERVER_ID, value, path, problems,
                "is not an MGN source server ID (s- followed by 17 letters or digits)");
    }

    static void instanceId(String value, String path, Problems problems) {
        check(INSTANCE_ID, value, path, problems,
                "is not an EC2 instance ID (i- followed by 8 or 17 lowercase hexadecimal digits)");
    }

    static void subnetId(String value, String path, Problems problems) {
        check(SUBNET_ID, value, path, problems,
                "is not a subnet ID (subnet- followed by 8 or 17 lowercase hexadecimal digits)");
    }

    static void vpcId(String value, String path, Problems problems) {
        check(VPC_ID, value, path, problems, "is not a VPC ID (vpc- followed by 8 or 17 lowercase hexadecimal digits)");
    }

    static void availabilityZone(String value, String path, Problems problems) {
        check(AVAILABILITY_ZONE, value, path, problems, "is not an availability zone name (such as us-east-1a)");
    }

    static void hostedZoneId(String value, String path, Problems problems) {
        check(HOSTED_ZONE_ID, value, path, problems,
                "is not a Route 53 hosted zone ID (up to 32 upper-case letters and digits, such as Z0123456789ABCDEFGHIJ)");
    }

    static void dnsName(String value, String path, Problems problems) {
        check(DNS_NAME, value, path, problems, "is not a DNS name (such as media.example.com)");
    }

    static void securityGroupId(String value, String path, Problems problems) {
        check(SECURITY_GROUP_ID, value, path, problems,
                "is not a security group ID (sg- followed by 8 or 17 lowercase hexadecimal digits)");
    }

    static void instanceType(String value, String path, Problems problems) {
        check(INSTANCE_TYPE, value, path, problems, "is not an EC2 instance type (family.size, such as t3.micro)");
    }

    static void email(String value, String path, Problems problems) {
        if (value.length() > MAX_EMAIL) {
            problems.add(path, "is longer than " + MAX_EMAIL + " characters, too long for an email address");
        } else {
            check(EMAIL, value, path, problems, "is not an email address");
        }
    }

    /**
     * Tags as EC2 and MGN accept them: at most 50, keys of 1 to 128 characters that do not start
     * with the reserved {@code aws:} prefix, values of at most 256 characters.
     */
    static void tags(Map<String, String> tags, String path, Problems problems) {
        if (tags.size() > MAX_TAGS) {
            problems.add(path, "has " + tags.size() + " tags; AWS allows at most " + MAX_TAGS);
        }
        tags.forEach((key, value) -> {
            String tagPath = keyPath(path, key);
            if (key.isEmpty() || key.length() > MAX_TAG_KEY) {
                problems.add(tagPath, "a tag key must be 1 to " + MAX_TAG_KEY + " characters long");
            } else if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                problems.add(tagPath, "tag keys starting with aws: are reserved for AWS");
            }
            if (value.length() > MAX_TAG_VALUE) {
                problems.add(tagPath, "a tag value must be at most " + MAX_TAG_VALUE + " characters long");
            }
        });
    }

    private static void check(Pattern shape, String value, String path, Problems problems, String whatIsWrong) {
        if (!shape.matcher(value).matches()) {
            problems.add(path, quote(value) + " " + whatIsWrong);
        }
    }
}
