package dev.hashi.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentWritesTest extends ContentServiceTest {

    @Test
    void concurrentWritersLoseNoUpdateAndEveryRejectedWriteGetsPreconditionFailed() throws Exception {
        seedTypes();
        ServiceClient api = api();
        Reply created = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create("organisation", "en", Map.of("name", "Kitakyushu Initiative Network Secretariat")));
        String id = created.body().path("entryId").asString();
        int writers = 8;
        int rounds = 6;
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> rejected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> other = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            pool.submit(() -> {
                start.await();
                for (int round = 0; round < rounds; round++) {
                    String etag =
                            api.get(Users.EDITOR, "/api/content/entries/" + id).etag();
                    String unit = "writer " + writer + " round " + round;
                    Reply reply = api.patch(
                            Users.EDITOR,
                            "/api/content/entries/" + id,
                            Pages.patch("en", Map.of("unit", unit)),
                            "If-Match",
                            etag);
                    if (reply.status() == 200) {
                        accepted.add(unit);
                    } else if (reply.status() == 412 && reply.code().equals("version.conflict")) {
                        rejected.add(reply.body().path("currentVersion").asInt());
                    } else {
                        other.add(reply.status());
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

        assertThat(other).isEmpty();
        assertThat(accepted.size() + rejected.size()).isEqualTo(writers * rounds);
        assertThat(accepted).isNotEmpty();
        assertThat(rejected).as("writers really raced").isNotEmpty();
        List<JsonNode> history = Lists.all(api, Users.EDITOR, "/api/content/entries/" + id + "/revisions?limit=7");
        List<String> written = new ArrayList<>();
        Set<Long> numbers = new HashSet<>();
        for (JsonNode summary : history) {
            numbers.add(summary.path("version").asLong());
            JsonNode revision = api.get(
                            Users.EDITOR,
                            "/api/content/entries/" + id + "/revisions/"
                                    + summary.path("version").asLong())
                    .body();
            for (JsonNode change : revision.path("changes")) {
                if (change.path("path").asString().equals("unit")) {
                    written.add(change.path("after").asString());
                }
            }
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(numbers).hasSize(history.size()).hasSize(1 + accepted.size());
        assertThat(api.get(Users.EDITOR, "/api/content/entries/" + id).etag())
                .isEqualTo("\"" + (1 + accepted.size()) + "\"");
    }
}
