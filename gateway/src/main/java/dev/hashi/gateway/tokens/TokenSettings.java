package dev.hashi.gateway.tokens;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API token storage, under {@code cms.gateway.tokens}. Tokens live in a compacted Kafka topic that every gateway
 * replica reads into memory, so the gateway needs no database and revocations reach all replicas.
 *
 * @param bootstrapServers  Kafka brokers ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param topic             the compacted topic (default {@code cms.gateway.tokens})
 * @param replicationFactor replication factor if the gateway creates the topic (default 1)
 * @param maxLifetime       longest lifetime an admin may give a token (default 365d)
 * @param signingKey        key of the records' HMAC signatures, at least 32 bytes, held by the gateway only
 *                          ({@code GATEWAY_TOKEN_SIGNING_KEY}; required outside dev, derived from the gateway secret
 *                          in dev)
 * @param staleAfter        API tokens are refused and readiness is DOWN when the topic was last read longer ago
 *                          ({@code GATEWAY_TOKEN_STALE_AFTER}, default 30s)
 */
@ConfigurationProperties("cms.gateway.tokens")
public record TokenSettings(
        @DefaultValue("127.0.0.1:9092") String bootstrapServers,
        @DefaultValue("cms.gateway.tokens") String topic,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("365d") Duration maxLifetime,
        String signingKey,
        @DefaultValue("30s") Duration staleAfter) {}
