package dev.hashi.service.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The nonces of verified identity signatures this replica has accepted, remembered for as long as their signature
 * is valid (signing time ± the skew window), so a signed request is served at most once per replica.
 *
 * <p>Bounded: when {@code capacity} nonces are remembered, the nonces of the oldest signing second are forgotten and
 * signatures from that second or earlier are refused from then on (as if they had expired), so forgetting never lets
 * a replay through; under that much traffic the accepted window narrows from the skew window towards the present.
 * Requests from the gateway arrive milliseconds after signing, so only the window's far end is lost.
 */
final class ReplayGuard {

    /** What became of a nonce. */
    enum Outcome {
        /** First time seen: accepted and remembered. */
        ACCEPTED,
        /** Seen before within its window. */
        REPLAYED,
        /** Signed before the oldest second still remembered (the guard was full): refused like an expired one. */
        TOO_OLD
    }

    private final long windowSeconds;
    private final int capacity;
    private final Set<String> seen = new HashSet<>();
    private final TreeMap<Long, List<String>> bySecond = new TreeMap<>();
    /** Signatures from before this second are refused: their nonces may have been forgotten. */
    private long horizon = Long.MIN_VALUE;

    /**
     * @param windowSeconds how long after its signing time a signature stays valid (the skew window)
     * @param capacity      how many nonces are remembered at most
     */
    ReplayGuard(long windowSeconds, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.windowSeconds = windowSeconds;
        this.capacity = capacity;
    }

    /** Accepts {@code nonce}, signed at {@code signedSecond}, unless it was seen or may have been forgotten. */
    synchronized Outcome admit(String nonce, long signedSecond, long nowSecond) {
        forgetExpired(nowSecond);
        if (signedSecond < horizon) {
            return Outcome.TOO_OLD;
        }
        if (seen.contains(nonce)) {
            return Outcome.REPLAYED;
        }
        while (seen.size() >= capacity) {
            Map.Entry<Long, List<String>> oldest = bySecond.pollFirstEntry();
            oldest.getValue().forEach(seen::remove);
            horizon = Math.max(horizon, oldest.getKey() + 1);
        }
        if (signedSecond < horizon) {
            return Outcome.TOO_OLD;
        }
        seen.add(nonce);
        bySecond.computeIfAbsent(signedSecond, second -> new ArrayList<>()).add(nonce);
        return Outcome.ACCEPTED;
    }

    /** How many nonces are remembered. */
    synchronized int size() {
        return seen.size();
    }

    private void forgetExpired(long nowSecond) {
        while (!bySecond.isEmpty() && bySecond.firstKey() + windowSeconds < nowSecond) {
            bySecond.pollFirstEntry().getValue().forEach(seen::remove);
        }
    }
}
