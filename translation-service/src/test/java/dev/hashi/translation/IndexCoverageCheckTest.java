package dev.hashi.translation;

import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.IndexCoverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query translation-service sent while this module's tests ran is served by an index it declared (the
 * MongoDB-wire server ignores non-unique indexes, so only this check can show a missing one). Runs last.
 */
@Order(Integer.MAX_VALUE)
class IndexCoverageCheckTest {

    /** One entry's units (its translatable fields × target locales) and one assignee's units are few. */
    private static final Set<String> BOUNDED_BY = Set.of("entryId", "assignee");

    @Test
    void everyQueryIsServedByADeclaredIndex() {
        assertThat(IndexCoverage.RECORDER.queries())
                .as("run with the whole module: the other test classes record the queries")
                .isNotEmpty();
        assertThat(IndexCoverage.RECORDER.unserved(
                        Set.of(
                                "units",
                                "unit_history",
                                "source_only_rules",
                                "unit_comments",
                                "glossary_terms",
                                "memory",
                                "locks",
                                "consumer_marks",
                                "idempotency_keys"),
                        Set.of(),
                        BOUNDED_BY))
                .isEmpty();
    }
}
