package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.http.CredentialScope;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The part of EC2 the controller uses, in EC2's query protocol (form-encoded POST, XML answers), so the real SDK
 * and AWS CLI are its clients. It simulates two regions, told apart by the region of each request's signature:
 * the source region (the servers to move, their security groups, instance profile associations) and the target
 * region (MGN's launch templates and launched instances, the key pairs and security groups made for the wave).
 * Every action works in both regions on what that region holds. An unsigned request goes to the target region.
 */
public final class Ec2Simulator implements LocalService {

    private static final Map<String, Ec2Action> ACTIONS = actions();

    private final Map<String, Ec2Region> regions;
    private final Ec2Region defaultRegion;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    private Ec2Simulator(Map<String, Ec2Region> regions, Ec2Region defaultRegion) {
        this.regions = Map.copyOf(regions);
        this.defaultRegion = defaultRegion;
    }

    /** A simulator of EC2 in an account, on the rehearsal's clock; give it its regions before building it. */
    public static Builder builder(Clock clock, String accountId) {
        return new Builder(clock, accountId);
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return request.isQueryCall(Ec2Xml.API_VERSION);
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        Map<String, String> form = request.form();
        String action = form.getOrDefault("Action", "");
        calls.add(action);
        try {
            Ec2Region region = regionOf(request);
            Ec2Action answer = ACTIONS.get(action);
            if (answer == null) {
                throw new Ec2Exception("InvalidAction", "The action " + action + " is not valid for this web service "
                        + "(the rehearsal's EC2 answers " + String.join(", ", new TreeSet<>(ACTIONS.keySet())) + ").");
            }
            return LocalResponse.of(200, "text/xml;charset=UTF-8", answer.answer(new Ec2Request(region, form)));
        } catch (Ec2Exception e) {
            return LocalResponse.of(400, "text/xml;charset=UTF-8", Ec2Xml.error(e));
        }
    }

    /** The actions called so far, in order, in every region. */
    public List<String> calls() {
        return Collections.unmodifiableList(calls);
    }

    private Ec2Region regionOf(LocalRequest request) {
        Optional<CredentialScope> scope = CredentialScope.of(request);
        if (scope.isEmpty()) {
            return defaultRegion;
        }
        Ec2Region region = regions.get(scope.get().region());
        if (region == null) {
            throw new Ec2Exception("AuthFailure", "The request is signed for " + scope.get().region()
                    + ", where the rehearsal simulates no EC2 (it simulates " + String.join(" and ", new TreeSet<>(regions.keySet()))
                    + "): check the client's region.");
        }
        return region;
    }

    private static Map<String, Ec2Action> actions() {
        Map<String, Ec2Action> actions = new LinkedHashMap<>();
        InstanceActions.register(actions);
        LaunchTemplateActions.register(actions);
        SecurityGroupActions.register(actions);
        KeyPairActions.register(actions);
        TagActions.register(actions);
        return Map.copyOf(actions);
    }

    /** Gathers the regions of a simulator. The target region is required; the source region may be the same one. */
    public static final class Builder {

        private final Clock clock;
        private final String accountId;
        private String targetRegion;
        private RegionResources targetResources = RegionResources.NONE;
        private Supplier<List<SimulatedInstance>> launched = List::of;
        private Function<String, Optional<String>> templateNames = id -> Optional.empty();
        private String sourceRegion;
        private RegionResources sourceResources = RegionResources.NONE;
        private Function<String, Optional<String>> instanceProfileIds = arn -> Optional.empty();

        private Builder(Clock clock, String accountId) {
            this.clock = clock;
            this.accountId = accountId;
        }

        /**
         * The region MGN works in.
         *
         * @param resources     what the environment has there
         * @param launched      the instances MGN has launched so far
         * @param templateNames the name of each launch template MGN made, by ID
         */
        public Builder targetRegion(String region, RegionResources resources, Supplier<List<SimulatedInstance>> launched,
                                    Function<String, Optional<String>> templateNames) {
            this.targetRegion = region;
            this.targetResources = resources;
            this.launched = launched;
            this.templateNames = templateNames;
            return this;
        }

        /** The region the servers run in, with what the environment has there. */
        public Builder sourceRegion(String region, RegionResources resources) {
            this.sourceRegion = region;
            this.sourceResources = resources;
            return this;
        }

        /** IAM's ID of an instance profile by its ARN; empty for one IAM does not have. */
        public Builder instanceProfileIds(Function<String, Optional<String>> instanceProfileIds) {
            this.instanceProfileIds = instanceProfileIds;
            return this;
        }

        public Ec2Simulator build() {
            if (targetRegion == null) {
                throw new IllegalStateException("The target region of the simulated EC2 is not set");
            }
            boolean oneRegion = sourceRegion == null || sourceRegion.equals(targetRegion);
            RegionResources targetHolds = oneRegion ? targetResources.with(sourceResources) : targetResources;
            Map<String, Ec2Region> regions = new LinkedHashMap<>();
            Ec2Region target = Ec2Region.of(targetRegion, accountId, clock, targetHolds, launched, templateNames,
                    instanceProfileIds);
            regions.put(targetRegion, target);
            if (!oneRegion) {
                regions.put(sourceRegion, Ec2Region.of(sourceRegion, accountId, clock, sourceResources, List::of,
                        id -> Optional.empty(), instanceProfileIds));
            }
            return new Ec2Simulator(regions, target);
        }
    }
}
