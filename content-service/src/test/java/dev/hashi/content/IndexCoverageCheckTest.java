package dev.hashi.content;

import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.IndexCoverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query content-service sent while this module's tests ran is served by an index it declared (the
 * MongoDB-wire server ignores non-unique indexes, so only this check can show a missing one). Runs last.
 */
@Order(Integer.MAX_VALUE)
class IndexCoverageCheckTest {

    /** The type catalogue is read whole on purpose: a handful of type definitions. */
    private static final Set<String> READ_WHOLE = Set.of("content_types");

    @Test
    void everyQueryIsServedByADeclaredIndex() {
        assertThat(IndexCoverage.RECORDER.queries())
                .as("run with the whole module: the other test classes record the queries")
                .isNotEmpty();
        assertThat(IndexCoverage.RECORDER.unserved(
                        Set.of(
                                "entries",
                                "content_types",
                                "revisions",
                                "schedules",
                                "consumer_marks",
                                "media_assets",
                                "idempotency_keys"),
                        READ_WHOLE))
                .isEmpty();
    }
}
