package dev.hashi.gateway.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hashi.embedded.SharedInfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway replicas share API tokens only through the token topic; an {@code Idempotency-Key} must mean the same
 * token on both, even when the same create reaches both at once.
 */
class ApiTokenReplicasTest {

    static final byte[] KEY = "a-signing-key-of-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8);

    final String topic = "test.tokens." + UUID.randomUUID();
    final List<TokenLog> logs = new ArrayList<>();
    ApiTokens first;
    ApiTokens second;

    @BeforeEach
    void twoReplicas() {
        first = replica();
        second = replica();
        await().atMost(Duration.ofSeconds(30)).until(() -> logs.stream().allMatch(TokenLog::caughtUp));
    }

    @AfterEach
    void stop() {
        logs.forEach(TokenLog::stop);
    }

    @Test
    void aRetryOnTheOtherReplicaFindsTheTokenTheKeyCreated() {
        ApiToken.IdempotencyKey key = key("fingerprint-1");

        ApiTokens.Outcome created = create(first, key);
        ApiTokens.Outcome retried = create(second, key);
        ApiTokens.Outcome other = create(second, new ApiToken.IdempotencyKey(key.id(), "fingerprint-2"));

        assertThat(created).isInstanceOf(ApiTokens.Created.class);
        assertThat(retried).isEqualTo(new ApiTokens.AlreadyCreated(((ApiTokens.Created) created).token()));
        assertThat(other).isInstanceOf(ApiTokens.KeyReused.class);
        assertThat(first.list()).hasSize(1);
        assertThat(second.list()).hasSize(1);
    }

    @Test
    void theSameCreateOnBothReplicasAtOnceMakesOneToken() throws Exception {
        for (int round = 0; round < 5; round++) {
            ApiToken.IdempotencyKey key = key("fingerprint");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<ApiTokens.Outcome> a = pool.submit(() -> {
                    start.await();
                    return create(first, key);
                });
                Future<ApiTokens.Outcome> b = pool.submit(() -> {
                    start.await();
                    return create(second, key);
                });
                start.countDown();
                List<ApiTokens.Outcome> outcomes = List.of(a.get(), b.get());

                assertThat(outcomes)
                        .filteredOn(ApiTokens.Created.class::isInstance)
                        .hasSize(1);
                assertThat(outcomes)
                        .filteredOn(ApiTokens.AlreadyCreated.class::isInstance)
                        .hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(first.list()).hasSize(5);
            assertThat(second.list()).hasSize(5);
        });
    }

    private static ApiTokens.Outcome create(ApiTokens replica, ApiToken.IdempotencyKey key) {
        return replica.create("ci import", List.of("editor"), List.of(), Duration.ofDays(1), "root", key)
                .block(Duration.ofSeconds(30));
    }

    private static ApiToken.IdempotencyKey key(String fingerprint) {
        return new ApiToken.IdempotencyKey(UUID.randomUUID().toString(), fingerprint);
    }

    private ApiTokens replica() {
        TokenSettings settings = new TokenSettings(
                SharedInfra.kafka().bootstrapServers(),
                topic,
                (short) 1,
                Duration.ofDays(365),
                null,
                Duration.ofSeconds(30));
        TokenLog log = new TokenLog(settings, KEY);
        logs.add(log);
        ApiTokens tokens = new ApiTokens(log, Clock.systemUTC(), Duration.ofDays(365), Duration.ofHours(24));
        log.start();
        return tokens;
    }
}
