package dev.hashi.translation.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.identity.Identity;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;

import tools.jackson.databind.JsonNode;

import static dev.hashi.translation.support.ContentEvents.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class QueueAndProgressTest extends ServiceTest {

    private static final Identity EDITOR = editor("ed-nakamura");
    private static final Identity TRANSLATOR = translator("tr-ono", "ja:en");

    @Test
    void editorsScheduleAndAssignAndTheQueueSortsAndFiltersAccordingly() {
        String entry = publishedPage();
        String base = "/api/translations/queue?source=ja&target=en&entryId=" + entry;
        JsonNode page = client().get(EDITOR, base + "&sort=page&limit=2").body();
        assertThat(page.path("items").size()).isEqualTo(2);
        assertThat(page.path("next").isString()).isTrue();
        assertThat(page.has("total")).as("the queue gives no total").isFalse();
        String urgent = page.path("items").get(1).path("unitId").asString();
        String later = page.path("items").get(0).path("unitId").asString();

        assertThat(client().put(
                                EDITOR,
                                "/api/translations/units/" + urgent + "/schedule",
                                Map.of("dueAt", "2003-10-20T00:00:00Z", "priority", 5))
                        .status())
                .isEqualTo(200);
        client().put(EDITOR, "/api/translations/units/" + later + "/schedule", Map.of("dueAt", "2003-10-27T00:00:00Z"));
        Reply assigned =
                client().post(EDITOR, "/api/translations/units/" + urgent + "/assign", Map.of("assignee", "tr-ono"));
        assertThat(assigned.body().path("state").asString()).isEqualTo("in_progress");
        assertThat(assigned.body().path("dueAt").asString()).isEqualTo("2003-10-20T00:00:00Z");
        long version = assigned.body().path("version").asLong();
        assertThat(assigned.etag()).isEqualTo("\"" + version + "\"");
        assertThat(client().get(TRANSLATOR, "/api/translations/units/" + urgent).etag())
                .isEqualTo("\"" + version + "\"");

        assertThat(first(base + "&sort=priority")).isEqualTo(urgent);
        assertThat(first(base + "&sort=due&dueBefore=2003-10-28")).isEqualTo(urgent);
        assertThat(client().get(EDITOR, base + "&dueBefore=2003-10-21")
                        .body()
                        .path("items")
                        .size())
                .isEqualTo(1);
        assertThat(first(base + "&assignee=tr-ono&state=in_progress&type=event-page"))
                .isEqualTo(urgent);
        JsonNode mine = client().get(TRANSLATOR, "/api/translations/mine").body();
        assertThat(mine.path("items").toString()).contains(urgent);

        assertThat(client().post(TRANSLATOR, "/api/translations/units/" + urgent + "/unassign", "")
                        .body()
                        .path("state")
                        .asString())
                .isEqualTo("untranslated");
    }

    @Test
    void theQueueWalkedToItsEndByCursorServesEveryUnitOnceInEveryOrder() {
        String entry = publishedPage();
        int expected = 2 * (1 + ConferencePages.JAPANESE_ONLY.size() + ConferencePages.ENGLISH_ONLY.size());
        for (String sort : new String[] {"priority", "due", "page"}) {
            java.util.List<String> seen = new java.util.ArrayList<>();
            String path = "/api/translations/queue?entryId=" + entry + "&sort=" + sort + "&limit=3";
            String next = null;
            int pages = 0;
            do {
                Reply reply = client().get(EDITOR, next == null ? path : path + "&cursor=" + next);
                assertThat(reply.status()).isEqualTo(200);
                reply.body()
                        .path("items")
                        .forEach(item -> seen.add(item.path("unitId").asString()));
                next = reply.body().path("next").isString()
                        ? reply.body().path("next").asString()
                        : null;
                if (next != null) {
                    assertThat(reply.header("Link")).contains("cursor=" + next, "rel=\"next\"");
                }
                pages++;
            } while (next != null && pages < 50);
            assertThat(seen).as("sort=" + sort).hasSize(expected).doesNotHaveDuplicates();
        }
    }

    @Test
    void progressCountsUnitsPerStateAndPercentOfCharactersAndWordsPerPairAndLocale() {
        String entry = publishedPage();
        JsonNode queue = client().get(
                        TRANSLATOR, "/api/translations/queue?source=ja&target=en&sort=page&entryId=" + entry)
                .body();
        JsonNode first = queue.path("items").get(0);
        String id = first.path("unitId").asString();
        client().post(
                        TRANSLATOR,
                        "/api/translations/units/" + id + "/submit",
                        Map.of(
                                "text",
                                "A title",
                                "sourceHash",
                                first.path("source").path("hash").asString()));

        JsonNode pairs = client().get(TRANSLATOR, "/api/translations/progress/entries/" + entry)
                .body();
        JsonNode jaEn = null;
        for (JsonNode pair : pairs.path("items")) {
            if (pair.path("sourceLocale").asString().equals("ja")
                    && pair.path("targetLocale").asString().equals("en")) {
                jaEn = pair;
            }
        }
        assertThat(jaEn).isNotNull();
        assertThat(jaEn.path("sizeUnit").asString()).isEqualTo("characters");
        assertThat(jaEn.path("units").asInt()).isEqualTo(ConferencePages.JAPANESE_ONLY.size());
        assertThat(jaEn.path("unitsByState").path("translated").asInt()).isEqualTo(1);
        int total = jaEn.path("size").asInt();
        double expected = Math.round(first.path("source").path("size").asInt() * 1000.0 / total) / 10.0;
        assertThat(jaEn.path("translatedPercent").asDouble()).isEqualTo(expected);
        assertThat(jaEn.path("approvedPercent").asDouble()).isZero();
        assertThat(jaEn.path("remainingSize").asInt())
                .as("nothing approved: all of it remains")
                .isEqualTo(total);
        assertThat(pairs.path("items").size()).isEqualTo(4);
        assertThat(pairs.path("total").asInt()).isEqualTo(4);

        JsonNode dashboard =
                client().get(TRANSLATOR, "/api/translations/progress/dashboard").body();
        assertThat(dashboard.path("items").toString())
                .contains(
                        "\"targetLocale\":\"en\"",
                        "\"targetLocale\":\"ja\"",
                        "\"targetLocale\":\"ko\"",
                        "characters",
                        "words");
    }

    @Test
    void progressListsAndMineWalkedToTheirEndByCursorServeEveryItemOnce() {
        String entry = publishedPage();

        List<String> pairs =
                Lists.all(client(), TRANSLATOR, "/api/translations/progress/entries/" + entry + "?limit=1").stream()
                        .map(QueueAndProgressTest::pair)
                        .toList();
        assertThat(pairs).doesNotHaveDuplicates().hasSize(4);
        String allPairs = "/api/translations/progress/pairs?limit=1";
        assertThat(Lists.all(client(), TRANSLATOR, allPairs).stream()
                        .map(QueueAndProgressTest::pair)
                        .toList())
                .doesNotHaveDuplicates()
                .containsAll(pairs)
                .hasSize(client().get(TRANSLATOR, allPairs).body().path("total").asInt());
        String dashboard = "/api/translations/progress/dashboard?limit=1";
        assertThat(Lists.all(client(), TRANSLATOR, dashboard, "targetLocale"))
                .doesNotHaveDuplicates()
                .contains("en", "ja")
                .hasSize(
                        client().get(TRANSLATOR, dashboard).body().path("total").asInt());

        Identity walker = translator("tr-walk-" + entry, "ja:en");
        List<String> assigned = new ArrayList<>();
        for (JsonNode unit : client().get(
                        EDITOR, "/api/translations/queue?source=ja&target=en&sort=page&limit=3&entryId=" + entry)
                .body()
                .path("items")) {
            String id = unit.path("unitId").asString();
            Reply reply = client().post(
                            EDITOR, "/api/translations/units/" + id + "/assign", Map.of("assignee", walker.subject()));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            assigned.add(id);
        }
        assertThat(assigned).hasSize(3);
        assertThat(Lists.all(client(), walker, "/api/translations/mine?limit=1", "unitId"))
                .containsExactlyInAnyOrderElementsOf(assigned);
    }

    private static String pair(JsonNode progress) {
        return progress.path("sourceLocale").asString() + ">"
                + progress.path("targetLocale").asString();
    }

    @Test
    void pageOrderFollowsTheDocumentNumbersInPathsNotTheirSpelling() {
        String entry = ConferencePages.newEntryId();
        content()
                .changed(
                        entry,
                        1,
                        "editor-1",
                        Map.of(),
                        source("sessions[s-1].presentations[p-10].title", "en", "Tenth"),
                        source("sessions[s-1].presentations[p-2].title", "en", "Second"),
                        source("sessions[s-10].presentations[p-1].title", "en", "Later session"),
                        source("sessions[s-1].presentations[p-1].title", "en", "First"),
                        source("sessions[s-1].presentations[p-02b].title", "en", "Second b"),
                        source("sessions[s-2].title", "en", "Session two"));
        String query = "/api/translations/queue?target=ja&sort=page&entryId=" + entry;
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client().get(EDITOR, query).body().path("items").size() == 6);
        java.util.List<String> paths = new java.util.ArrayList<>();
        client().get(EDITOR, query)
                .body()
                .path("items")
                .forEach(item -> paths.add(item.path("path").asString()));
        assertThat(paths)
                .containsExactly(
                        "sessions[s-1].presentations[p-1].title",
                        "sessions[s-1].presentations[p-2].title",
                        "sessions[s-1].presentations[p-02b].title",
                        "sessions[s-1].presentations[p-10].title",
                        "sessions[s-2].title",
                        "sessions[s-10].presentations[p-1].title");
    }

    @Test
    void queueRejectsBadParametersAsInvalidRequestsNamingTheParameter() {
        assertInvalid("/api/translations/queue?target=xx-invalid-", "target", "locale.invalid");
        assertInvalid("/api/translations/queue?target=de", "target", "locale.unsupported");
        assertInvalid("/api/translations/queue?state=done", "state", "queue.invalid-state");
        assertInvalid("/api/translations/queue?dueBefore=yesterday", "dueBefore", "format");
        assertInvalid("/api/translations/queue?sort=random", "sort", "queue.invalid-sort");
        assertInvalid("/api/translations/queue?cursor=not-a-cursor", "cursor", "format");
        Reply two = client().get(TRANSLATOR, "/api/translations/queue?state=done&sort=random");
        assertThat(two.body().path("errors").size()).isEqualTo(2);
        assertThat(client().get(reader("rd-2"), "/api/translations/queue").code())
                .isEqualTo("auth.forbidden");
        Reply anonymous = client().get(null, "/api/translations/queue");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("auth.required");
    }

    @Test
    void aLimitOutOfRangeIsAnInvalidRequestNeverClamped() {
        for (String limit : new String[] {"0", "101", "-1", "many"}) {
            assertInvalid("/api/translations/queue?limit=" + limit, "limit", "range");
        }
        assertInvalid("/api/translations/mine?limit=1000", "limit", "range");
        assertInvalid("/api/translations/progress/pairs?limit=0", "limit", "range");
        assertThat(client().get(TRANSLATOR, "/api/translations/queue?limit=100").status())
                .isEqualTo(200);
    }

    private void assertInvalid(String query, String field, String code) {
        Reply reply = client().get(TRANSLATOR, query);
        assertThat(reply.status()).as(query).isEqualTo(400);
        assertThat(reply.code()).as(query).isEqualTo("request.invalid");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = reply.body().path("errors").get(0);
        assertThat(error.path("field").asString()).as(query).isEqualTo(field);
        assertThat(error.path("code").asString()).as(query).isEqualTo(code);
    }

    private String first(String query) {
        return client().get(EDITOR, query)
                .body()
                .path("items")
                .get(0)
                .path("unitId")
                .asString();
    }

    private String publishedPage() {
        String entry = ConferencePages.newEntryId();
        ConferencePages.publish(content(), entry);
        String query = "/api/translations/queue?entryId=" + entry + "&limit=100";
        int all = 2 * (1 + ConferencePages.JAPANESE_ONLY.size() + ConferencePages.ENGLISH_ONLY.size());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client().get(EDITOR, query).body().path("items").size() == all);
        return entry;
    }
}
