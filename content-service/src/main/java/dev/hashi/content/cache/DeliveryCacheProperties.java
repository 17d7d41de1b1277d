package dev.hashi.content.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Delivery caching, under {@code cms.delivery}.
 *
 * @param cache        the in-process response cache
 * @param cacheControl what {@code Cache-Control} tells browsers, CDNs and the gateway about published content
 */
@ConfigurationProperties("cms.delivery")
record DeliveryCacheProperties(
        @DefaultValue Cache cache, @DefaultValue CacheControl cacheControl) {

    /**
     * @param enabled        whether responses are kept in memory (default true); HTTP caching headers are sent
     *                       either way
     * @param maxBytes       the most response bytes (bodies and headers) kept (default 64MB); the least used go first
     * @param floorsCapacity how many aggregates' version floors are remembered before all are dropped together with
     *                       the cache (default 100000)
     * @param settle         how long after a delivery event a response that names no {@code Hashi-Versions} is not
     *                       stored (default 2s): such a response cannot show which versions it read, and this
     *                       process's own read models may apply the event a little after the cache heard it
     */
    record Cache(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("64MB") DataSize maxBytes,
            @DefaultValue("100000") int floorsCapacity,
            @DefaultValue("2s") Duration settle) {}

    /**
     * @param maxAge               {@code max-age} of published content (default 60s)
     * @param staleWhileRevalidate {@code stale-while-revalidate} of published content (default 300s)
     */
    record CacheControl(
            @DefaultValue("60s") Duration maxAge,
            @DefaultValue("300s") Duration staleWhileRevalidate) {

        /** {@code public, max-age=60, stale-while-revalidate=300} with the configured values. */
        String published() {
            return "public, max-age=" + maxAge.toSeconds() + ", stale-while-revalidate="
                    + staleWhileRevalidate.toSeconds();
        }
    }
}
