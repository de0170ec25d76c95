package dev.ferry.wave;

/**
 * MGN's account quotas that shape a wave, as the wave states them: what Ferry assumes when it may
 * not read the applied value from Service Quotas.
 *
 * @param replicatingServers source servers MGN replicates at once in the account and region
 *                           (initial sync and continuous replication alike); MGN's default is 150
 */
public record MgnQuotas(int replicatingServers) {

    /** MGN's defaults. */
    public static final MgnQuotas DEFAULT = new MgnQuotas(150);
}
