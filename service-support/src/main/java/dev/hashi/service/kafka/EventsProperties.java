package dev.hashi.service.kafka;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Event plumbing of one service, under {@code cms.events}.
 *
 * @param publishes         the topic this service owns and publishes to; {@code null} if none
 * @param consumes          topics this service consumes; each gets a {@code .dlt} dead-letter topic
 * @param partitions        partitions for topics this service creates (default 3)
 * @param replicationFactor replication factor for topics this service creates (default 1; 3 in production)
 * @param retry             bounded retries before a record goes to the dead-letter topic
 * @param outbox            the outbox relay
 * @param maxEventSize      the largest encoded event a change may produce (default 512KB); a change that would
 *                          produce a larger one is refused before anything is written
 */
@ConfigurationProperties("cms.events")
public record EventsProperties(
        String publishes,
        @DefaultValue List<String> consumes,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue Retry retry,
        @DefaultValue Relay outbox,
        @DefaultValue("512KB") DataSize maxEventSize) {

    /**
     * @param attempts total attempts per record, including the first (default 3)
     * @param backoff  pause between attempts (default 200ms)
     */
    public record Retry(
            @DefaultValue("3") int attempts,
            @DefaultValue("200ms") Duration backoff) {}

    /**
     * @param collections  collections whose documents carry pending events
     * @param pollInterval pause between full relay passes, the safety net behind per-document nudges (default 1s)
     * @param lease        how long a relay reserves a document it publishes (default 30s)
     * @param batch        documents per collection per pass (default 100)
     * @param enabled      whether this process runs a relay (default true)
     */
    public record Relay(
            @DefaultValue List<String> collections,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("100") int batch,
            @DefaultValue("true") boolean enabled) {}
}
