package dev.ferry.network;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies source security groups into a target VPC: collects the groups (those named, and the
 * groups of the same VPC their rules reference, transitively), plans with
 * {@link SecurityGroupPlan}, creates the missing copies, plans again now that every copy exists,
 * then adds and takes away rules and tags each finished copy. Safe to run again at any point: a
 * rerun finds the copies by tag, finishes an interrupted one, and changes nothing on a finished
 * one (differences are reported).
 */
public class SecurityGroupRecreation {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityGroupRecreation.class);

    private final SourceEc2 source;
    private final TargetNetwork target;

    public SecurityGroupRecreation(SourceEc2 source, TargetNetwork target) {
        this.source = source;
        this.target = target;
    }

    /**
     * Makes sure every group of {@code sourceGroupIds} (and every group they reference in their
     * VPC) has a finished copy in {@code targetVpcId}.
     *
     * @throws SecurityGroupNotFoundException when one of {@code sourceGroupIds} does not exist,
     *                                        or a copy just made is not listed yet (retry)
     * @throws SecurityGroupConflictException when a group of the copy's name exists untagged
     */
    public RecreatedGroups recreate(String waveId, Collection<String> sourceGroupIds, String targetVpcId) {
        List<SecurityGroup> sources = collectSourceGroups(sourceGroupIds);
        List<String> sourceIds = sources.stream().map(SecurityGroup::groupId).toList();

        List<SecurityGroup> existing = target.findFerryGroups(targetVpcId, sourceIds);
        SecurityGroupPlan plan = SecurityGroupPlan.of(sources, existing, waveId);
        List<String> created = new ArrayList<>();
        if (!plan.toCreate().isEmpty()) {
            List<SecurityGroup> targets = new ArrayList<>(existing);
            for (SecurityGroupPlan.GroupToCreate group : plan.toCreate()) {
                String groupId = target.createGroup(targetVpcId, group);
                LOG.info("Created security group {} in {} as the copy of {}", groupId, targetVpcId, group.sourceGroupId());
                created.add(group.sourceGroupId());
                targets.add(justCreated(groupId));
            }
            plan = SecurityGroupPlan.of(sources, targets, waveId);
        }

        for (SecurityGroupPlan.RuleChange change : plan.toRevoke()) {
            target.revoke(change.targetGroupId(), change.direction(), List.of(change.rule()));
        }
        byGroupAndDirection(plan.toAuthorize()).forEach((key, rules) ->
                target.authorize(key.groupId(), key.direction(), rules));
        for (String groupId : plan.toMarkComplete()) {
            target.tag(groupId, Map.of(FerryTags.RULES, FerryTags.RULES_COMPLETE));
        }
        plan.differences().forEach(difference -> LOG.warn("Security group difference: {}", difference.text()));
        plan.outsideReferences().forEach(outside -> LOG.warn("Security group rule not copied: {}", outside.text()));
        return new RecreatedGroups(plan.targetBySource(), created, plan.toAuthorize().size(),
                plan.differences(), plan.outsideReferences());
    }

    /** The named groups and, transitively, the groups of their VPCs that their rules reference. */
    List<SecurityGroup> collectSourceGroups(Collection<String> sourceGroupIds) {
        Map<String, SecurityGroup> collected = new LinkedHashMap<>();
        for (SecurityGroup group : source.describeSecurityGroups(sourceGroupIds)) {
            collected.put(group.groupId(), group);
        }
        Set<String> missing = new LinkedHashSet<>(sourceGroupIds);
        missing.removeAll(collected.keySet());
        if (!missing.isEmpty()) {
            throw new SecurityGroupNotFoundException("Source security groups " + missing + " do not exist");
        }
        Set<String> vpcs = new LinkedHashSet<>();
        collected.values().forEach(group -> vpcs.add(group.vpcId()));

        Set<String> asked = new LinkedHashSet<>(collected.keySet());
        Deque<SecurityGroup> toRead = new ArrayDeque<>(collected.values());
        while (!toRead.isEmpty()) {
            Set<String> referenced = new LinkedHashSet<>();
            while (!toRead.isEmpty()) {
                referenced.addAll(referencedGroups(toRead.removeFirst()));
            }
            referenced.removeAll(asked);
            asked.addAll(referenced);
            if (!referenced.isEmpty()) {
                for (SecurityGroup group : source.describeSecurityGroups(referenced)) {
                    // A group of another VPC (a peering) has no place in the target VPC: the plan
                    // reports the rules naming it.
                    if (vpcs.contains(group.vpcId())) {
                        collected.put(group.groupId(), group);
                        toRead.addLast(group);
                    }
                }
            }
        }
        return List.copyOf(collected.values());
    }

    private static Set<String> referencedGroups(SecurityGroup group) {
        Set<String> ids = new LinkedHashSet<>();
        for (RuleDirection direction : RuleDirection.values()) {
            for (SecurityGroupRule rule : group.rules(direction)) {
                if (rule.peer() instanceof RulePeer.GroupReference reference) {
                    ids.add(reference.groupId());
                }
            }
        }
        return ids;
    }

    private SecurityGroup justCreated(String groupId) {
        return target.describeGroup(groupId).orElseThrow(() -> new SecurityGroupNotFoundException(
                "Security group " + groupId + " was just created but EC2 does not list it yet; retry"));
    }

    private static Map<GroupDirection, List<SecurityGroupRule>> byGroupAndDirection(
            List<SecurityGroupPlan.RuleChange> changes) {
        Map<GroupDirection, List<SecurityGroupRule>> grouped = new LinkedHashMap<>();
        for (SecurityGroupPlan.RuleChange change : changes) {
            grouped.computeIfAbsent(new GroupDirection(change.targetGroupId(), change.direction()),
                    key -> new ArrayList<>()).add(change.rule());
        }
        return grouped;
    }

    private record GroupDirection(String groupId, RuleDirection direction) {
    }

    /**
     * What a recreation left in place.
     *
     * @param targetBySource    the copy of every source group, by source group ID
     * @param created           the source groups whose copy this run created
     * @param rulesAdded        how many rules this run added
     * @param differences       what differs on finished copies (reported, not changed)
     * @param outsideReferences source rules that could not be copied
     */
    public record RecreatedGroups(Map<String, String> targetBySource, List<String> created, int rulesAdded,
                                  List<SecurityGroupPlan.RuleDifference> differences,
                                  List<SecurityGroupPlan.OutsideReference> outsideReferences) {

        public RecreatedGroups {
            targetBySource = Map.copyOf(targetBySource);
            created = List.copyOf(created);
            differences = List.copyOf(differences);
            outsideReferences = List.copyOf(outsideReferences);
        }
    }
}
