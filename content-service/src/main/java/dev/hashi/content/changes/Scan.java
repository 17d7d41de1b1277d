package dev.hashi.content.changes;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One call's merge of the partitions: the records read but not yet taken, per partition, and the position after the
 * last one taken. Records are taken in (time, partition, offset) order of the partitions' heads, so each partition is
 * always taken as a prefix and the positions form a valid cursor whenever the merge stops. Records that are not
 * changes are taken too (the cursor moves past them) but add no item.
 */
final class Scan {

    /** A record of the log: its change, or {@code null} for one the feed skips. */
    record Read(int partition, long offset, Instant at, Change change) {}

    private static final Comparator<Read> ORDER =
            Comparator.comparing(Read::at).thenComparingInt(Read::partition).thenComparingLong(Read::offset);

    private final Map<Integer, ArrayDeque<Read>> buffered = new TreeMap<>();
    private final Map<Integer, Long> taken = new TreeMap<>();
    private final Map<Integer, Long> fetched = new TreeMap<>();
    private final Map<Integer, Long> end;

    /**
     * @param start where each partition is read from
     * @param end   each partition's end offset when the call began; records at or past it wait for the next call
     */
    Scan(Map<Integer, Long> start, Map<Integer, Long> end) {
        this.end = Map.copyOf(end);
        start.forEach((partition, offset) -> {
            buffered.put(partition, new ArrayDeque<>());
            taken.put(partition, offset);
            fetched.put(partition, offset);
        });
    }

    /** A record read from the log; ignored at or past its partition's end. */
    void add(Read read) {
        if (read.offset() < end.get(read.partition())) {
            buffered.get(read.partition()).add(read);
        }
    }

    /** The consumer's position in {@code partition} after a poll: every record before it has been {@link #add}ed. */
    void fetchedUpTo(int partition, long position) {
        fetched.put(partition, position);
        if (buffered.get(partition).isEmpty()) {
            taken.put(partition, Math.max(taken.get(partition), Math.min(position, end.get(partition))));
        }
    }

    /** Partitions whose next record is unknown: nothing buffered, and not read to their end. */
    Set<Integer> starving() {
        Set<Integer> starving = new TreeSet<>();
        buffered.forEach((partition, reads) -> {
            if (reads.isEmpty() && fetched.get(partition) < end.get(partition)) {
                starving.add(partition);
            }
        });
        return starving;
    }

    /**
     * Takes records in order into {@code items} until it holds {@code limit} changes.
     *
     * @return {@code false} when a partition must be read further before the merge can go on
     */
    boolean advance(List<Change> items, int limit) {
        while (items.size() < limit) {
            if (!starving().isEmpty()) {
                return false;
            }
            Read head = null;
            for (ArrayDeque<Read> reads : buffered.values()) {
                if (!reads.isEmpty() && (head == null || ORDER.compare(reads.peek(), head) < 0)) {
                    head = reads.peek();
                }
            }
            if (head == null) {
                return true;
            }
            int partition = head.partition();
            buffered.get(partition).poll();
            taken.put(
                    partition,
                    buffered.get(partition).isEmpty()
                            ? Math.min(fetched.get(partition), end.get(partition))
                            : head.offset() + 1);
            if (head.change() != null) {
                items.add(head.change());
            }
        }
        return true;
    }

    /** Where the next call resumes: after the last record taken in each partition. */
    ChangeCursor cursor() {
        return ChangeCursor.of(taken);
    }

    /** Whether records before the ends were left for the next call. */
    boolean hasMore() {
        return taken.entrySet().stream().anyMatch(e -> e.getValue() < end.get(e.getKey()));
    }
}
