package dev.ferry.local.mgn.model;

import java.time.Instant;
import java.util.Map;

/**
 * One item of {@code DescribeJobLogItems}.
 *
 * @param at        {@code logDateTime}
 * @param event     {@code event}, e.g. JOB_START, CONVERSION_END, LAUNCH_FAILED
 * @param eventData {@code eventData} members by wire name (sourceServerID, targetInstanceID, ...)
 */
public record JobLogItem(Instant at, String event, Map<String, String> eventData) {

    public JobLogItem {
        eventData = Map.copyOf(eventData);
    }
}
