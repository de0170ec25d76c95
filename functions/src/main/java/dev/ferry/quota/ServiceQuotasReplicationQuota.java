package dev.ferry.quota;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * MGN's replicating-servers quota as Service Quotas applies it to the account: the quota of service
 * {@code mgn} whose name speaks of replicating servers. Anything that keeps it from being read (the
 * role may not call Service Quotas, the quota is not listed) leaves the wave's own setting in force.
 */
public final class ServiceQuotasReplicationQuota implements ReplicationQuota {

    static final String SERVICE_CODE = "mgn";

    private static final Logger LOG = LoggerFactory.getLogger(ServiceQuotasReplicationQuota.class);

    private final ServiceQuotasClient serviceQuotas;

    public ServiceQuotasReplicationQuota(ServiceQuotasClient serviceQuotas) {
        this.serviceQuotas = serviceQuotas;
    }

    @Override
    public OptionalInt replicatingServers() {
        try {
            for (ServiceQuota quota : serviceQuotas.listServiceQuotasPaginator(
                    request -> request.serviceCode(SERVICE_CODE)).quotas()) {
                if (isReplicatingServers(quota) && quota.value() != null) {
                    LOG.info("Service Quotas: {} ({}) is {}", quota.quotaName(), quota.quotaCode(), quota.value());
                    return OptionalInt.of(quota.value().intValue());
                }
            }
            LOG.info("Service Quotas lists no MGN quota of replicating servers; the wave's setting applies");
        } catch (SdkException unreadable) {
            LOG.info("Service Quotas could not be read ({}); the wave's setting applies", unreadable.getMessage());
        }
        return OptionalInt.empty();
    }

    /** Named like "Max concurrent replicating source servers": about servers, and about replicating. */
    static boolean isReplicatingServers(ServiceQuota quota) {
        String name = quota.quotaName() == null ? "" : quota.quotaName().toLowerCase(Locale.ROOT);
        return name.contains("replicating") && name.contains("server");
    }
}
