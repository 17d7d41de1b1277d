package dev.hashi.devstack.console;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.hashi.devstack.StackApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Kitakyushu conference page of the journeys: either one {@link #create}d through the API for a journey that edits
 * it (English title and summary, the Japanese title, a session whose Minamata presentation has only a Japanese title,
 * English and Japanese drafts), or the page the seed set {@code wpc-2003} loaded on the stack's first start
 * ({@link #seeded}).
 */
final class KitakyushuPage {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String ENGLISH_TITLE = "World Partnership Conference on Sustainable Development";
    static final String JAPANESE_TITLE = "持続可能な開発のための世界パートナーシップ会議";
    static final String MINAMATA = "水俣市の経験 — 公害から環境モデル都市へ";

    /** The seeded page's English slug. */
    static final String SEEDED_SLUG = "wpc-2003-kitakyushu";

    /** The seeded page's presentation titles that the source page has in Japanese only ("(Japanese only)"). */
    static final List<String> SEEDED_JAPANESE_ONLY = List.of(
            "住民協働の環境モデル都市づくりを目指して~水俣市~",
            "仙台市地球温暖化対策推進協議会について",
            "福岡市における環境国際協力の取組み",
            "美しい日本海を未来世代へ 環日本海環境協力センター(NPEC)とともに",
            "「クリーンな環境のための北九州イニシアチブ」と自治体間環境協力");

    final String entryId;
    final String slug;

    private KitakyushuPage(String entryId, String slug) {
        this.entryId = entryId;
        this.slug = slug;
    }

    /** The page the seed set loaded on first start, found by its English slug. */
    static KitakyushuPage seeded(StackApi stack) throws Exception {
        String editor = stack.devToken("{\"subject\":\"editor-check\",\"roles\":[\"editor\"]}");
        HttpResponse<String> pages = stack.send("GET", "/api/content/entries?type=event-page&limit=100", editor, null);
        assertThat(pages.statusCode()).as(pages.body()).isEqualTo(200);
        for (JsonNode page : JSON.readTree(pages.body()).path("items")) {
            if (SEEDED_SLUG.equals(page.path("slugs").path("en").asString(null))) {
                return new KitakyushuPage(page.path("entryId").asString(), SEEDED_SLUG);
            }
        }
        throw new AssertionError("no seeded page " + SEEDED_SLUG + " among " + pages.body());
    }

    static KitakyushuPage create(StackApi stack, String slug) throws Exception {
        String admin = stack.devToken("{\"subject\":\"admin-setup\",\"roles\":[\"admin\"]}");
        HttpResponse<String> types = stack.send("POST", "/api/content/types/seed", admin, "{}");
        assertThat(types.statusCode()).as(types.body()).isBetween(200, 201);
        Map<String, Object> fields = Map.of(
                "title",
                ENGLISH_TITLE,
                "summary",
                "Local governments of Asia and the Pacific met in Kitakyushu, Japan.",
                "date",
                "2003-10-28",
                "sessions",
                List.of(Map.of(
                        "title",
                        "Local Governments",
                        "presentations",
                        List.of(Map.of("presenter", "Minamata City, Japan")))));
        HttpResponse<String> created = stack.send(
                "POST",
                "/api/content/entries",
                admin,
                JSON.writeValueAsString(Map.of("type", "event-page", "locale", "en", "slug", slug, "fields", fields)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode entry = JSON.readTree(created.body());
        String id = entry.path("entryId").asString();
        JsonNode session = entry.path("fields").path("sessions").get(0);
        String presentation = session.path("presentations").get(0).path("id").asString();
        HttpResponse<String> japanese = stack.send(
                "PATCH",
                "/api/content/entries/" + id,
                admin,
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
                                        Map.of("presentations", Map.of(presentation, Map.of("title", MINAMATA))))))),
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow());
        assertThat(japanese.statusCode()).as(japanese.body()).isEqualTo(200);
        return new KitakyushuPage(id, slug);
    }

    /** The entry as the content API shows it to an editor now. */
    JsonNode read(StackApi stack) throws Exception {
        String editor = stack.devToken("{\"subject\":\"editor-check\",\"roles\":[\"editor\"]}");
        HttpResponse<String> entry = stack.send("GET", "/api/content/entries/" + entryId, editor, null);
        assertThat(entry.statusCode()).as(entry.body()).isEqualTo(200);
        return JSON.readTree(entry.body());
    }

    String japaneseTitle(StackApi stack) throws Exception {
        return read(stack).path("fields").path("title").path("ja").path("value").asString();
    }
}
