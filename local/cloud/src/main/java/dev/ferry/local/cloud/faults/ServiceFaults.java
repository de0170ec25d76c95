package dev.ferry.local.cloud.faults;

import dev.ferry.local.mgn.environment.ObjectReader;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Faults of the simulated AWS services that a rehearsal injects, per service, as the real cloud has
 * them: throttling, 500/503 answers, and time-outs after the service applied the request. Seeded:
 * each service draws from its own sequence, so the same seed over the same requests gives the same
 * faults. From the environment file:
 *
 * <pre>{@code
 * "faults": { "services": { "seed": 7,
 *     "mgn": { "throttledPercent": 3, "serverErrorPercent": 2, "timeoutAfterApplyPercent": 2 },
 *     "dynamodb": { "timeoutAfterApplyPercent": 5 } } }
 * }</pre>
 *
 * @param rates per service; a service not named never fails
 * @param seed  where the random choices start
 */
public record ServiceFaults(Map<FaultyServiceName, ServiceFaultRates> rates, long seed) {

    /** No fault anywhere. */
    public static final ServiceFaults NONE = new ServiceFaults(Map.of(), 0);

    /** The rates {@code --chaos SEED} uses for every service: each kind of fault a few times per rehearsal. */
    static final ServiceFaultRates CHAOS_RATES = new ServiceFaultRates(3, 3, 3);

    public ServiceFaults {
        rates = Map.copyOf(rates);
    }

    /** Every service at {@link #CHAOS_RATES}. */
    public static ServiceFaults chaos(long seed) {
        Map<FaultyServiceName, ServiceFaultRates> all = new EnumMap<>(FaultyServiceName.class);
        for (FaultyServiceName service : FaultyServiceName.values()) {
            all.put(service, CHAOS_RATES);
        }
        return new ServiceFaults(all, seed);
    }

    /** The rates of one service. */
    public ServiceFaultRates of(FaultyServiceName service) {
        return rates.getOrDefault(service, ServiceFaultRates.NONE);
    }

    /** A fresh source of one service's faults, from the seed. */
    public Source source(FaultyServiceName service) {
        return new Source(of(service), new Random(seed * 31 + service.ordinal()));
    }

    /** Draws each request's fault in turn. */
    public static final class Source {
        private final ServiceFaultRates rates;
        private final Random random;

        private Source(ServiceFaultRates rates, Random random) {
            this.rates = rates;
            this.random = random;
        }

        public synchronized ServiceFault next() {
            return rates.any() ? rates.faultOf(random.nextInt(100)) : ServiceFault.NONE;
        }

        /** Whether a server error is a 503 rather than a 500. */
        public synchronized boolean unavailable() {
            return random.nextBoolean();
        }
    }

    /** Reads {@code services} of an environment file's {@code faults} section, noting each problem by path. */
    public static ServiceFaults fromJson(Optional<ObjectReader> faults) {
        return faults.flatMap(section -> section.optionalObject("services")).map(services -> {
            services.rejectUnknownFields(Stream.concat(Stream.of("seed"),
                    Arrays.stream(FaultyServiceName.values()).map(FaultyServiceName::fieldName)).toArray(String[]::new));
            Map<FaultyServiceName, ServiceFaultRates> rates = new EnumMap<>(FaultyServiceName.class);
            for (FaultyServiceName service : FaultyServiceName.values()) {
                services.optionalObject(service.fieldName())
                        .map(ServiceFaultRates::read)
                        .ifPresent(read -> rates.put(service, read));
            }
            long seed = services.optionalWholeNumber("seed", 0, Long.MAX_VALUE).orElse(1L);
            return new ServiceFaults(rates, seed);
        }).orElse(NONE);
    }
}
