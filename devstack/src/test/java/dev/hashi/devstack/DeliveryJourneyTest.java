package dev.hashi.devstack;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery as a client lives it, through the gateway on the dev stack: one page URL in English, Japanese and every
 * locale with the locale of each value, 304 on a repeat, the gateway's cache answering and staying fresh after a
 * publish, pages listed in Japanese order, the page found by a Japanese and an English term, and the change feed.
 */
@SharedStack
class DeliveryJourneyTest {

    static final String MINAMATA = "住民協働の環境モデル都市づくりを目指して~水俣市~";
    static final String DALIAN = "Pollution Control Programmes and Cooperation with Japan";
    static final String JAPANESE_TITLE = "持続可能な開発のための世界パートナーシップ会議";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static StackApi stack;
    static String admin;
    static String editor;
    static String pageId;
    static String englishSlug;
    static String japaneseSlug;

    @BeforeAll
    static void publishThePage(StackApi shared) throws Exception {
        stack = shared;
        Team team = Team.signIn(stack);
        admin = team.admin();
        editor = team.editor();

        Map<String, Object> fields = Map.of(
                "title",
                "World Partnership Conference on Sustainable Development",
                "summary",
                "Local governments of Asia and the Pacific in Kitakyushu.",
                "date",
                "2003-10-28",
                "sessions",
                List.of(Map.of(
                        "title",
                        "Local Governments",
                        "presentations",
                        List.of(
                                Map.of("presenter", "Minamata City, Japan"),
                                Map.of("title", DALIAN, "presenter", "Dalian City, China")))));
        HttpResponse<String> created = stack.send(
                "POST",
                "/api/content/entries",
                editor,
                JSON.writeValueAsString(Map.of("type", "event-page", "locale", "en", "fields", fields)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode entry = json(created);
        pageId = entry.path("entryId").asString();
        JsonNode session = entry.path("fields").path("sessions").get(0);
        HttpResponse<String> japanese = stack.send(
                "PATCH",
                "/api/content/entries/" + pageId,
                editor,
                JSON.writeValueAsString(Map.of(
                        "locale",
                        "ja",
                        "fields",
                        Map.of(
                                "title",
                                JAPANESE_TITLE,
                                "sessions",
                                Map.of(
                                        session.path("id").asString(),
                                        Map.of(
                                                "presentations",
                                                Map.of(
                                                        session.path("presentations")
                                                                .get(0)
                                                                .path("id")
                                                                .asString(),
                                                        Map.of("title", MINAMATA))))))),
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow());
        assertThat(japanese.statusCode()).as(japanese.body()).isEqualTo(200);
        publish(pageId, "en");
        JsonNode published = publish(pageId, "ja");
        englishSlug = published.path("slugs").path("en").asString();
        japaneseSlug = published.path("slugs").path("ja").asString();
        assertThat(japaneseSlug)
                .as("the Japanese slug comes from the Japanese title")
                .contains("持続可能");
    }

    @Test
    void onePageUrlServesEveryLocaleWithTheLocaleOfEachValue() throws Exception {
        String url = "/api/delivery/entries/event-page/" + englishSlug + "?include=1";
        HttpResponse<String> english = stack.send("GET", url, null, null, "Accept-Language", "en-GB,en;q=0.9");
        assertThat(english.statusCode()).as(english.body()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Language")).contains("en");
        assertThat(english.headers().allValues("Vary").toString()).contains("Accept-Language");
        assertThat(english.headers().firstValue("Cache-Control").orElseThrow()).contains("public");
        assertThat(english.headers().map().keySet())
                .noneMatch(h -> h.toLowerCase().startsWith("hashi-versions"));
        JsonNode minamata = presentation(json(english), 0).path("title");
        assertThat(minamata.path("value").asString()).isEqualTo(MINAMATA);
        assertThat(minamata.path("locale").asString()).as("Japanese only").isEqualTo("ja");
        assertThat(minamata.path("fallback").asBoolean()).isTrue();

        HttpResponse<String> japanese =
                stack.send("GET", url, null, null, "Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5");
        assertThat(japanese.statusCode()).as(japanese.body()).isEqualTo(200);
        assertThat(japanese.headers().firstValue("Content-Language")).contains("ja");
        assertThat(japanese.headers().firstValue("Link").orElseThrow())
                .contains(
                        URLEncoder.encode(japaneseSlug, StandardCharsets.UTF_8).replace("+", "%20"))
                .contains("rel=\"canonical\"");
        JsonNode page = json(japanese);
        assertThat(page.path("fields").path("title").path("value").asString()).isEqualTo(JAPANESE_TITLE);
        JsonNode dalian = presentation(page, 1).path("title");
        assertThat(dalian.path("value").asString()).isEqualTo(DALIAN);
        assertThat(dalian.path("locale").asString())
                .as("English only on the Japanese page")
                .isEqualTo("en");

        HttpResponse<String> every = stack.get("/api/delivery/entries/event-page/" + englishSlug + "?locale=*");
        assertThat(every.statusCode()).as(every.body()).isEqualTo(200);
        assertThat(json(every)
                        .path("locales")
                        .path("ja")
                        .path("fields")
                        .path("title")
                        .path("value")
                        .asString())
                .isEqualTo(JAPANESE_TITLE);
        assertThat(json(every)
                        .path("locales")
                        .path("en")
                        .path("fields")
                        .path("title")
                        .path("value")
                        .asString())
                .startsWith("World Partnership");

        String etag = english.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again =
                stack.send("GET", url, null, null, "Accept-Language", "en-GB,en;q=0.9", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().allValues("Vary").toString()).contains("Accept-Language");
    }

    @Test
    void anEditPublishedReplacesTheCachedPageThroughTheGateway() throws Exception {
        String url = "/api/delivery/entries/event-page/" + englishSlug + "?locale=en";
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> stack.get(url)
                        .headers()
                        .firstValue("Hashi-Cache")
                        .orElse("")
                        .equals("hit"));

        String summary = "Edited " + System.nanoTime();
        JsonNode current = json(stack.send("GET", "/api/content/entries/" + pageId, editor, null));
        HttpResponse<String> edited = stack.send(
                "PATCH",
                "/api/content/entries/" + pageId,
                editor,
                JSON.writeValueAsString(Map.of("locale", "en", "fields", Map.of("summary", summary))),
                "If-Match",
                "\"" + current.path("version").asLong() + "\"");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        publish(pageId, "en");
        long published = System.nanoTime();

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> json(stack.get(url))
                        .path("fields")
                        .path("summary")
                        .path("value")
                        .asString()
                        .equals(summary));
        System.out.printf(
                "published edit served through the gateway after %d ms%n", (System.nanoTime() - published) / 1_000_000);
    }

    @Test
    void pagesAreListedInJapaneseOrderAndFoundByJapaneseAndEnglishTerms() throws Exception {
        List<String> titles = List.of("さくらの会議", "アジアの会議", "かえでの会議");
        for (String title : titles) {
            HttpResponse<String> created = stack.send(
                    "POST",
                    "/api/content/entries",
                    editor,
                    JSON.writeValueAsString(Map.of(
                            "type",
                            "event-page",
                            "locale",
                            "ja",
                            "fields",
                            Map.of("title", title, "summary", "会議の概要", "date", "2003-10-28"))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            publish(json(created).path("entryId").asString(), "ja");
        }
        List<String> listed = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            List<String> found = new ArrayList<>();
                            json(stack.get("/api/delivery/entries/event-page?locale=ja&sort=title&limit=100"))
                                    .path("items")
                                    .forEach(i -> found.add(i.path("fields")
                                            .path("title")
                                            .path("value")
                                            .asString()));
                            return found;
                        },
                        found -> found.containsAll(titles));
        List<String> kana = listed.stream().filter(titles::contains).toList();
        assertThat(kana)
                .as("ICU's Japanese order: katakana and hiragana sort together by their sound, not by code point")
                .containsExactly("アジアの会議", "かえでの会議", "さくらの会議");

        // other journeys sharing the stack publish pages with the same terms: one page of 100 holds them all
        JsonNode japaneseHits =
                json(stack.get("/api/delivery/search?limit=100&q=" + URLEncoder.encode("水俣", StandardCharsets.UTF_8)));
        assertThat(japaneseHits.path("items").findValuesAsString("entryId")).contains(pageId);
        JsonNode englishHits = json(stack.get("/api/delivery/search?limit=100&q=pollution+control&locale=en"));
        assertThat(englishHits.path("items").findValuesAsString("entryId")).contains(pageId);
        assertThat(stack.get("/api/delivery/search?q=" + "x".repeat(300)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theChangeFeedShowsPublishingAndResumesFromItsCursor() throws Exception {
        JsonNode first = json(stack.get("/api/delivery/changes?limit=100"));
        List<JsonNode> all = new ArrayList<>();
        first.path("items").forEach(all::add);
        String next = first.path("next").asString();
        while (first.path("hasMore").asBoolean()) {
            first = json(stack.get("/api/delivery/changes?limit=100&since=" + next));
            first.path("items").forEach(all::add);
            next = first.path("next").asString();
        }
        assertThat(all)
                .anyMatch(i -> i.path("entryId").asString().equals(pageId)
                        && i.path("change").asString().equals("published")
                        && i.path("locale").asString().equals("ja"));

        HttpResponse<String> created = stack.send(
                "POST",
                "/api/content/entries",
                editor,
                JSON.writeValueAsString(Map.of(
                        "type",
                        "event-page",
                        "locale",
                        "en",
                        "fields",
                        Map.of("title", "Feed page", "summary", "A page for the feed.", "date", "2003-10-29"))));
        String feedPage = json(created).path("entryId").asString();
        publish(feedPage, "en");
        String since = next;
        JsonNode newer = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> json(stack.get("/api/delivery/changes?since=" + since)),
                        page -> page.path("items").findValuesAsString("entryId").contains(feedPage));
        assertThat(newer.path("items").findValuesAsString("entryId")).doesNotContain(pageId);
        assertThat(stack.get("/api/delivery/changes?since=garbage").statusCode())
                .isEqualTo(400);
    }

    private static JsonNode publish(String id, String locale) throws Exception {
        JsonNode entry = json(stack.send("GET", "/api/content/entries/" + id, editor, null));
        HttpResponse<String> published = stack.send(
                "POST",
                "/api/content/entries/" + id + "/locales/" + locale + "/publish",
                editor,
                null,
                "If-Match",
                "\"" + entry.path("version").asLong() + "\"");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return json(published);
    }

    private static JsonNode presentation(JsonNode page, int index) {
        return page.path("fields").path("sessions").get(0).path("presentations").get(index);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
