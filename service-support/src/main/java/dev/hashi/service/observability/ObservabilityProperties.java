package dev.hashi.service.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Metrics of a domain service, under {@code cms.observability}.
 *
 * @param lagInterval how often the consumer lag of this service's consumer groups is read from the broker (default
 *                    5s); scrapes read the last value, never the broker
 */
@ConfigurationProperties("cms.observability")
public record ObservabilityProperties(@DefaultValue("5s") Duration lagInterval) {}
