package dev.hashi.testsupport;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexCoverageTest {

    private static IndexCoverage.Query query(Set<String> equality, List<String> sort, Set<String> range) {
        return new IndexCoverage.Query("db.units", "find", equality, sort, range, "Units.queue:1");
    }

    @Test
    void anIndexServesEqualityThenSortThenRange() {
        List<String> index = List.of("targetLocale", "sourceLocale", "state", "dueSort");
        assertThat(IndexCoverage.serves(index, query(Set.of("targetLocale", "sourceLocale"), List.of(), Set.of())))
                .isTrue();
        assertThat(IndexCoverage.serves(
                        index, query(Set.of("targetLocale", "sourceLocale", "state"), List.of("dueSort"), Set.of())))
                .isTrue();
        assertThat(IndexCoverage.serves(List.of("type", "_id"), query(Set.of("type"), List.of("_id"), Set.of("_id"))))
                .isTrue();
    }

    @Test
    void aQueryThatWouldScanOrSortInMemoryIsNotServed() {
        List<String> index = List.of("targetLocale", "sourceLocale", "state");
        assertThat(IndexCoverage.serves(index, query(Set.of("state"), List.of(), Set.of())))
                .as("equality on a field that is not a prefix of the index")
                .isFalse();
        assertThat(IndexCoverage.serves(index, query(Set.of("targetLocale"), List.of("dueSort"), Set.of())))
                .as("a sort the index does not hold after the equality prefix")
                .isFalse();
        assertThat(IndexCoverage.serves(index, query(Set.of(), List.of(), Set.of())))
                .as("an empty filter scans the collection")
                .isFalse();
        assertThat(IndexCoverage.serves(List.of("_outboxSince"), query(Set.of(), List.of(), Set.of("_outboxSince"))))
                .as("a leading range field")
                .isTrue();
    }
}
