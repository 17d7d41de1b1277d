package dev.hashi.content;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reference lists: the page's organisers and contacts (entries) and the Surabaya presentation's two files (media
 * assets) are stored once, whatever the locale, kept by edits that do not name them, and checked when publishing.
 */
class ReferenceListsTest extends ContentServiceTest {

    private ServiceClient api;
    private String unescap;
    private String iges;

    @BeforeEach
    void organisations() {
        seedTypes();
        api = api();
        unescap = create(
                        "organisation",
                        Map.of("name", "United Nations Economic and Social Commission for Asia and the Pacific"))
                .path("entryId")
                .asString();
        iges = create("organisation", Pages.secretariat()).path("entryId").asString();
    }

    @Test
    void pageKeepsItsOrganisersContactsAndAttachmentsInOrderOnceForAllLocales() {
        String first = Assets.id("surabaya-1");
        String second = Assets.id("surabaya-2");
        JsonNode page = create("event-page", surabayaPage(first, second));

        assertThat(ids(page.path("fields").path("organisers"))).containsExactly(unescap, iges);
        assertThat(ids(page.path("fields").path("contacts"))).containsExactly(iges);
        assertThat(ids(attachments(page))).containsExactly(first, second);
        assertThat(page.path("fields").path("organisers").path("originLocale").isNull())
                .as("a reference list is one locale-independent value")
                .isTrue();
    }

    @Test
    void partialEditInAnotherLocaleLeavesReferenceListsAsTheyAre() {
        String first = Assets.id("surabaya-1");
        String second = Assets.id("surabaya-2");
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", surabayaPage(first, second)));
        JsonNode page = created.body();
        JsonNode session = page.path("fields").path("sessions").get(0);
        JsonNode presentation = session.path("presentations").get(0);

        Reply japanese = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + page.path("entryId").asString(),
                Pages.patch(
                        "ja",
                        Map.of(
                                "title",
                                "持続可能な開発に関する世界パートナーシップ会議",
                                "sessions",
                                List.of(Map.of(
                                        "id",
                                        session.path("id").asString(),
                                        "presentations",
                                        List.of(Map.of(
                                                "id",
                                                presentation.path("id").asString(),
                                                "title",
                                                "スラバヤにおける持続可能な開発のパートナーシップ")))))),
                "If-Match",
                created.etag());

        assertThat(japanese.status()).as(japanese.raw()).isEqualTo(200);
        JsonNode after = japanese.body();
        assertThat(ids(after.path("fields").path("organisers"))).containsExactly(unescap, iges);
        assertThat(ids(after.path("fields").path("contacts"))).containsExactly(iges);
        assertThat(ids(attachments(after))).containsExactly(first, second);
        List<JsonNode> history = Lists.all(
                api,
                Users.EDITOR,
                "/api/content/entries/" + page.path("entryId").asString() + "/revisions");
        assertThat(history.get(1).path("changes").findValuesAsString("locale"))
                .as("only the Japanese values changed; no locale-independent value was written again")
                .containsOnly("ja")
                .hasSize(2);
    }

    @Test
    void reorderingAndEmptyingAListChangesOnlyThatList() {
        JsonNode page = create("event-page", surabayaPage(Assets.id("s1"), Assets.id("s2")));
        String id = page.path("entryId").asString();

        Reply reordered = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("en", Map.of("organisers", List.of(iges, unescap))),
                "If-Match",
                "\"" + page.path("version").asLong() + "\"");
        assertThat(ids(reordered.body().path("fields").path("organisers"))).containsExactly(iges, unescap);

        Reply emptied = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("en", Map.of("contacts", List.of())),
                "If-Match",
                reordered.etag());
        assertThat(emptied.body().path("fields").has("contacts")).isFalse();
        assertThat(ids(emptied.body().path("fields").path("organisers"))).containsExactly(iges, unescap);
    }

    @Test
    void publishingChecksEveryEntryAndAssetOfTheListsAndDeliversThemInOrder() {
        String first = Assets.id("surabaya-1");
        String second = Assets.id("surabaya-2");
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", surabayaPage(first, second)));
        String id = created.body().path("entryId").asString();
        String attachmentsPath = "sessions["
                + created.body()
                        .path("fields")
                        .path("sessions")
                        .get(0)
                        .path("id")
                        .asString()
                + "].presentations["
                + created.body()
                        .path("fields")
                        .path("sessions")
                        .get(0)
                        .path("presentations")
                        .get(0)
                        .path("id")
                        .asString()
                + "].attachments";
        api.delete(Users.EDITOR, "/api/content/entries/" + unescap, "If-Match", "\"1\"");
        Assets.send(Assets.available(first, 1, 5_500_000, "en"));

        List<String> expected = List.of(
                "publish.reference-missing organisers " + unescap,
                "publish.asset-missing " + attachmentsPath + " " + second);
        await().atMost(Duration.ofSeconds(20)).until(() -> problems(publish(id, created.etag())), expected::equals);

        Reply fixed = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("en", Map.of("organisers", List.of(iges))),
                "If-Match",
                created.etag());
        Assets.send(Assets.available(second, 1, 650_000, "en"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> publish(id, fixed.etag()).status() == 200);

        String slug = fixed.body().path("slugs").path("en").asString();
        JsonNode delivered = api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug + "?locale=en")
                .body();
        JsonNode organisers = delivered.path("fields").path("organisers");
        assertThat(ids(organisers.path("value"))).containsExactly(iges);
        assertThat(organisers.has("locale") && organisers.path("locale").isNull())
                .as("a locale-independent value is delivered with locale null")
                .isTrue();
        assertThat(organisers.has("media"))
                .as("only media fields carry asset views")
                .isFalse();
        JsonNode files = delivered
                .path("fields")
                .path("sessions")
                .get(0)
                .path("presentations")
                .get(0)
                .path("attachments");
        assertThat(ids(files.path("value"))).containsExactly(first, second);
        assertThat(files.path("media").get(0).path("size").asString()).isEqualTo("5.5 MB");
        assertThat(files.path("media").get(1).path("size").asString()).isEqualTo("650 kB");
        assertThat(files.path("media")).hasSize(2);
    }

    /** The publish problems as "code field value", in order. */
    private static List<String> problems(Reply refused) {
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        List<String> problems = new java.util.ArrayList<>();
        for (JsonNode e : refused.body().path("errors")) {
            problems.add(e.path("code").asString() + " " + e.path("field").asString() + " "
                    + e.path("value").asString());
        }
        return problems;
    }

    private Reply publish(String id, String etag) {
        return api.post(Users.EDITOR, "/api/content/entries/" + id + "/locales/en/publish", null, "If-Match", etag);
    }

    private Map<String, Object> surabayaPage(String first, String second) {
        Map<String, Object> presentation = new LinkedHashMap<>();
        presentation.put("title", "Partnerships on Sustainable Development in Surabaya");
        presentation.put("city", "Surabaya");
        presentation.put("country", "Indonesia");
        presentation.put("attachments", List.of(first, second));
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("title", "Local Governments");
        session.put("presentations", List.of(presentation));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", Pages.TITLE);
        page.put("summary", "A declaration (English, Japanese) was adopted at the Conference (to be made available).");
        page.put("date", "2003-10-28");
        page.put("sessions", List.of(session));
        page.put("organisers", List.of(unescap, iges));
        page.put("contacts", List.of(iges));
        return page;
    }

    private JsonNode create(String type, Map<String, Object> fields) {
        Reply created = api.post(Users.EDITOR, "/api/content/entries", Pages.create(type, "en", fields));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    private static JsonNode attachments(JsonNode entry) {
        return entry.path("fields")
                .path("sessions")
                .get(0)
                .path("presentations")
                .get(0)
                .path("attachments");
    }

    /** The ids of a list value, from an entry view's value or a delivered value's array. */
    private static List<String> ids(JsonNode node) {
        JsonNode list = node.isArray() ? node : node.path("value");
        List<String> ids = new java.util.ArrayList<>();
        list.forEach(id -> ids.add(id.asString()));
        return ids;
    }
}
