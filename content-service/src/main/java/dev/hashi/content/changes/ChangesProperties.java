package dev.hashi.content.changes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change feed, under {@code cms.content.changes}.
 *
 * @param timeout  the longest one call reads the log, and the longest it waits for the broker or for the reader
 *                 another call holds (default 5s); a call that runs out answers the changes found so far with
 *                 {@code hasMore: true}, or 503 {@code downstream.unavailable} when the broker did not answer
 * @param maxScan  the most log records one call examines, matching or not (default 5000); past it the call answers
 *                 what it found with {@code hasMore: true}
 */
@ConfigurationProperties("cms.content.changes")
public record ChangesProperties(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("5000") int maxScan) {}
