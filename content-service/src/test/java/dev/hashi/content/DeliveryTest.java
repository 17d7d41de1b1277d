package dev.hashi.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.hashi.content.delivery.DeliveryHeaders;
import dev.hashi.embedded.SharedInfra;
import dev.hashi.testsupport.IndexCoverage;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery of single entries: one URL for all locales, locales that are not published, every locale at once,
 * referenced entries to a depth, formatted dates and numbers, and the headers caches rely on.
 */
class DeliveryTest extends ContentServiceTest {

    ServiceClient api;
    String topic;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
        topic = "topic-" + System.nanoTime();
        Reply type = api.put(Users.ADMIN, "/api/content/types/" + topic, topicType(topic));
        assertThat(type.status()).as(type.raw()).isEqualTo(200);
    }

    static Map<String, Object> topicType(String key) {
        return Map.of(
                "name",
                "Topic",
                "titleField",
                "title",
                "fields",
                List.of(
                        Map.of("key", "title", "kind", "text", "localized", true, "maxLength", 200),
                        Map.of("key", "note", "kind", "text", "localized", true, "maxLength", 200),
                        Map.of("key", "date", "kind", "date"),
                        Map.of("key", "attendance", "kind", "number"),
                        Map.of("key", "related", "kind", "reference-list", "referenceTypes", List.of(key))));
    }

    /** A topic created in {@code locale}; returns the entry view. */
    JsonNode create(String locale, Map<String, Object> fields) {
        Reply created = api.post(Users.EDITOR, "/api/content/entries", Pages.create(topic, locale, fields));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    JsonNode patch(String id, String locale, Map<String, Object> fields) {
        Reply current = api.get(Users.EDITOR, "/api/content/entries/" + id);
        Reply patched = api.patch(
                Users.EDITOR, "/api/content/entries/" + id, Pages.patch(locale, fields), "If-Match", current.etag());
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        return patched.body();
    }

    JsonNode publish(String id, String locale) {
        Reply current = api.get(Users.EDITOR, "/api/content/entries/" + id);
        Reply published = api.post(
                Users.EDITOR,
                "/api/content/entries/" + id + "/locales/" + locale + "/publish",
                null,
                "If-Match",
                current.etag());
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        return published.body();
    }

    String url(String slug) {
        return "/api/delivery/entries/" + topic + "/" + URLEncoder.encode(slug, StandardCharsets.UTF_8);
    }

    /** A topic titled in English and Japanese, both published; returns its id. */
    String bilingual(String english, String japanese) {
        String id = create("en", Map.of("title", english, "date", "2003-10-28", "attendance", 1234.5))
                .path("entryId")
                .asString();
        patch(id, "ja", Map.of("title", japanese));
        publish(id, "en");
        publish(id, "ja");
        return id;
    }

    @Test
    void anySlugOfAnyLocaleServesTheNegotiatedLocaleNamingItsCanonicalSlug() {
        String id = bilingual("Kitakyushu Initiative", "北九州イニシアティブ");
        JsonNode entry = api.get(Users.EDITOR, "/api/content/entries/" + id).body();
        String en = entry.path("slugs").path("en").asString();
        String ja = entry.path("slugs").path("ja").asString();
        assertThat(en).startsWith("kitakyushu-initiative");
        assertThat(ja).as("Japanese kept as Japanese").startsWith("北九州イニシアティブ");

        Reply english = api.get(Users.ANONYMOUS, url(ja), "Accept-Language", "en-GB,en;q=0.9");

        assertThat(english.status()).as(english.raw()).isEqualTo(200);
        assertThat(english.header("Content-Language")).isEqualTo("en");
        assertThat(english.body().path("fields").path("title").path("value").asString())
                .isEqualTo("Kitakyushu Initiative");
        String canonical = url(en) + "?locale=en";
        assertThat(english.header("Link")).isEqualTo("<" + canonical + ">; rel=\"canonical\"");
        assertThat(english.header("Content-Location")).isEqualTo(canonical);
        assertThat(english.header("Vary")).contains("Accept-Language");

        Reply japanese = api.get(Users.ANONYMOUS, url(en), "Accept-Language", "ja-JP,ja;q=0.9,en;q=0.8");
        assertThat(japanese.header("Content-Language")).isEqualTo("ja");
        assertThat(japanese.header("Content-Location")).isEqualTo(url(ja) + "?locale=ja");
        assertThat(japanese.body().path("slug").asString()).isEqualTo(ja);
        assertThat(japanese.body().path("fields").path("date").path("formatted").asString())
                .isEqualTo("2003年10月28日");
        assertThat(english.body().path("fields").path("date").path("formatted").asString())
                .isEqualTo("October 28, 2003");
        assertThat(english.body().path("fields").path("date").path("value").asString())
                .isEqualTo("2003-10-28");
        assertThat(english.body()
                        .path("fields")
                        .path("attendance")
                        .path("formatted")
                        .asString())
                .isEqualTo("1,234.5");
    }

    @Test
    void aRenamedJapaneseTitleGivesANewSlugAndTheOldOneRedirectsPermanentlyKeepingTheQuery() {
        String id = bilingual("Environment Cooperation", "環境協力");
        String old = api.get(Users.EDITOR, "/api/content/entries/" + id)
                .body()
                .path("slugs")
                .path("ja")
                .asString();
        JsonNode renamed = patch(id, "ja", Map.of("title", "環境国際協力"));
        String current = renamed.path("slugs").path("ja").asString();
        assertThat(current).as("a generated slug follows its title").startsWith("環境国際協力");
        publish(id, "ja");

        Reply moved = api.get(Users.ANONYMOUS, url(old) + "?locale=ja&include=0");

        assertThat(moved.status()).as(moved.raw()).isEqualTo(308);
        assertThat(moved.header("Location")).isEqualTo(url(current) + "?locale=ja&include=0");
        assertThat(moved.header("Vary")).contains("Accept-Language");
        assertThat(api.get(Users.ANONYMOUS, moved.header("Location")).status()).isEqualTo(200);
    }

    @Test
    void aLocaleThatIsNotPublishedIsResolvedFromThePublishedLocalesAlongItsChain() {
        String id = create("en", Map.of("title", "Only English", "note", "English note"))
                .path("entryId")
                .asString();
        patch(id, "ja", Map.of("note", "日本語の下書き"));
        String slug = publish(id, "en").path("slugs").path("en").asString();

        Reply japanese = api.get(Users.ANONYMOUS, url(slug) + "?locale=ja");

        assertThat(japanese.status()).as(japanese.raw()).isEqualTo(200);
        assertThat(japanese.body().path("locale").asString()).isEqualTo("ja");
        assertThat(japanese.body().path("localePublished").asBoolean()).isFalse();
        assertThat(japanese.header("Content-Language"))
                .as("the locale the values are in")
                .isEqualTo("en");
        JsonNode note = japanese.body().path("fields").path("note");
        assertThat(note.path("value").asString())
                .as("a Japanese draft is never served")
                .isEqualTo("English note");
        assertThat(note.path("fallback").asBoolean()).isTrue();
        assertThat(japanese.body().path("fields").path("title").path("fallback").asBoolean())
                .isTrue();
        assertThat(api.get(Users.ANONYMOUS, url(slug) + "?locale=en")
                        .body()
                        .path("localePublished")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void anEntryWithNothingPublishedIsNotFoundNamingTheLocalesItIsAvailableIn() {
        JsonNode draft = create("ja", Map.of("title", "下書きだけ"));
        String slug = draft.path("slugs").path("ja").asString();

        Reply missing = api.get(Users.ANONYMOUS, url(slug) + "?locale=ja");

        assertThat(missing.status()).as(missing.raw()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("entry.not-found");
        assertThat(missing.body().path("availableLocales").isArray()).isTrue();
        assertThat(missing.body().path("availableLocales")).isEmpty();
        assertThat(missing.header("Vary")).contains("Accept-Language");
    }

    @Test
    void everyPublishedLocaleAtOnce() {
        String id = create("en", Map.of("title", "Both", "note", "English only note"))
                .path("entryId")
                .asString();
        patch(id, "ja", Map.of("title", "両方"));
        publish(id, "en");
        String slug = publish(id, "ja").path("slugs").path("ja").asString();

        Reply all = api.get(Users.ANONYMOUS, url(slug) + "?locale=*");

        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        assertThat(all.body().path("locale").asString()).isEqualTo("*");
        assertThat(all.body().path("locales").propertyNames()).containsExactly("en", "ja");
        JsonNode ja = all.body().path("locales").path("ja").path("fields");
        assertThat(ja.path("title").path("value").asString()).isEqualTo("両方");
        assertThat(ja.path("note").path("locale").asString()).isEqualTo("en");
        assertThat(ja.path("note").path("fallback").asBoolean()).isTrue();
        assertThat(all.body()
                        .path("locales")
                        .path("en")
                        .path("fields")
                        .path("title")
                        .path("value")
                        .asString())
                .isEqualTo("Both");
        assertThat(all.header("Content-Language")).isEqualTo("en, ja");
    }

    @Test
    void referencedEntriesAreInlinedToTheRequestedDepthAndCyclesStop() {
        String a = create("en", Map.of("title", "Topic A")).path("entryId").asString();
        String b = create("en", Map.of("title", "Topic B", "related", List.of(a)))
                .path("entryId")
                .asString();
        String unpublished =
                create("en", Map.of("title", "Topic C")).path("entryId").asString();
        patch(a, "en", Map.of("related", List.of(b, unpublished)));
        publish(b, "en");
        JsonNode aPublished = publish(a, "en");
        String slug = aPublished.path("slugs").path("en").asString();

        JsonNode deep =
                api.get(Users.ANONYMOUS, url(slug) + "?locale=en&include=3").body();
        JsonNode related = deep.path("fields").path("related").path("entries");
        assertThat(related).hasSize(2);
        assertThat(related.get(0).path("entryId").asString()).isEqualTo(b);
        assertThat(related.get(0).path("fields").path("title").path("value").asString())
                .isEqualTo("Topic B");
        JsonNode back =
                related.get(0).path("fields").path("related").path("entries").get(0);
        assertThat(back.path("entryId").asString()).isEqualTo(a);
        assertThat(back.path("cycle").asBoolean()).isTrue();
        assertThat(back.path("fields").isMissingNode()).isTrue();
        assertThat(related.get(1).path("entryId").asString()).isEqualTo(unpublished);
        assertThat(related.get(1).path("available").asBoolean()).isFalse();

        Reply defaultDepth = api.get(Users.ANONYMOUS, url(slug) + "?locale=en");
        JsonNode inlined = defaultDepth
                .body()
                .path("fields")
                .path("related")
                .path("entries")
                .get(0);
        assertThat(inlined.path("fields").path("title").path("value").asString())
                .isEqualTo("Topic B");
        assertThat(inlined.path("fields").path("related").path("entries").isMissingNode())
                .as("include=1: the referenced entry's own references stay ids")
                .isTrue();
        Map<String, Long> versions = DeliveryHeaders.parseVersions(defaultDepth.header(DeliveryHeaders.VERSIONS));
        assertThat(versions)
                .containsEntry(a, aPublished.path("version").asLong())
                .containsKeys(b, unpublished);

        JsonNode flat =
                api.get(Users.ANONYMOUS, url(slug) + "?locale=en&include=0").body();
        assertThat(flat.path("fields").path("related").path("entries").isMissingNode())
                .isTrue();
        assertThat(flat.path("fields").path("related").path("value").get(0).asString())
                .isEqualTo(b);
    }

    @Test
    void aSlugIsFoundByOneKeyReadOfTheUniqueSlugIndexNeverAScan() {
        String id = bilingual("Key Read", "キー読み");
        String slug = api.get(Users.EDITOR, "/api/content/entries/" + id)
                .body()
                .path("slugs")
                .path("ja")
                .asString();
        int before = IndexCoverage.RECORDER.queries().size();

        assertThat(api.get(Users.ANONYMOUS, url(slug) + "?locale=en").status()).isEqualTo(200);

        List<IndexCoverage.Query> lookups = IndexCoverage.RECORDER.queries().stream()
                .skip(before)
                .filter(q -> q.origin().startsWith("Entries.findBySlug"))
                .toList();
        assertThat(lookups).hasSize(1).allSatisfy(q -> {
            assertThat(q.equality()).containsExactly("slugKeys");
            assertThat(q.range()).isEmpty();
        });
        try (MongoClient client = MongoClients.create(SharedInfra.mongo().connectionString())) {
            Document index =
                    client.getDatabase(DATABASE).getCollection("entries").listIndexes().into(new ArrayList<>()).stream()
                            .filter(i -> i.get("key", Document.class).containsKey("slugKeys"))
                            .findFirst()
                            .orElseThrow();
            assertThat(index.getBoolean("unique"))
                    .as("the wire server keeps unique indexes only")
                    .isTrue();
        }
    }

    @Test
    void anEntryStoredWithPerLocaleSlugKeysIsStillFound() {
        String id = bilingual("Older Entry", "古い項目");
        String slug = api.get(Users.EDITOR, "/api/content/entries/" + id)
                .body()
                .path("slugs")
                .path("en")
                .asString();
        try (MongoClient client = MongoClients.create(SharedInfra.mongo().connectionString())) {
            client.getDatabase(DATABASE)
                    .getCollection("entries")
                    .updateOne(Filters.eq("_id", id), Updates.set("slugKeys", List.of(topic + "/en/" + slug)));
        }

        Reply older = api.get(Users.ANONYMOUS, url(slug) + "?locale=en");

        assertThat(older.status()).as(older.raw()).isEqualTo(200);
        assertThat(older.body().path("entryId").asString()).isEqualTo(id);
    }

    @Test
    void theLocalesAreDescribedWithTheirChainsAndNamesInEveryLocale() {
        Reply locales = api.get(Users.ANONYMOUS, "/api/delivery/locales");

        assertThat(locales.status()).as(locales.raw()).isEqualTo(200);
        assertThat(locales.body().path("defaultLocale").asString()).isEqualTo("en");
        JsonNode ja = locales.body().path("locales").get(1);
        assertThat(ja.path("tag").asString()).isEqualTo("ja");
        assertThat(ja.path("chain").get(0).asString()).isEqualTo("ja");
        assertThat(ja.path("fallbacks").get(0).asString()).isEqualTo("en");
        assertThat(ja.path("names").path("ja").asString()).isEqualTo("日本語");
        assertThat(ja.path("names").path("en").asString()).isEqualTo("Japanese");
    }

    @Test
    void badInputIsAProblemOrASafeDefaultNeverAServerError() {
        String id = bilingual("Bad Input", "不正な入力");
        String slug = api.get(Users.EDITOR, "/api/content/entries/" + id)
                .body()
                .path("slugs")
                .path("en")
                .asString();
        for (String include : List.of("9", "-1", "abc", "4")) {
            Reply reply = api.get(Users.ANONYMOUS, url(slug) + "?include=" + include);
            BadInputTest.assertInvalid(reply, "include", "include.out-of-range", include);
        }
        BadInputTest.assertInvalid(
                api.get(Users.ANONYMOUS, url(slug) + "?locale=xx-INVALID-"), "locale", "locale.invalid", "xx-INVALID-");
        Reply garbage = api.get(Users.ANONYMOUS, url(slug), "Accept-Language", ";;;q=abc,,*-*");
        assertThat(garbage.status()).as(garbage.raw()).isEqualTo(200);
        assertThat(garbage.header("Content-Language")).isEqualTo("en");
        Reply unknownType = api.get(Users.ANONYMOUS, "/api/delivery/entries/no-such-type/" + slug);
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.code()).isEqualTo("request.invalid");

        List<String> hostile = new ArrayList<>(List.of(
                "%2e%2e",
                "a%2e%2e", "x".repeat(121), "%24where", "a.*", "%5Ba-z%5D%2B", "(a)", "WPC", "a%20b", "a%00b"));
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String path : hostile) {
            statuses.put(
                    path,
                    api.get(Users.ANONYMOUS, "/api/delivery/entries/" + topic + "/" + path)
                            .status());
        }
        assertThat(statuses)
                .allSatisfy((path, status) -> assertThat(status).as(path).isBetween(400, 499));
    }
}
