package dev.hashi.content.workflow;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hashi.content.ContentServiceTest;
import dev.hashi.content.Pages;
import dev.hashi.content.Users;
import dev.hashi.identity.Identity;
import dev.hashi.identity.LocalePair;
import dev.hashi.identity.Role;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewers approve or return a locale in review; archived locales publish again; scheduled actions are listed across
 * entries, moved and cancelled while pending, and refused once they are not.
 */
class ReviewAndScheduleActionsTest extends ContentServiceTest {

    static final Identity JA_REVIEWER = new Identity("rei", Set.of(Role.REVIEWER), Set.of(new LocalePair("en", "ja")));
    static final Identity EN_REVIEWER = new Identity("ren", Set.of(Role.REVIEWER), Set.of(new LocalePair("ja", "en")));

    ServiceClient api;
    String id;
    String etag;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", Pages.conferencePage()));
        id = created.body().path("entryId").asString();
        Reply japanese = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("ja", Pages.japaneseTitles(created.body())),
                "If-Match",
                created.etag());
        etag = japanese.etag();
    }

    Reply act(Identity who, String locale, String action) {
        Reply reply = api.post(
                who, "/api/content/entries/" + id + "/locales/" + locale + "/" + action, null, "If-Match", etag);
        if (reply.status() == 200) {
            etag = reply.etag();
        }
        return reply;
    }

    String state(Reply reply, String locale) {
        return reply.body().path("workflow").path(locale).path("state").asString();
    }

    @Test
    void aReviewerIntoTheLocaleApprovesItsReviewWhichPublishesIt() {
        assertThat(act(Users.EDITOR, "ja", "submit").status()).isEqualTo(200);

        Reply outsidePair = act(EN_REVIEWER, "ja", "approve");
        assertThat(outsidePair.status()).as(outsidePair.raw()).isEqualTo(403);
        assertThat(outsidePair.body().path("reason").asString()).isEqualTo("locale-pair");
        assertThat(act(Users.TRANSLATOR, "ja", "approve").status()).isEqualTo(403);
        assertThat(act(JA_REVIEWER, "ja", "publish").status())
                .as("reviewers approve; publishing directly stays the editors'")
                .isEqualTo(403);

        Reply approved = act(JA_REVIEWER, "ja", "approve");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(state(approved, "ja")).isEqualTo("published");
        assertThat(approved.body().path("workflow").path("ja").path("updatedBy").asString())
                .isEqualTo("rei");
        Reply delivered = api.get(
                Users.ANONYMOUS,
                "/api/delivery/entries/event-page/"
                        + approved.body().path("slugs").path("ja").asString() + "?locale=ja");
        assertThat(delivered.status()).as(delivered.raw()).isEqualTo(200);

        Reply again = act(JA_REVIEWER, "ja", "approve");
        assertThat(again.status()).as("only a locale in review is approved").isEqualTo(409);
    }

    @Test
    void aReviewerWhosePairUsesAWildcardActsAsTranslationLetsThem() {
        Identity anyTarget = new Identity("rin", Set.of(Role.REVIEWER), Set.of(new LocalePair("en", "*")));
        Identity wrongSource = new Identity("rob", Set.of(Role.REVIEWER), Set.of(new LocalePair("*", "en")));
        assertThat(act(Users.EDITOR, "ja", "submit").status()).isEqualTo(200);

        Reply refused = act(wrongSource, "ja", "approve");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.body().path("code").asString()).isEqualTo("auth.forbidden");
        assertThat(refused.body().path("reason").asString()).isEqualTo("locale-pair");
        assertThat(refused.body().path("targetLocale").asString()).isEqualTo("ja");

        Reply returned = act(anyTarget, "ja", "return");
        assertThat(returned.status())
                .as("en:* covers en → ja, as in translation: " + returned.raw())
                .isEqualTo(200);
        assertThat(state(returned, "ja")).isEqualTo("draft");
    }

    @Test
    void aReviewerReturnsALocaleInReviewToDraft() {
        Reply notInReview = act(JA_REVIEWER, "ja", "return");
        assertThat(notInReview.status()).as(notInReview.raw()).isEqualTo(409);
        assertThat(act(Users.EDITOR, "ja", "submit").status()).isEqualTo(200);

        Reply returned = act(JA_REVIEWER, "ja", "return");
        assertThat(returned.status()).as(returned.raw()).isEqualTo(200);
        assertThat(state(returned, "ja")).isEqualTo("draft");
        assertThat(returned.body()
                        .path("workflow")
                        .path("ja")
                        .path("publishedVersion")
                        .isNull())
                .isTrue();
    }

    @Test
    void anArchivedLocaleIsPublishedAgainWithoutAContentChange() {
        assertThat(act(Users.EDITOR, "en", "publish").status()).isEqualTo(200);
        Reply archived = act(Users.EDITOR, "en", "archive");
        assertThat(state(archived, "en")).isEqualTo("archived");
        String slug = archived.body().path("slugs").path("en").asString();
        assertThat(api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug + "?locale=en")
                        .status())
                .isEqualTo(404);

        Reply republished = act(Users.EDITOR, "en", "publish");
        assertThat(republished.status()).as(republished.raw()).isEqualTo(200);
        assertThat(state(republished, "en")).isEqualTo("published");
        assertThat(api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug + "?locale=en")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void scheduleListsWalkedToTheirEndByCursorFindEveryScheduleOnce() {
        Instant later = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Reply scheduled = api.post(
                    Users.EDITOR,
                    "/api/content/entries/" + id + "/schedules",
                    Map.of(
                            "locale",
                            i % 2 == 0 ? "ja" : "en",
                            "action",
                            "publish",
                            "at",
                            later.plusSeconds(60L * i).toString()));
            assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
            made.add(scheduled.body().path("scheduleId").asString());
        }

        String ofEntry = "/api/content/entries/" + id + "/schedules?limit=2";
        List<String> entrySchedules = Lists.all(api, Users.EDITOR, ofEntry, "scheduleId");
        assertThat(entrySchedules)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(made)
                .hasSize((int)
                        api.get(Users.EDITOR, ofEntry).body().path("total").asLong());

        List<String> pending =
                Lists.all(api, Users.TRANSLATOR, "/api/content/schedules?status=pending&limit=2", "scheduleId");
        assertThat(pending).doesNotHaveDuplicates().containsAll(made);
    }

    @Test
    void pendingSchedulesAreListedMovedAndCancelledAndOnlyThose() {
        Instant later = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Reply scheduled = api.post(
                Users.EDITOR,
                "/api/content/entries/" + id + "/schedules",
                Map.of("locale", "ja", "action", "publish", "at", later.toString()));
        assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
        String jobId = scheduled.body().path("scheduleId").asString();
        Reply other = api.post(
                Users.EDITOR,
                "/api/content/entries/" + id + "/schedules",
                Map.of(
                        "locale",
                        "en",
                        "action",
                        "publish",
                        "at",
                        later.plusSeconds(60).toString()));
        String otherId = other.body().path("scheduleId").asString();

        Reply japanesePending = api.get(Users.TRANSLATOR, "/api/content/schedules?status=pending&locale=ja&limit=100");
        assertThat(japanesePending.status()).as(japanesePending.raw()).isEqualTo(200);
        assertThat(japanesePending.body().path("items").findValuesAsString("scheduleId"))
                .contains(jobId)
                .doesNotContain(otherId);
        assertThat(japanesePending.body().path("total").asLong()).isPositive();
        assertThat(api.get(Users.ANONYMOUS, "/api/content/schedules").status()).isEqualTo(401);
        Reply badStatus = api.get(Users.EDITOR, "/api/content/schedules?status=$ne");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body().path("code").asString()).isEqualTo("request.invalid");

        Instant sooner = later.minus(10, ChronoUnit.DAYS);
        assertThat(api.patch(
                                Users.TRANSLATOR,
                                "/api/content/entries/" + id + "/schedules/" + jobId,
                                Map.of("at", sooner.toString()))
                        .status())
                .isEqualTo(403);
        Reply moved = api.patch(
                Users.EDITOR, "/api/content/entries/" + id + "/schedules/" + jobId, Map.of("at", sooner.toString()));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(Instant.parse(moved.body().path("at").asString())).isEqualTo(sooner);
        assertThat(api.patch(
                                Users.EDITOR,
                                "/api/content/entries/" + id + "/schedules/" + jobId,
                                Map.of("at", "not a time"))
                        .status())
                .isEqualTo(400);

        Reply cancelled = api.delete(Users.EDITOR, "/api/content/entries/" + id + "/schedules/" + jobId);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asString()).isEqualTo("cancelled");
        Reply twice = api.delete(Users.EDITOR, "/api/content/entries/" + id + "/schedules/" + jobId);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("code").asString()).isEqualTo("schedule.not-pending");
        assertThat(twice.body().path("scheduleStatus").asString()).isEqualTo("cancelled");
        Reply moveCancelled = api.patch(
                Users.EDITOR, "/api/content/entries/" + id + "/schedules/" + jobId, Map.of("at", later.toString()));
        assertThat(moveCancelled.status()).isEqualTo(409);
        assertThat(api.delete(Users.EDITOR, "/api/content/entries/" + id + "/schedules/j-unknown")
                        .status())
                .isEqualTo(404);
        assertThat(api.delete(Users.EDITOR, "/api/content/entries/e-other/schedules/" + otherId)
                        .status())
                .as("a schedule is found under its own entry only")
                .isEqualTo(404);

        Reply cancelledList = api.get(Users.EDITOR, "/api/content/schedules?status=cancelled&limit=100");
        assertThat(cancelledList.body().path("items").findValuesAsString("scheduleId"))
                .contains(jobId);
    }
}
