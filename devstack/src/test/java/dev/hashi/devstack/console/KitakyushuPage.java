package dev.hashi.devstack.console;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.hashi.devstack.StackApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kitakyushu conference page the journeys edit, created through the API: English title and summary, the Japanese
 * title, a session whose Minamata presentation has only a Japanese title,
 * English and Japanese drafts (the journeys publish). Once the dev stack seeds itself on first start ({@code HASHI_SEED}), {@link
 * #create} becomes a lookup of the seeded page by its English slug.
 */
final class KitakyushuPage {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String ENGLISH_TITLE = "World Partnership Conference on Sustainable Development";
    static final String JAPANESE_TITLE = "持続可能な開発のための世界パートナーシップ会議";
    static final String MINAMATA = "水俣市の経験 — 公害から環境モデル都市へ";

    final String entryId;
    final String slug;

    private KitakyushuPage(String entryId, String slug) {
        this.entryId = entryId;
        this.slug = slug;
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
