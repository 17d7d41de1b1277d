package dev.hashi.content.workflow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduled publishing, under {@code cms.content.schedule}.
 *
 * @param pollInterval how often each replica looks for due jobs (default 1s)
 * @param lease        how long a claimed job may run before another replica may take it over (default 60s)
 * @param enabled      whether this replica runs due jobs (default true)
 * @param maxAttempts  how many times a job is tried (a runner that dies holding it counts as a try) before it is
 *                     marked {@code failed} (default 3)
 * @param retryBackoff how long a job waits after a failed try, multiplied by the number of tries (default 10s)
 */
@ConfigurationProperties("cms.content.schedule")
public record ScheduleProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("10s") Duration retryBackoff) {}
