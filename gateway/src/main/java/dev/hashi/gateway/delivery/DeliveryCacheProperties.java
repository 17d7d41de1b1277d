package dev.hashi.gateway.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The delivery response cache, under {@code cms.gateway.delivery-cache}.
 *
 * @param enabled          whether anonymous delivery reads are cached ({@code GATEWAY_DELIVERY_CACHE_ENABLED},
 *                         default true); off, every request goes to content-service
 * @param maxBytes         bound of the cache: bodies, headers and keys, estimated ({@code GATEWAY_DELIVERY_CACHE_MAX_BYTES},
 *                         default 64MB); one response larger than a tenth of it is never stored
 * @param listTtl          longest a list or search response ({@code Hashi-Types}) is served from the cache
 *                         ({@code GATEWAY_DELIVERY_LIST_TTL}, default 1s): a new entry is not among the versions the
 *                         old list shows, so no event can prove it stale
 * @param bootstrapServers Kafka brokers the eviction events are read from ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param floorCapacity    aggregates whose version floors are kept before all are dropped at once (default 100000)
 */
@ConfigurationProperties("cms.gateway.delivery-cache")
public record DeliveryCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("64MB") DataSize maxBytes,
        @DefaultValue("1s") Duration listTtl,
        @DefaultValue("127.0.0.1:9092") String bootstrapServers,
        @DefaultValue("100000") int floorCapacity) {

    public DeliveryCacheProperties {
        if (maxBytes == null || maxBytes.toBytes() < 1) {
            throw new IllegalArgumentException("cms.gateway.delivery-cache.max-bytes must be positive");
        }
        if (listTtl == null || listTtl.isNegative()) {
            throw new IllegalArgumentException("cms.gateway.delivery-cache.list-ttl must not be negative");
        }
        if (floorCapacity < 1) {
            throw new IllegalArgumentException("cms.gateway.delivery-cache.floor-capacity must be positive");
        }
    }
}
