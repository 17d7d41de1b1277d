package dev.hashi.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hashi.content.entry.Entries;
import dev.hashi.content.workflow.Publishing;
import dev.hashi.content.workflow.ScheduleProperties;
import dev.hashi.content.workflow.ScheduleRunner;
import dev.hashi.content.workflow.Schedules;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduledPublishingTest extends ContentServiceTest {

    @Autowired
    Schedules schedules;

    @Autowired
    Entries entries;

    @Autowired
    Publishing publishing;

    @Autowired
    ScheduleRunner serviceRunner;

    @Test
    void twoSchedulersRacingRunEachDueJobExactlyOnce() throws Exception {
        seedTypes();
        ServiceClient api = api();
        serviceRunner.stop();
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Reply created = api.post(
                        Users.EDITOR,
                        "/api/content/entries",
                        Pages.create("organisation", "en", Map.of("name", "Organisation " + i)));
                String id = created.body().path("entryId").asString();
                ids.add(id);
                Reply scheduled = api.post(
                        Users.EDITOR,
                        "/api/content/entries/" + id + "/schedules",
                        Map.of(
                                "locale",
                                "en",
                                "action",
                                "publish",
                                "at",
                                Instant.now().minusSeconds(1).toString()));
                assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
            }
            ScheduleProperties settings = new ScheduleProperties(
                    Duration.ofMillis(100), Duration.ofSeconds(60), true, 3, Duration.ofSeconds(10));
            ScheduleRunner first = new ScheduleRunner(schedules, entries, publishing, settings, Clock.systemUTC());
            ScheduleRunner second = new ScheduleRunner(schedules, entries, publishing, settings, Clock.systemUTC());
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> await(go, first));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> await(go, second));
            go.countDown();

            assertThat(a.get() + b.get()).isEqualTo(12);
            for (String id : ids) {
                List<String> kinds = Lists.all(api, Users.EDITOR, "/api/content/entries/" + id + "/revisions", "kind");
                assertThat(kinds).containsExactly("create", "publish");
                List<JsonNode> jobs = Lists.all(api, Users.EDITOR, "/api/content/entries/" + id + "/schedules");
                assertThat(jobs.get(0).path("status").asString()).isEqualTo("done");
                assertThat(jobs.get(0).path("result").asString()).isEqualTo("2");
            }
            assertThat(first.runDue() + second.runDue()).isZero();
        } finally {
            serviceRunner.start();
        }
    }

    @Test
    void jobInTheFutureWaitsUntilItsInstant() {
        seedTypes();
        ServiceClient api = api();
        Reply created = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create("organisation", "en", Map.of("name", "Future organisation")));
        String id = created.body().path("entryId").asString();
        Reply scheduled = api.post(
                Users.EDITOR,
                "/api/content/entries/" + id + "/schedules",
                Map.of(
                        "locale",
                        "en",
                        "action",
                        "publish",
                        "at",
                        Instant.now().plusSeconds(2).toString()));
        assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
        assertThat(scheduled.body().path("entryId").asString()).isEqualTo(id);
        assertThat(scheduled.body().path("status").asString()).isEqualTo("pending");

        assertThat(api.get(Users.EDITOR, "/api/content/entries/" + id)
                        .body()
                        .path("workflow")
                        .path("en")
                        .path("state")
                        .asString())
                .isEqualTo("draft");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> api.get(Users.EDITOR, "/api/content/entries/" + id)
                        .body()
                        .path("workflow")
                        .path("en")
                        .path("state")
                        .asString()
                        .equals("published"));
        EventEnvelope<?> published = KafkaProbe.await(
                        Topics.CONTENT, id, e -> e.type().equals("content.entry.published"), Duration.ofSeconds(20))
                .stream()
                .filter(e -> e.type().equals("content.entry.published"))
                .findFirst()
                .orElseThrow();
        assertThat(published.actor()).isEqualTo("scheduler:eri");
        assertThat(published.traceId())
                .as("the run continues the trace of the request that scheduled it")
                .isEqualTo(scheduled.header("X-Request-Id"));
    }

    private static int await(CountDownLatch go, ScheduleRunner runner) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return runner.runDue();
    }
}
