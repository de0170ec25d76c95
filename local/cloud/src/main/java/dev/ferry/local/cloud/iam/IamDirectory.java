package dev.ferry.local.cloud.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The roles and instance profiles of the simulated account, with IAM's rules: attaching a policy twice changes
 * nothing, a role holds at most ten managed policies (IAM's default quota), names are unique.
 */
final class IamDirectory {

    /** IAM's default quota of managed policies per role. */
    static final int POLICIES_PER_ROLE = IamSimulator.POLICIES_PER_ROLE;
    /** A managed policy's ARN: AWS's own ({@code iam::aws:}) or an account's, with an optional path. */
    static final Pattern POLICY_ARN = Pattern.compile("arn:aws(-[a-z]+)*:iam::(aws|\\d{12}):policy/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}");
    private static final int ID_LENGTH = 17;

    private final String accountId;
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private long nextId;

    IamDirectory(String accountId) {
        this.accountId = accountId;
    }

    synchronized Role addRole(String roleName, List<String> policyArns, Instant now) {
        if (roles.containsKey(roleName)) {
            throw new IamException(409, "EntityAlreadyExists", "Role with name " + roleName + " already exists.");
        }
        Role role = new Role(roleName, id("AROA"), "arn:aws:iam::" + accountId + ":role/" + roleName, now,
                new LinkedHashSet<>());
        roles.put(roleName, role);
        policyArns.forEach(arn -> attach(roleName, arn));
        return role;
    }

    synchronized Profile addProfile(String name, String roleName, Instant now) {
        if (profiles.containsKey(name)) {
            throw new IamException(409, "EntityAlreadyExists", "Instance Profile " + name + " already exists.");
        }
        role(roleName);
        Profile profile = new Profile(name, id("AIPA"), "arn:aws:iam::" + accountId + ":instance-profile/" + name,
                roleName, now);
        profiles.put(name, profile);
        return profile;
    }

    /** A role, or IAM's {@code NoSuchEntity}. */
    synchronized Role role(String roleName) {
        Role role = roles.get(roleName);
        if (role == null) {
            throw IamException.noSuchEntity("The role with name " + roleName + " cannot be found.");
        }
        return role;
    }

    /** An instance profile, or IAM's {@code NoSuchEntity}. */
    synchronized Profile profile(String name) {
        Profile profile = profiles.get(name);
        if (profile == null) {
            throw IamException.noSuchEntity("Instance Profile " + name + " cannot be found.");
        }
        return profile;
    }

    synchronized Optional<Profile> profileByArn(String arn) {
        return profiles.values().stream().filter(profile -> profile.arn().equals(arn)).findFirst();
    }

    /** The ARNs of the policies attached to a role, in the order they were attached. */
    synchronized List<String> attached(String roleName) {
        return new ArrayList<>(role(roleName).policyArns());
    }

    /**
     * Attaches a managed policy to a role; attaching it again changes nothing.
     *
     * @throws IamException {@code InvalidInput} for an ARN that is not a policy's, {@code NoSuchEntity} for an
     *                      unknown role, {@code LimitExceeded} past the quota
     */
    synchronized void attach(String roleName, String policyArn) {
        if (!POLICY_ARN.matcher(policyArn).matches()) {
            throw IamException.invalidInput("ARN " + policyArn + " is not valid.");
        }
        Set<String> attached = role(roleName).policyArns();
        if (!attached.contains(policyArn) && attached.size() >= POLICIES_PER_ROLE) {
            throw new IamException(409, "LimitExceeded", "Cannot exceed quota for PoliciesPerRole: " + POLICIES_PER_ROLE);
        }
        attached.add(policyArn);
    }

    /** A new ID in IAM's shape: a four-letter prefix and 17 upper-case letters and digits. */
    private String id(String prefix) {
        String sequence = Long.toString(++nextId, Character.MAX_RADIX).toUpperCase(Locale.ROOT);
        return prefix + "F".repeat(ID_LENGTH - sequence.length()) + sequence;
    }

    /** A role; {@code policyArns} is live inside the directory. */
    record Role(String roleName, String roleId, String arn, Instant createdAt, Set<String> policyArns) {
    }

    /** An instance profile with its one role. */
    record Profile(String name, String profileId, String arn, String roleName, Instant createdAt) {
    }
}
