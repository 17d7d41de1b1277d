package dev.hashi.content.type;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import dev.hashi.content.ContentServiceTest;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.service.kafka.OutboxRelayScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/** Two replicas starting on an empty database both install the seed; the one that loses a race still starts. */
class SeedRaceTest extends ContentServiceTest {

    @Autowired
    MongoClient client;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelayScheduler relay;

    @Autowired
    ContentLimits limits;

    @Test
    void twoReplicasSeedingAnEmptyDatabaseAtOnceBothStartAndEachTypeIsStoredOnce() throws Exception {
        List<String> keys =
                SeedTypes.definitions().stream().map(SeedTypes.Seed::key).toList();
        for (int round = 0; round < 10; round++) {
            MongoDatabase empty = client.getDatabase(
                    "seed_race_" + UUID.randomUUID().toString().substring(0, 8));
            try {
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<Void>> replicas = new ArrayList<>();
                for (int replica = 0; replica < 2; replica++) {
                    SeedTypes seed =
                            new SeedTypes(new ContentTypes(empty, outbox, relay, limits), Clock.systemUTC(), true);
                    replicas.add(CompletableFuture.runAsync(() -> {
                        try {
                            start.await(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        seed.installOnStartup();
                    }));
                }
                for (CompletableFuture<Void> replica : replicas) {
                    replica.get(30, TimeUnit.SECONDS);
                }
                List<Document> stored =
                        empty.getCollection("content_types").find().into(new ArrayList<>());
                assertThat(stored).extracting(d -> d.getString("_id")).containsExactlyInAnyOrderElementsOf(keys);
                assertThat(stored).allSatisfy(d -> {
                    assertThat(d.get("version", Number.class).longValue()).isEqualTo(1);
                    assertThat(d.getList("_outbox", Document.class)).hasSize(1);
                });
            } finally {
                empty.drop();
            }
        }
    }
}
