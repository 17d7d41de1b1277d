package dev.hashi.content;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.translation.TranslationApproved;
import dev.hashi.locale.Texts;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A write made against an older version succeeds when none of the fields it touches changed since, per field and
 * locale, and is refused with 412 listing the fields otherwise.
 */
class FieldLevelMergeTest extends ContentServiceTest {

    ServiceClient api;
    String id;
    String etag;
    String session;
    List<String> presentations;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", Pages.conferencePage()));
        id = created.body().path("entryId").asString();
        Reply japanese = api.patch(
                Users.EDITOR,
                url(),
                Pages.patch("ja", Pages.japaneseTitles(created.body())),
                "If-Match",
                created.etag());
        etag = japanese.etag();
        JsonNode localGovernments =
                japanese.body().path("fields").path("sessions").get(2);
        session = localGovernments.path("id").asString();
        presentations = new ArrayList<>();
        localGovernments
                .path("presentations")
                .forEach(p -> presentations.add(p.path("id").asString()));
    }

    String url() {
        return "/api/content/entries/" + id;
    }

    String titlePath(int presentation) {
        return "sessions[" + session + "].presentations[" + presentations.get(presentation) + "].title";
    }

    Reply patch(String locale, Map<String, Object> fields, String ifMatch) {
        return api.patch(Users.EDITOR, url(), Pages.patch(locale, fields), "If-Match", ifMatch);
    }

    JsonNode value(JsonNode entry, String field, String locale) {
        return entry.path("fields").path(field).path(locale).path("value");
    }

    @Test
    void staleWriteOfAnotherFieldIsMergedAndItsRevisionNamesTheVersionItWasMadeAgainst() {
        Reply venue = patch("ja", Map.of("venue", "北九州国際会議場"), etag);
        assertThat(venue.status()).as(venue.raw()).isEqualTo(200);

        Reply stale = patch("en", Map.of("programmeIntro", "Three sessions, one declaration."), etag);

        assertThat(stale.status()).as(stale.raw()).isEqualTo(200);
        assertThat(value(stale.body(), "venue", "ja").asString()).isEqualTo("北九州国際会議場");
        assertThat(value(stale.body(), "programmeIntro", "en").asString())
                .isEqualTo("Three sessions, one declaration.");
        long version = stale.body().path("version").asLong();
        assertThat(stale.etag()).isEqualTo("\"" + version + "\"");
        JsonNode revision =
                api.get(Users.EDITOR, url() + "/revisions/" + version).body();
        assertThat(revision.path("basedOn").asString()).isEqualTo(etag.replace("\"", ""));
        assertThat(revision.path("changes")).hasSize(1);
    }

    @Test
    void staleWriteOfAFieldChangedSinceIsRefusedListingTheFieldAndChangesNothing() {
        Reply first = patch("en", Map.of("venue", "Kitakyushu International Conference Centre"), etag);
        assertThat(first.status()).isEqualTo(200);

        Reply stale = patch("en", Map.of("venue", "Kitakyushu, Japan", "programmeIntro", "Three sessions."), etag);

        assertThat(stale.status()).as(stale.raw()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version.conflict");
        assertThat(stale.body().path("currentVersion").asLong())
                .isEqualTo(first.body().path("version").asLong());
        assertThat(stale.body().path("baseVersion").asString()).isEqualTo(etag.replace("\"", ""));
        JsonNode conflicts = stale.body().path("conflicts");
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).path("path").asString()).isEqualTo("venue");
        assertThat(conflicts.get(0).path("locale").asString()).isEqualTo("en");
        assertThat(api.get(Users.EDITOR, url()).etag()).isEqualTo(first.etag());
    }

    @Test
    void staleWriteInsideAnItemRemovedSinceIsRefused() {
        Reply removed = api.patch(
                Users.EDITOR,
                url(),
                List.of(Map.of(
                        "op",
                        "remove",
                        "path",
                        "/fields/sessions/" + session + "/presentations/" + presentations.get(4))),
                "Content-Type",
                "application/json-patch+json",
                "If-Match",
                etag);
        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);

        Reply stale = api.patch(
                Users.EDITOR,
                url(),
                List.of(Map.of(
                        "op",
                        "add",
                        "path",
                        "/fields/sessions/" + session + "/presentations/" + presentations.get(4) + "/title/ja",
                        "value",
                        "公害防止計画と日本との協力")),
                "Content-Type",
                "application/json-patch+json",
                "If-Match",
                etag);

        assertThat(stale.status()).as(stale.raw()).isEqualTo(412);
        assertThat(stale.body().path("conflicts").get(0).path("path").asString())
                .isEqualTo(titlePath(4));
        assertThat(stale.body().path("conflicts").get(0).path("locale").asString())
                .isEqualTo("ja");
    }

    @Test
    void editorsWritingStaleVersionsAndTranslationLandingsOnDifferentFieldsConcurrentlyAllSurvive() throws Exception {
        Map<String, String> edits = new LinkedHashMap<>();
        edits.put("venue", "北九州国際会議場");
        edits.put("programmeIntro", "３つの分科会と宣言");
        edits.put("title", "持続可能な開発のための世界パートナーシップ会議");
        edits.put("summary", "宣言（英語・日本語）は後日公開予定。");
        int[] landed = {3, 5, 6, 7};
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(edits.size() + landed.length);
        List<Future<Integer>> editors = new ArrayList<>();
        for (Map.Entry<String, String> edit : edits.entrySet()) {
            Callable<Integer> editor = () -> {
                start.await();
                return patch("ja", Map.of(edit.getKey(), edit.getValue()), etag).status();
            };
            editors.add(pool.submit(editor));
        }
        for (int presentation : landed) {
            pool.submit(() -> {
                start.await();
                KafkaProbe.send(approval(presentation));
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        for (Future<Integer> editor : editors) {
            assertThat(editor.get()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode entry = api.get(Users.EDITOR, url()).body();
            JsonNode items = entry.path("fields").path("sessions").get(2).path("presentations");
            for (int presentation : landed) {
                assertThat(items.get(presentation)
                                .path("title")
                                .path("en")
                                .path("value")
                                .asString())
                        .isEqualTo(english(presentation));
            }
            edits.forEach((field, text) ->
                    assertThat(value(entry, field, "ja").asString()).isEqualTo(text));
            assertThat(value(entry, "title", "en").asString()).isEqualTo(Pages.TITLE);
        });
    }

    static String english(int presentation) {
        return "English title of presentation " + presentation;
    }

    EventEnvelope<TranslationApproved> approval(int presentation) {
        String unit = "u-" + id + "-" + presentation;
        String source = Pages.LOCAL_GOVERNMENT_PRESENTATIONS.get(presentation).japaneseTitle();
        return EventEnvelope.of(
                new TranslationApproved(
                        unit,
                        id,
                        titlePath(presentation),
                        "ja",
                        "en",
                        Texts.sourceHash(source),
                        english(presentation),
                        "taro",
                        "rev"),
                unit,
                1,
                "trace-" + unit,
                "rev",
                Instant.now());
    }
}
