package dev.hashi.content.changes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScanTest {

    static final Instant T = Instant.parse("2003-10-28T09:00:00Z");

    static Scan.Read change(int partition, long offset, int second) {
        Change change = new Change(
                Change.PUBLISHED, "e" + partition + "-" + offset, "organisation", "ja", "s", 1, T.plusSeconds(second));
        return new Scan.Read(partition, offset, change.at(), change);
    }

    static Scan.Read skipped(int partition, long offset, int second) {
        return new Scan.Read(partition, offset, T.plusSeconds(second), null);
    }

    @Test
    void partitionsAreMergedByTimeThenPartitionThenOffset() {
        Scan scan = new Scan(Map.of(0, 0L, 1, 0L), Map.of(0, 3L, 1, 2L));
        List.of(change(0, 0, 1), change(0, 1, 4), change(0, 2, 4)).forEach(scan::add);
        List.of(change(1, 0, 2), change(1, 1, 4)).forEach(scan::add);
        scan.fetchedUpTo(0, 3);
        scan.fetchedUpTo(1, 2);

        List<Change> items = new ArrayList<>();
        assertThat(scan.advance(items, 10)).isTrue();

        assertThat(items).extracting(Change::entryId).containsExactly("e0-0", "e1-0", "e0-1", "e0-2", "e1-1");
        assertThat(scan.hasMore()).isFalse();
        assertThat(scan.cursor().offsets()).containsExactly(Map.entry(0, 3L), Map.entry(1, 2L));
    }

    @Test
    void aFullPageLeavesTheUntakenRecordsOfEveryPartitionForTheNextCall() {
        Scan scan = new Scan(Map.of(0, 5L, 1, 0L), Map.of(0, 8L, 1, 2L));
        List.of(change(0, 5, 1), change(0, 6, 3), change(0, 7, 5)).forEach(scan::add);
        List.of(change(1, 0, 2), change(1, 1, 6)).forEach(scan::add);
        scan.fetchedUpTo(0, 8);
        scan.fetchedUpTo(1, 2);

        List<Change> items = new ArrayList<>();
        assertThat(scan.advance(items, 2)).isTrue();

        assertThat(items).extracting(Change::entryId).containsExactly("e0-5", "e1-0");
        assertThat(scan.hasMore()).isTrue();
        assertThat(scan.cursor().offsets()).containsExactly(Map.entry(0, 6L), Map.entry(1, 1L));
    }

    @Test
    void skippedRecordsMoveTheCursorButAddNoItem() {
        Scan scan = new Scan(Map.of(0, 0L), Map.of(0, 3L));
        List.of(skipped(0, 0, 1), change(0, 1, 2), skipped(0, 2, 3)).forEach(scan::add);
        scan.fetchedUpTo(0, 3);

        List<Change> items = new ArrayList<>();
        assertThat(scan.advance(items, 1)).isTrue();
        assertThat(items).extracting(Change::entryId).containsExactly("e0-1");
        assertThat(scan.cursor().offsets()).containsEntry(0, 2L);

        assertThat(scan.advance(items, 5)).isTrue();
        assertThat(scan.cursor().offsets()).containsEntry(0, 3L);
        assertThat(scan.hasMore()).isFalse();
    }

    @Test
    void theMergeWaitsForAPartitionWhoseNextRecordIsUnknown() {
        Scan scan = new Scan(Map.of(0, 0L, 1, 0L), Map.of(0, 1L, 1, 1L));
        scan.add(change(0, 0, 9));
        scan.fetchedUpTo(0, 1);

        List<Change> items = new ArrayList<>();
        assertThat(scan.advance(items, 10)).isFalse();
        assertThat(scan.starving()).containsExactly(1);
        assertThat(items).isEmpty();

        scan.add(change(1, 0, 1));
        scan.fetchedUpTo(1, 1);
        assertThat(scan.advance(items, 10)).isTrue();
        assertThat(items).extracting(Change::entryId).containsExactly("e1-0", "e0-0");
    }

    @Test
    void recordsWrittenAfterTheCallBeganWaitForTheNextCall() {
        Scan scan = new Scan(Map.of(0, 0L), Map.of(0, 1L));
        scan.add(change(0, 0, 1));
        scan.add(change(0, 1, 2));
        scan.fetchedUpTo(0, 2);

        List<Change> items = new ArrayList<>();
        assertThat(scan.advance(items, 10)).isTrue();
        assertThat(items).hasSize(1);
        assertThat(scan.cursor().offsets()).containsEntry(0, 1L);
        assertThat(scan.hasMore()).isFalse();
    }
}
