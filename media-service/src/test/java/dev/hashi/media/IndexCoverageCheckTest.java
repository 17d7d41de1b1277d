package dev.hashi.media;

import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.IndexCoverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query media-service sent while this module's tests ran is served by an index it declared (the
 * MongoDB-wire server ignores non-unique indexes, so only this check can show a missing one). Runs last.
 */
@Order(Integer.MAX_VALUE)
class IndexCoverageCheckTest {

    @Test
    void everyQueryIsServedByADeclaredIndex() {
        assertThat(IndexCoverage.RECORDER.queries())
                .as("run with the whole module: the other test classes record the queries")
                .isNotEmpty();
        assertThat(IndexCoverage.RECORDER.unserved(
                        Set.of(
                                "assets",
                                "idempotency_keys",
                                "blobs",
                                "references",
                                "consumer_marks",
                                "binaries.files",
                                "binaries.chunks"),
                        // the MongoDB driver's one-time check whether the GridFS bucket has its indexes (limit 1)
                        Set.of("binaries.files")))
                .isEmpty();
    }
}
