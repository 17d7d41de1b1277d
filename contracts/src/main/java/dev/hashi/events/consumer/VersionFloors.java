package dev.hashi.events.consumer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lowest version of each aggregate a cache may still keep, raised by the events that change what the cache
 * holds. A value rendered from older versions than its floors is served, never stored: it was read before the
 * change (or from a replica that has not seen it yet), and storing it would keep a stale answer after the eviction.
 *
 * <p>Bounded: when more than {@code capacity} aggregates have floors, all floors are dropped and
 * {@link #epoch()} moves on; callers that compare epochs around a load (or drop their cache when it moves) stay
 * correct.
 */
public final class VersionFloors {

    private final int capacity;
    private final Map<String, Long> floors = new ConcurrentHashMap<>();
    private volatile long epoch;

    public VersionFloors(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Raises the floor of {@code aggregateId} to {@code version} (never lowers it). */
    public void raise(String aggregateId, long version) {
        if (floors.size() >= capacity && !floors.containsKey(aggregateId)) {
            synchronized (this) {
                floors.clear();
                epoch++;
            }
        }
        floors.merge(aggregateId, version, Math::max);
    }

    /** The floor of {@code aggregateId}, 0 when it has none. */
    public long floor(String aggregateId) {
        return floors.getOrDefault(aggregateId, 0L);
    }

    /** Whether a value built from {@code used} (aggregate id → version read) may be stored. */
    public boolean admits(Map<String, Long> used) {
        for (Map.Entry<String, Long> e : used.entrySet()) {
            if (e.getValue() < floor(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** Moves on each time the floors are dropped; a load that saw another epoch must not be stored. */
    public long epoch() {
        return epoch;
    }

    /** Drops every floor (after a reset of the event stream, with the cache they guard). */
    public synchronized void clear() {
        floors.clear();
        epoch++;
    }
}
