package dev.ferry.local.cloud.iam;

import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;
import dev.ferry.local.cloud.xml.XmlWriter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The part of IAM the controller uses, in IAM's query protocol (form-encoded POST, XML answers; IAM is global,
 * its requests are signed for us-east-1): GetInstanceProfile, ListAttachedRolePolicies (paged with
 * {@code Marker}) and AttachRolePolicy. Roles and instance profiles come from the environment and from
 * {@link #addRole} and {@link #addInstanceProfile}, the way the stack's own would be made.
 */
public final class IamSimulator implements LocalService {

    /** IAM's default quota of managed policies attached to one role. */
    public static final int POLICIES_PER_ROLE = 10;

    private static final String API_VERSION = "2010-05-08";
    private static final String NAMESPACE = "https://iam.amazonaws.com/doc/" + API_VERSION + "/";
    private static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private final Clock clock;
    private final IamDirectory directory;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /**
     * @param clock     the rehearsal's clock
     * @param accountId the account the roles and profiles belong to
     * @param resources the roles and instance profiles that exist at the start
     * @throws IllegalArgumentException when a profile names a role that is not there, or a name is used twice
     */
    public IamSimulator(Clock clock, String accountId, IamResources resources) {
        this.clock = clock;
        this.directory = new IamDirectory(accountId);
        resources.roles().forEach(role -> addRole(role.roleName(), role.attachedPolicyArns()));
        resources.instanceProfiles().forEach(profile -> addInstanceProfile(profile.name(), profile.roleName()));
    }

    /**
     * Adds a role that EC2 instances may assume, with managed policies attached.
     *
     * @return the role's ARN
     * @throws IllegalArgumentException when the name is taken or a policy ARN is not one
     */
    public String addRole(String roleName, Collection<String> policyArns) {
        try {
            return directory.addRole(roleName, List.copyOf(policyArns), clock.instant()).arn();
        } catch (IamException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Adds an instance profile carrying a role, as the stack's agent instance profile would be made.
     *
     * @return the instance profile's ARN
     * @throws IllegalArgumentException when the name is taken or the role is not there
     */
    public String addInstanceProfile(String name, String roleName) {
        try {
            return directory.addProfile(name, roleName, clock.instant()).arn();
        } catch (IamException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Whether IAM reads this as a managed policy's ARN: AWS's own ({@code iam::aws:}) or an account's. */
    public static boolean isManagedPolicyArn(String arn) {
        return IamDirectory.POLICY_ARN.matcher(arn).matches();
    }

    /** IAM's ID of an instance profile (what EC2 shows next to its ARN), or empty for one that is not there. */
    public Optional<String> instanceProfileId(String instanceProfileArn) {
        return directory.profileByArn(instanceProfileArn).map(IamDirectory.Profile::profileId);
    }

    /**
     * The ARNs of the managed policies attached to a role, in the order they were attached.
     *
     * @throws IllegalArgumentException for a role that is not there
     */
    public List<String> attachedPolicyArns(String roleName) {
        try {
            return directory.attached(roleName);
        } catch (IamException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The actions called so far, in order. */
    public List<String> calls() {
        return Collections.unmodifiableList(calls);
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return request.isQueryCall(API_VERSION);
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        Map<String, String> form = request.form();
        String action = form.getOrDefault("Action", "");
        calls.add(action);
        try {
            String xml = switch (action) {
                case "GetInstanceProfile" -> getInstanceProfile(form);
                case "ListAttachedRolePolicies" -> listAttachedRolePolicies(form);
                case "AttachRolePolicy" -> attachRolePolicy(form);
                default -> throw new IamException(400, "InvalidAction", "Could not find operation " + action
                        + " (the rehearsal's IAM answers GetInstanceProfile, ListAttachedRolePolicies and AttachRolePolicy)");
            };
            return LocalResponse.of(200, "text/xml", xml);
        } catch (IamException e) {
            return LocalResponse.of(e.status(), "text/xml", error(e));
        }
    }

    private String getInstanceProfile(Map<String, String> form) {
        IamDirectory.Profile profile = directory.profile(required(form, "InstanceProfileName"));
        IamDirectory.Role role = directory.role(profile.roleName());
        XmlWriter xml = result("GetInstanceProfile").start("InstanceProfile")
                .element("Path", "/").element("InstanceProfileName", profile.name())
                .element("InstanceProfileId", profile.profileId()).element("Arn", profile.arn())
                .element("CreateDate", profile.createdAt())
                .start("Roles").start("member")
                .element("Path", "/").element("RoleName", role.roleName()).element("RoleId", role.roleId())
                .element("Arn", role.arn()).element("CreateDate", role.createdAt())
                .element("AssumeRolePolicyDocument", URLEncoder.encode(EC2_TRUST, StandardCharsets.UTF_8))
                .end().end().end();
        return finish(xml);
    }

    private String listAttachedRolePolicies(Map<String, String> form) {
        List<String> attached = directory.attached(required(form, "RoleName"));
        int size = pageSize(form.get("MaxItems"));
        int start = start(form.get("Marker"), attached.size());
        int end = Math.min(attached.size(), start + size);
        XmlWriter xml = result("ListAttachedRolePolicies").start("AttachedPolicies");
        for (String arn : attached.subList(start, end)) {
            xml.start("member").element("PolicyName", arn.substring(arn.lastIndexOf('/') + 1))
                    .element("PolicyArn", arn).end();
        }
        xml.end().element("IsTruncated", end < attached.size());
        if (end < attached.size()) {
            xml.element("Marker", marker(end));
        }
        return finish(xml);
    }

    private String attachRolePolicy(Map<String, String> form) {
        directory.attach(required(form, "RoleName"), required(form, "PolicyArn"));
        return new XmlWriter().startDocument("AttachRolePolicyResponse", NAMESPACE)
                .start("ResponseMetadata").element("RequestId", UUID.randomUUID()).end().end().toString();
    }

    /** {@code <ActionResponse><ActionResult>}, left open for the result's fields. */
    private static XmlWriter result(String action) {
        return new XmlWriter().startDocument(action + "Response", NAMESPACE).start(action + "Result");
    }

    /** Closes the result and adds the response metadata. */
    private static String finish(XmlWriter xml) {
        return xml.end().start("ResponseMetadata").element("RequestId", UUID.randomUUID()).end().end().toString();
    }

    private static int pageSize(String maxItems) {
        if (maxItems == null) {
            return DEFAULT_PAGE;
        }
        try {
            int size = Integer.parseInt(maxItems);
            if (size >= 1 && size <= MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new IamException(400, "ValidationError", "1 validation error detected: Value '" + maxItems
                + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and " + MAX_PAGE);
    }

    private static int start(String marker, int size) {
        if (marker == null || marker.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            int start = Integer.parseInt(decoded);
            if (start >= 0 && start <= size) {
                return start;
            }
        } catch (IllegalArgumentException malformed) {
            // refused below
        }
        throw IamException.invalidInput("Invalid Marker " + marker);
    }

    private static String marker(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.valueOf(offset).getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw new IamException(400, "ValidationError", "1 validation error detected: Value null at '"
                    + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private static String error(IamException e) {
        return new XmlWriter().startDocument("ErrorResponse", NAMESPACE).start("Error")
                .element("Type", e.status() >= 500 ? "Receiver" : "Sender").element("Code", e.code())
                .element("Message", e.getMessage()).end()
                .element("RequestId", UUID.randomUUID()).end().toString();
    }
}
