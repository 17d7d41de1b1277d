package dev.hashi.translation.queue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.hashi.identity.Identity;
import dev.hashi.translation.support.Api;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class QueueAndProgressTest extends ServiceTest {

    private static final Identity EDITOR = Api.editor("ed-nakamura");
    private static final Identity TRANSLATOR = Api.translator("tr-ono", "ja:en");

    @Test
    void editorsScheduleAndAssignAndTheQueueSortsAndFiltersAccordingly() {
        String entry = publishedPage();
        String base = "/api/translations/queue?source=ja&target=en&entry=" + entry;
        JsonNode page = api().as(EDITOR).get(base + "&sort=page&size=2").json();
        assertThat(page.path("items").size()).isEqualTo(2);
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        String urgent = page.path("items").get(1).path("id").asString();
        String later = page.path("items").get(0).path("id").asString();

        assertThat(api().as(EDITOR)
                        .put(
                                "/api/translations/units/" + urgent + "/schedule",
                                "{\"dueAt\":\"2003-10-20T00:00:00Z\",\"priority\":5}")
                        .status())
                .isEqualTo(200);
        api().as(EDITOR).put("/api/translations/units/" + later + "/schedule", "{\"dueAt\":\"2003-10-27T00:00:00Z\"}");
        assertThat(api().as(EDITOR)
                        .post("/api/translations/units/" + urgent + "/assign", "{\"assignee\":\"tr-ono\"}")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("in_progress");

        assertThat(first(base + "&sort=priority")).isEqualTo(urgent);
        assertThat(first(base + "&sort=due&dueBefore=2003-10-28")).isEqualTo(urgent);
        assertThat(api().as(EDITOR)
                        .get(base + "&dueBefore=2003-10-21")
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
        assertThat(api().as(EDITOR)
                        .get(base + "&assignee=tr-ono&state=in_progress&type=event-page")
                        .json()
                        .path("items")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(urgent);
        JsonNode mine = api().as(TRANSLATOR).get("/api/translations/mine").json();
        assertThat(mine.path("items").toString()).contains(urgent);

        assertThat(api().as(TRANSLATOR)
                        .post("/api/translations/units/" + urgent + "/unassign", "")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("untranslated");
    }

    @Test
    void progressCountsUnitsPerStateAndPercentOfCharactersAndWordsPerPairAndLocale() {
        String entry = publishedPage();
        JsonNode queue = api().as(TRANSLATOR)
                .get("/api/translations/queue?source=ja&target=en&sort=page&entry=" + entry)
                .json();
        JsonNode first = queue.path("items").get(0);
        String id = first.path("id").asString();
        api().as(TRANSLATOR)
                .post(
                        "/api/translations/units/" + id + "/submit",
                        "{\"text\":\"A title\",\"sourceHash\":\""
                                + first.path("source").path("hash").asString() + "\"}");

        JsonNode pairs = api().as(TRANSLATOR)
                .get("/api/translations/progress/entries/" + entry)
                .json();
        JsonNode jaEn = null;
        for (JsonNode pair : pairs) {
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
        assertThat(pairs.size()).isEqualTo(4);

        JsonNode dashboard =
                api().as(TRANSLATOR).get("/api/translations/progress/dashboard").json();
        assertThat(dashboard.toString())
                .contains(
                        "\"targetLocale\":\"en\"",
                        "\"targetLocale\":\"ja\"",
                        "\"targetLocale\":\"ko\"",
                        "characters",
                        "words");
    }

    @Test
    void queueRejectsBadParametersWithSpecificProblems() {
        Api staff = api().as(TRANSLATOR);
        assertThat(staff.get("/api/translations/queue?target=xx-invalid-").code())
                .isEqualTo("locale.invalid");
        assertThat(staff.get("/api/translations/queue?target=de").code()).isEqualTo("locale.unsupported");
        assertThat(staff.get("/api/translations/queue?state=done").code()).isEqualTo("queue.invalid-state");
        assertThat(staff.get("/api/translations/queue?dueBefore=yesterday").code())
                .isEqualTo("queue.invalid-date");
        assertThat(staff.get("/api/translations/queue?size=0").code()).isEqualTo("queue.invalid-size");
        assertThat(staff.get("/api/translations/queue?sort=random").code()).isEqualTo("queue.invalid-sort");
        assertThat(api().as(Api.reader("rd-2")).get("/api/translations/queue").status())
                .isEqualTo(403);
        assertThat(api().get("/api/translations/queue").status()).isEqualTo(401);
    }

    @Test
    void openApiDescribesTheQueue() {
        Api.Response docs = api().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body())
                .contains("/api/translations/queue", "/api/translations/units/{id}/submit", "/api/translations/xliff");
    }

    private String first(String query) {
        return api().as(EDITOR)
                .get(query)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
    }

    private String publishedPage() {
        String entry = ConferencePages.newEntryId();
        ConferencePages.publish(content(), entry);
        String query = "/api/translations/queue?source=ja&target=en&entry=" + entry;
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api().as(EDITOR).get(query).json().path("items").size()
                        == ConferencePages.JAPANESE_ONLY.size());
        return entry;
    }
}
