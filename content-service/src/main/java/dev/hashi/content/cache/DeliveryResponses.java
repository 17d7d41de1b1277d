package dev.hashi.content.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.hashi.events.consumer.VersionFloors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * The delivery responses this process keeps, bounded by their bytes, and the rules that keep them current.
 *
 * <p>A delivery event ({@link #changed}) raises the floor of its aggregate, moves the generation on and evicts every
 * response it affects (see {@link Dependencies#affectedBy}). A response produced between {@link #begin} and
 * {@link #store} is stored only when the event stream is being read, the floors' epoch did not move, the floors admit
 * its {@code Hashi-Versions}, no delivery event arrived meanwhile if it lists {@code Hashi-Types} or is unversioned,
 * and, if unversioned, the last delivery event is older than the settle time. Events and stores take one lock, so
 * no store can slip between an event's floor and its eviction.
 */
final class DeliveryResponses {

    private final Cache<CacheKey, StoredResponse> cache;
    private final VersionFloors floors;
    private final Duration settle;
    private final LongSupplier nanoTime;
    private final Object lock = new Object();
    private volatile BooleanSupplier listening = () -> false;
    private volatile long generation;
    private volatile long lastEventNanos;

    /** What a load saw when it began. */
    record Ticket(long generation, long epoch) {}

    DeliveryResponses(long maxBytes, int floorsCapacity, Duration settle, LongSupplier nanoTime) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<CacheKey, StoredResponse>weigher((key, stored) -> stored.weight())
                .recordStats()
                .build();
        this.floors = new VersionFloors(floorsCapacity);
        this.settle = settle;
        this.nanoTime = nanoTime;
        this.lastEventNanos = nanoTime.getAsLong() - settle.toNanos() - 1;
    }

    /** Hits, misses, puts, evictions and size as Micrometer's cache metrics of cache {@code content.delivery}. */
    void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, "content.delivery");
    }

    /** Responses are stored only while {@code listening} says the event stream is being read. */
    void listenWith(BooleanSupplier listening) {
        this.listening = listening;
    }

    Optional<StoredResponse> get(CacheKey key) {
        return Optional.ofNullable(cache.getIfPresent(key));
    }

    /** Call before producing a response that may be stored. */
    Ticket begin() {
        return new Ticket(generation, floors.epoch());
    }

    /** Stores {@code response} under {@code key} if it is still current; tells whether it did. */
    boolean store(CacheKey key, StoredResponse response, Ticket ticket) {
        Dependencies dependencies = response.dependencies();
        synchronized (lock) {
            if (!listening.getAsBoolean()
                    || floors.epoch() != ticket.epoch()
                    || (dependencies.versioned() && !floors.admits(dependencies.versions()))
                    || (dependencies.needsQuietGeneration() && generation != ticket.generation())
                    || (!dependencies.versioned() && nanoTime.getAsLong() - lastEventNanos <= settle.toNanos())) {
                return false;
            }
            cache.put(key, response);
            return true;
        }
    }

    /**
     * A delivery event: {@code aggregateId} (an entry of {@code contentType}, or an asset when that is {@code null})
     * is now at {@code version}.
     */
    void changed(String aggregateId, long version, String contentType) {
        synchronized (lock) {
            long epoch = floors.epoch();
            floors.raise(aggregateId, version);
            generation++;
            lastEventNanos = nanoTime.getAsLong();
            if (floors.epoch() != epoch) {
                cache.invalidateAll();
            } else {
                cache.asMap().values().removeIf(stored -> stored.dependencies().affectedBy(aggregateId, contentType));
            }
        }
    }

    /**
     * The delivery index applied a change for {@code contentType} ({@code null}: any): lists and search responses
     * stored between the event and the index catching up are dropped, and loads under way are not stored.
     */
    void indexChanged(String contentType) {
        synchronized (lock) {
            generation++;
            lastEventNanos = nanoTime.getAsLong();
            cache.asMap().values().removeIf(stored -> stored.dependencies().readsIndexOf(contentType));
        }
    }

    /** The event stream starts (again): nothing kept may be trusted. */
    void reset() {
        synchronized (lock) {
            floors.clear();
            generation++;
            lastEventNanos = nanoTime.getAsLong();
            cache.invalidateAll();
        }
    }

    /** The floor of {@code aggregateId}: the lowest version of it a stored response may show (0: none). */
    long floor(String aggregateId) {
        return floors.floor(aggregateId);
    }

    long size() {
        return cache.estimatedSize();
    }

    /** Finishes pending evictions (the size bound is kept asynchronously). */
    void cleanUp() {
        cache.cleanUp();
    }
}
