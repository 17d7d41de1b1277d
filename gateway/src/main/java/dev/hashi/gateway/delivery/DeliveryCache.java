package dev.hashi.gateway.delivery;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import dev.hashi.events.consumer.VersionFloors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Delivery responses by cache key, bounded by bytes, each served no longer than it is fresh. It is only used while
 * the eviction events are being read ({@link #usable()}); otherwise every request goes upstream.
 *
 * <p>A response is stored only if nothing it shows changed while it was produced: its versions are at or above the
 * floors (an event raises the floor of its aggregate before evicting), the floors were not dropped meanwhile, and,
 * for responses that depend on whole content types, no delivery event arrived at all since the request was sent. The
 * checks run again after storing, so an eviction racing with the store either finds the new entry or the store sees
 * the raised floor and takes it back.
 */
final class DeliveryCache {

    /** {@code Hashi-Types} value of a response that depends on every content type. */
    static final String ANY_TYPE = "*";

    /** What was current when a response was requested from upstream. */
    record Ticket(long generation, long epoch) {}

    private final Cache<String, CachedResponse> store;
    private final VersionFloors floors;
    private final AtomicLong generation = new AtomicLong();
    private final long maxEntryBytes;
    private volatile BooleanSupplier listening = () -> false;

    DeliveryCache(long maxBytes, int floorCapacity) {
        this.floors = new VersionFloors(floorCapacity);
        this.maxEntryBytes = Math.max(1, maxBytes / 10);
        this.store = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<String, CachedResponse>weigher((key, response) -> response.weight(key))
                .expireAfter(new Expiry<String, CachedResponse>() {
                    @Override
                    public long expireAfterCreate(String key, CachedResponse response, long now) {
                        return response.freshNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, CachedResponse response, long now, long current) {
                        return response.freshNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, CachedResponse response, long now, long current) {
                        return current;
                    }
                })
                .recordStats()
                .build();
    }

    /** Hits, misses, puts, evictions and size as Micrometer's cache metrics of cache {@code gateway.delivery}. */
    void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, store, "gateway.delivery");
    }

    /** Serves and stores only while {@code reading} is true: while the eviction events are read. */
    void listenWhile(BooleanSupplier reading) {
        this.listening = reading;
    }

    boolean usable() {
        return listening.getAsBoolean();
    }

    /** Largest body stored, in bytes. */
    long maxEntryBytes() {
        return maxEntryBytes;
    }

    /** The stored response for {@code key}, or {@code null}. */
    CachedResponse get(String key) {
        return store.getIfPresent(key);
    }

    /** Taken before a response is requested from upstream; {@link #offer} checks it. */
    Ticket ticket() {
        return new Ticket(generation.get(), floors.epoch());
    }

    /** Stores {@code response} if nothing it shows changed since {@code ticket} was taken. */
    void offer(String key, CachedResponse response, Ticket ticket) {
        if (!admits(response, ticket)) {
            return;
        }
        store.put(key, response);
        if (!admits(response, ticket)) {
            store.asMap().remove(key, response);
        }
    }

    private boolean admits(CachedResponse response, Ticket ticket) {
        return usable()
                && floors.epoch() == ticket.epoch()
                && floors.admits(response.versions())
                && (response.types().isEmpty() || generation.get() == ticket.generation());
    }

    /**
     * A delivery event: {@code aggregateId} is now at {@code version}. Evicts every response that shows it or
     * depends on {@code contentType} ({@code null} for media) or on every type. A scan: events are rare next to reads.
     */
    void changed(String aggregateId, long version, String contentType) {
        floors.raise(aggregateId, version);
        generation.incrementAndGet();
        store.asMap().values().removeIf(response -> response.dependsOn(aggregateId, contentType));
    }

    /** Events may have been missed: drop everything. */
    void reset() {
        floors.clear();
        generation.incrementAndGet();
        store.invalidateAll();
    }

    /** Number of stored responses (approximate). */
    long size() {
        return store.estimatedSize();
    }
}
