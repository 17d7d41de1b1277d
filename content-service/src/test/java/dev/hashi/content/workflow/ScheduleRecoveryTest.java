package dev.hashi.content.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import dev.hashi.content.ContentServiceTest;
import dev.hashi.content.Pages;
import dev.hashi.content.Users;
import dev.hashi.content.entry.Entries;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A scheduled job survives its runner dying without running twice, and a job that keeps failing stops. */
class ScheduleRecoveryTest extends ContentServiceTest {

    @Autowired
    MongoDatabase database;

    @Autowired
    Schedules schedules;

    @Autowired
    Entries entries;

    @Autowired
    Publishing publishing;

    @Autowired
    ScheduleRunner serviceRunner;

    /** A lease that has run out by the time the next runner looks. */
    static final ScheduleProperties SHORT_LEASE =
            new ScheduleProperties(Duration.ofMillis(100), Duration.ofMillis(1), true, 3, Duration.ZERO);

    /** The runner's process ending abruptly: nothing in it runs any more. */
    static final class RunnerDied extends Error {}

    String organisation(ServiceClient api) {
        Reply created = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create("organisation", "en", Map.of("name", "Organisation " + UUID.randomUUID())));
        return created.body().path("entryId").asString();
    }

    @Test
    void aJobTakenOverAfterItsRunnerDiedAfterPublishingIsNotPublishedAgain() throws Exception {
        seedTypes();
        ServiceClient api = api();
        serviceRunner.stop();
        try {
            String id = organisation(api);
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
            Schedules dyingAfterTheAction = new Schedules(database) {
                @Override
                void finish(ScheduledJob job, String owner, String status, String result) {
                    throw new RunnerDied();
                }
            };
            ScheduleRunner dying =
                    new ScheduleRunner(dyingAfterTheAction, entries, publishing, SHORT_LEASE, Clock.systemUTC());
            try {
                dying.runDue();
            } catch (RunnerDied died) {
                // what a crash between the action and recording its outcome looks like
            }
            assertThat(entries.require(id).version()).isEqualTo(2);
            Thread.sleep(20);

            ScheduleRunner survivor =
                    new ScheduleRunner(schedules, entries, publishing, SHORT_LEASE, Clock.systemUTC());
            survivor.runDue();

            assertThat(entries.require(id).version())
                    .as("published once, not again")
                    .isEqualTo(2);
            List<String> kinds = Lists.all(api, Users.EDITOR, "/api/content/entries/" + id + "/revisions", "kind");
            assertThat(kinds).containsExactly("create", "publish");
            List<JsonNode> jobs = Lists.all(api, Users.EDITOR, "/api/content/entries/" + id + "/schedules");
            assertThat(jobs.get(0).path("status").asString()).isEqualTo("done");
            assertThat(jobs.get(0).path("result").asString()).isEqualTo("2");
        } finally {
            serviceRunner.start();
        }
    }

    @Test
    void aJobThatKeepsFailingIsMarkedFailedWithItsErrorInsteadOfRetriedForever() {
        seedTypes();
        ServiceClient api = api();
        serviceRunner.stop();
        try {
            String id = organisation(api);
            String jobId = "j-" + UUID.randomUUID();
            schedules.add(new ScheduledJob(
                    jobId,
                    id,
                    "en",
                    "explode",
                    Instant.now().minusSeconds(1),
                    ScheduledJob.PENDING,
                    "eri",
                    null,
                    null,
                    null));
            ScheduleRunner runner = new ScheduleRunner(schedules, entries, publishing, SHORT_LEASE, Clock.systemUTC());
            for (int pass = 0; pass < 20; pass++) {
                try {
                    runner.runDue();
                } catch (RuntimeException e) {
                    // a failing pass; the service's loop logs it and polls again
                }
                sleep(5);
            }

            JsonNode job = Lists.all(api, Users.EDITOR, "/api/content/entries/" + id + "/schedules")
                    .get(0);
            assertThat(job.path("scheduleId").asString()).isEqualTo(jobId);
            assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("failed");
            assertThat(job.path("result").asString()).isEqualTo("schedule.attempts-exhausted");
            assertThat(job.path("error").asString()).contains("explode");
            assertThat(job.path("attempts").asInt()).isEqualTo(3);
        } finally {
            serviceRunner.start();
        }
    }

    @Test
    void theSchedulesListIsPaged() {
        seedTypes();
        ServiceClient api = api();
        String id = organisation(api);
        for (int i = 0; i < 5; i++) {
            Reply scheduled = api.post(
                    Users.EDITOR,
                    "/api/content/entries/" + id + "/schedules",
                    Map.of(
                            "locale",
                            "en",
                            "action",
                            "publish",
                            "at",
                            Instant.now().plusSeconds(3600 + i).toString()));
            assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
        }
        Reply first = api.get(Users.EDITOR, "/api/content/entries/" + id + "/schedules?limit=2");
        assertThat(first.body().path("items")).hasSize(2);
        assertThat(first.body().path("total").asLong()).isEqualTo(5);
        assertThat(first.body().path("next").isString()).isTrue();
        assertThat(Lists.all(api, Users.EDITOR, "/api/content/entries/" + id + "/schedules"))
                .hasSize(5);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
