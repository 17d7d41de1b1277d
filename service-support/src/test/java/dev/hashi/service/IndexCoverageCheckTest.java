package dev.hashi.service;

import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.IndexCoverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query the shared plumbing sent while this module's tests ran (outbox relay and health, dedupe marks,
 * idempotency keys) is served by an index it declared. Runs last (junit-platform.properties orders classes).
 */
@Order(Integer.MAX_VALUE)
class IndexCoverageCheckTest {

    @Test
    void everyQueryOfThePlumbingIsServedByADeclaredIndex() {
        assertThat(IndexCoverage.RECORDER.queries())
                .as("run with the whole module: the other test classes record the queries")
                .isNotEmpty();
        assertThat(IndexCoverage.RECORDER.unserved(Set.of("entries", "consumer_marks", "idempotency_keys")))
                .isEmpty();
    }
}
