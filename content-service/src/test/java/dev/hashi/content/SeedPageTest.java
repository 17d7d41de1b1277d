package dev.hashi.content;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The seed types hold every fact of the seed page, and delivery serves them in English and Japanese. */
class SeedPageTest extends ContentServiceTest {

    @Test
    void everyFactOfTheSeedPageIsStoredPublishedAndDelivered() {
        seedTypes();
        ServiceClient api = api();
        String unescap = create(api, "organisation", SeedPage.unescap());
        String iges = create(api, "organisation", SeedPage.iges());
        Map<String, String> assets = new LinkedHashMap<>();
        Map<String, Long> sizes = Map.of(
                "minamata", 6_500_000L,
                "puchon", 47_000L,
                "surabaya-1", 5_500_000L,
                "surabaya-2", 650_000L,
                "sendai", 1_940_000L,
                "dalian", 3_850_000L,
                "iges", 410_000L,
                "kitakyushu", 4_980_000L);
        for (String file : List.of(
                "minamata",
                "puchon",
                "surabaya-1",
                "surabaya-2",
                "sendai",
                "dalian",
                "fukuoka",
                "toyama",
                "iges",
                "kitakyushu",
                "declaration")) {
            String id = Assets.id(file);
            assets.put(file, id);
            if (sizes.containsKey(file)) {
                Assets.send(Assets.available(id, 1, sizes.get(file), file.equals("puchon") ? "en" : "ja"));
            }
        }
        Assets.send(
                Assets.onRequest(assets.get("fukuoka"), 1, Map.of("en", Assets.CONTACT_EN), iges),
                Assets.onRequest(assets.get("toyama"), 1, Map.of("en", Assets.CONTACT_EN), iges),
                Assets.pending(assets.get("declaration"), 1, null));

        Reply created = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create("event-page", "en", SeedPage.english(unescap, iges, assets)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("entryId").asString();
        Reply japanese = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("ja", japaneseTitles(created.body())),
                "If-Match",
                created.etag());
        assertThat(japanese.status()).as(japanese.raw()).isEqualTo(200);
        Reply english = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.post(
                                Users.EDITOR,
                                "/api/content/entries/" + id + "/locales/en/publish",
                                null,
                                "If-Match",
                                japanese.etag()),
                        r -> r.status() == 200);
        String slug = english.body().path("slugs").path("en").asString();
        Reply japanesePublished = api.post(
                Users.EDITOR, "/api/content/entries/" + id + "/locales/ja/publish", null, "If-Match", english.etag());
        assertThat(japanesePublished.status())
                .as("the Japanese-only titles reach the English page once Japanese is published")
                .isEqualTo(200);

        JsonNode page = api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug + "?locale=en")
                .body()
                .path("fields");
        assertThat(page.path("title").path("value").asString()).isEqualTo(Pages.TITLE);
        assertThat(page.path("date").path("value").asString()).isEqualTo("2003-10-28");
        assertThat(page.path("venue").path("value").asString())
                .startsWith("Kitakyushu International Conference Centre");
        assertThat(page.path("programmeIntro").path("value").asString()).contains("three concurrent sessions");
        assertThat(page.path("sessions").findValuesAsString("id")).hasSize(3 + 1 + 9 + 4);
        JsonNode local = page.path("sessions").get(2);
        assertThat(page.path("sessions").get(0).path("theme").path("value").asString())
                .isEqualTo("Activities of residents and NGOs in environmental improvement");
        assertThat(local.path("description").path("value").asString()).isEqualTo(SeedPage.LOCAL_GOVERNMENT_SESSION);
        assertThat(local.path("moderators").get(0).path("name").path("value").asString())
                .isEqualTo("Hidefumi Imura");
        assertThat(local.path("commentators")).hasSize(4);
        assertThat(local.path("commentators")
                        .get(2)
                        .path("affiliation")
                        .path("value")
                        .asString())
                .isEqualTo("Ministry of the Environment, Government of Japan");

        JsonNode presentations = local.path("presentations");
        assertThat(presentations).hasSize(9);
        JsonNode minamata = presentations.get(0);
        assertThat(minamata.path("title").path("locale").asString()).isEqualTo("ja");
        assertThat(minamata.path("title").path("fallback").asBoolean())
                .as("Japanese only")
                .isTrue();
        assertThat(minamata.path("city").path("value").asString()).isEqualTo("Minamata City");
        assertThat(minamata.path("attachments")
                        .path("media")
                        .get(0)
                        .path("size")
                        .asString())
                .isEqualTo("6.5 MB");
        assertThat(presentations
                        .get(1)
                        .path("attachments")
                        .path("media")
                        .get(0)
                        .path("size")
                        .asString())
                .isEqualTo("47 kB");
        assertThat(presentations.get(2).path("attachments").path("media")).hasSize(2);
        assertThat(presentations
                        .get(5)
                        .path("attachments")
                        .path("media")
                        .get(0)
                        .path("availability")
                        .asString())
                .isEqualTo("on_request");
        assertThat(presentations.get(7).path("organisation").path("value").asString())
                .isEqualTo(iges);
        assertThat(page.path("declaration")
                        .path("media")
                        .get(0)
                        .path("availability")
                        .asString())
                .isEqualTo("pending");
        assertThat(ids(page.path("organisers").path("value"))).containsExactly(unescap, iges);
        assertThat(ids(page.path("contacts").path("value"))).containsExactly(iges);
    }

    private static String create(ServiceClient api, String type, Map<String, Object> fields) {
        Reply created = api.post(Users.EDITOR, "/api/content/entries", Pages.create(type, "en", fields));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().path("entryId").asString();
    }

    /** The Japanese-only titles, addressed by the ids the service gave the presentations. */
    private static Map<String, Object> japaneseTitles(JsonNode created) {
        JsonNode session = created.path("fields").path("sessions").get(2);
        List<Map<String, Object>> presentations = new ArrayList<>();
        for (int i = 0; i < SeedPage.PRESENTATIONS.size(); i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", session.path("presentations").get(i).path("id").asString());
            SeedPage.Row row = SeedPage.PRESENTATIONS.get(i);
            if (row.titleLocale().equals("ja")) {
                p.put("title", row.title());
            }
            presentations.add(p);
        }
        JsonNode sessions = created.path("fields").path("sessions");
        return Map.of(
                "sessions",
                List.of(
                        Map.of("id", sessions.get(0).path("id").asString()),
                        Map.of("id", sessions.get(1).path("id").asString()),
                        Map.of("id", session.path("id").asString(), "presentations", presentations)));
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asString()));
        return ids;
    }
}
