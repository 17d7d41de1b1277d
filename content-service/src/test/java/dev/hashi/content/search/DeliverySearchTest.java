package dev.hashi.content.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import dev.hashi.content.ContentServiceTest;
import dev.hashi.content.Pages;
import dev.hashi.content.Users;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Delivery lists and search over a type of their own, through the whole service with a real Kafka broker. */
class DeliverySearchTest extends ContentServiceTest {

    /** A type only this class writes, so other tests' entries in the shared database never show up. */
    static final String TYPE = "news-" + UUID.randomUUID().toString().substring(0, 8);

    static final List<String> JAPANESE_TITLES =
            List.of("さくら通信", "環境モデル都市の取組み", "カタカナ講座", "東京の会議", "あおぞら報告", "北九州イニシアチブ");
    static final String ENGLISH_TITLE = "Partnerships on Sustainable Development in Surabaya";

    static final Map<String, String> IDS = new LinkedHashMap<>();

    @Autowired
    DeliveryIndex index;

    ServiceClient api;

    @BeforeEach
    void setUp() {
        api = api();
        await().atMost(Duration.ofSeconds(30)).until(index::isReady);
        synchronized (IDS) {
            if (IDS.isEmpty()) {
                defineType();
                for (int i = 0; i < JAPANESE_TITLES.size(); i++) {
                    String title = JAPANESE_TITLES.get(i);
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("title", title);
                    fields.put("summary", "北九州の環境協力について " + i);
                    fields.put("topic", i % 2 == 0 ? "Waste" : "Energy");
                    fields.put("rank", i);
                    IDS.put(title, publishNew("ja", fields));
                }
                IDS.put(
                        ENGLISH_TITLE,
                        publishNew(
                                "en",
                                Map.of(
                                        "title",
                                        ENGLISH_TITLE,
                                        "summary",
                                        "Partnerships between the city and its citizens",
                                        "topic",
                                        "Energy",
                                        "rank",
                                        10)));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> list("ja", "").body().path("total").asLong() == IDS.size());
            }
        }
    }

    @Test
    void japaneseListIsInIcuJapaneseCollationOrderOfTitles() {
        Reply reply = list("ja", "&limit=100");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        List<String> titles = titles(reply.body());
        List<String> expected = new ArrayList<>(IDS.keySet());
        expected.sort(Collator.getInstance(ULocale.JAPANESE)::compare);
        assertThat(titles).isEqualTo(expected);
        List<String> codePointOrder = new ArrayList<>(IDS.keySet());
        codePointOrder.sort(String::compareTo);
        assertThat(titles).as("collation, not code point order").isNotEqualTo(codePointOrder);
        assertThat(reply.header("Hashi-Types")).isEqualTo(TYPE);
        assertThat(reply.header("Vary")).contains("Accept-Language");
        assertThat(reply.header("Content-Language")).isEqualTo("ja");
        assertThat(reply.header("Hashi-Versions")).contains(IDS.get("カタカナ講座") + "=");
        JsonNode sakura = item(reply.body(), IDS.get("さくら通信"));
        assertThat(sakura.path("fields").path("summary").path("locale").asString())
                .isEqualTo("ja");
        assertThat(sakura.path("localePublished").asBoolean()).isTrue();
    }

    @Test
    void descendingSortReversesTheOrderAndNumbersSortByValue() {
        List<String> ascending = titles(list("ja", "&sort=title&limit=100").body());
        List<String> descending = titles(list("ja", "&sort=-title&limit=100").body());
        List<String> reversed = new ArrayList<>(ascending);
        java.util.Collections.reverse(reversed);
        assertThat(descending).isEqualTo(reversed);
        List<String> byRank = titles(list("ja", "&sort=-rank&limit=3").body());
        assertThat(byRank).containsExactly(ENGLISH_TITLE, "北九州イニシアチブ", "あおぞら報告");
    }

    @Test
    void englishListShowsJapaneseOnlyEntriesAsVisibleFallbacks() {
        Reply reply = list(null, "&limit=100", "Accept-Language", "en-GB,en;q=0.9");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.header("Content-Language")).isEqualTo("en");
        JsonNode sakura = item(reply.body(), IDS.get("さくら通信"));
        assertThat(sakura.path("locale").asString()).isEqualTo("en");
        assertThat(sakura.path("localePublished").asBoolean()).isFalse();
        assertThat(sakura.path("slugLocale").asString()).isEqualTo("ja");
        assertThat(sakura.path("fields").path("title").path("value").asString()).isEqualTo("さくら通信");
        assertThat(sakura.path("fields").path("title").path("fallback").asBoolean())
                .isTrue();
        JsonNode english = item(reply.body(), IDS.get(ENGLISH_TITLE));
        assertThat(english.path("localePublished").asBoolean()).isTrue();
        assertThat(english.path("fields").path("title").path("fallback").asBoolean())
                .isFalse();
    }

    @Test
    void filtersMatchWholeFoldedValuesAndCountTotals() {
        Reply waste = list("ja", "&filter.topic=" + encode("ＷＡＳＴＥ"));
        assertThat(waste.status()).as(waste.raw()).isEqualTo(200);
        assertThat(waste.body().path("total").asLong()).isEqualTo(3);
        Reply both = list("ja", "&filter.topic=Energy&filter.rank=5");
        assertThat(titles(both.body())).containsExactly("北九州イニシアチブ");
        assertThat(both.body().path("total").asLong()).isEqualTo(1);
        Reply either = list("ja", "&filter.rank=1&filter.rank=2.0");
        assertThat(either.body().path("total").asLong()).isEqualTo(2);
    }

    @Test
    void pagesFollowTheCursorWithTheTotalOnEveryPage() {
        List<String> all = titles(list("ja", "&limit=100").body());
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = list("ja", "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            assertThat(page.body().path("total").asLong()).isEqualTo(IDS.size());
            paged.addAll(titles(page.body()));
            cursor = page.body().path("next").isMissingNode()
                    ? null
                    : page.body().path("next").asString(null);
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void fieldsPicksWhatItemsShow() {
        Reply reply = list("ja", "&fields=topic,rank&limit=1");
        JsonNode fields = reply.body().path("items").get(0).path("fields");
        assertThat(fields.propertyNames()).containsExactly("topic", "rank");
        assertThat(fields.path("topic").path("locale").isNull()).isTrue();
    }

    @Test
    void japaneseWordFindsItInsideALongerCompound() {
        Reply reply = search("「環境」", "&limit=100");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        JsonNode hit = hit(reply.body(), IDS.get("環境モデル都市の取組み"), "title");
        assertThat(hit.path("locale").asString()).isEqualTo("ja");
        assertThat(hit.path("type").asString()).isEqualTo(TYPE);
        assertThat(hit.path("slugLocale").asString()).isEqualTo("ja");
        assertThat(hit.path("snippet").asString()).isEqualTo("環境モデル都市の取組み");
        assertThat(hit.path("marks").get(0).path("start").asInt()).isZero();
        assertThat(hit.path("marks").get(0).path("end").asInt()).isEqualTo(2);
        assertThat(hit.path("snippetHtml").asString()).isEqualTo("<mark>環境</mark>モデル都市の取組み");
        assertThat(reply.header("Hashi-Types")).isEqualTo("*");
    }

    @Test
    void halfWidthKatakanaFindsFullWidth() {
        Reply reply = search("ｶﾀｶﾅ", "&type=" + TYPE);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        hit(reply.body(), IDS.get("カタカナ講座"), "title");
        assertThat(reply.header("Hashi-Types")).isEqualTo(TYPE);
    }

    @Test
    void englishTermFindsTheEnglishPageFirstForEnglishReaders() {
        Reply reply = search("SURABAYA partnerships", "&locale=en&type=" + TYPE);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        JsonNode first = reply.body().path("items").get(0);
        assertThat(first.path("entryId").asString()).isEqualTo(IDS.get(ENGLISH_TITLE));
        assertThat(first.path("locale").asString()).isEqualTo("en");
        assertThat(first.path("field").asString()).isEqualTo("title");
        assertThat(first.path("score").asDouble()).isPositive();
    }

    @Test
    void searchWalkedToItsEndByCursorFindsEveryHitOnce() {
        String query = "/api/delivery/search?q=" + encode("北九州") + "&locale=ja&type=" + TYPE + "&limit=2";
        long total = api.get(Users.ANONYMOUS, query).body().path("total").asLong();

        List<String> hits = Lists.all(api, Users.ANONYMOUS, query).stream()
                .map(hit -> hit.path("entryId").asString() + " "
                        + hit.path("locale").asString() + " "
                        + hit.path("field").asString())
                .toList();

        assertThat(hits).as("a hit is one field of one entry in one locale").doesNotHaveDuplicates();
        assertThat(hits).hasSize((int) total).hasSizeGreaterThan(2);
        assertThat(hits.stream().map(hit -> hit.substring(0, hit.indexOf(' '))))
                .containsAll(JAPANESE_TITLES.stream().map(IDS::get).toList());
    }

    @Test
    void aLocaleRanksItsOwnValuesBeforeFallbackLocales() {
        Reply reply = search("北九州", "&locale=en&type=" + TYPE + "&limit=100");
        List<String> locales = new ArrayList<>();
        reply.body().path("items").forEach(h -> locales.add(h.path("locale").asString()));
        assertThat(locales).isNotEmpty().allMatch("ja"::equals);
        Reply english = search("partnerships", "&locale=ja&type=" + TYPE + "&limit=100");
        assertThat(english.body().path("total").asLong()).isEqualTo(2);
    }

    @Test
    void queryAndFilterMetacharactersAreHarmlessText() {
        for (String nasty : List.of("$where", ".*", "(", "{\"$gt\":\"\"}", "title:*", "a OR b", "\\")) {
            Reply found = search(nasty, "");
            assertThat(found.status()).as(nasty + " " + found.raw()).isEqualTo(200);
            Reply filtered = list("ja", "&filter.title=" + encode(nasty));
            assertThat(filtered.status()).as(nasty + " " + filtered.raw()).isEqualTo(200);
            assertThat(filtered.body().path("total").asLong()).as(nasty).isZero();
        }
        Reply dollarField = list("ja", "&filter.%24where=1");
        assertThat(dollarField.status()).isEqualTo(400);
        assertThat(dollarField.body().path("errors").get(0).path("code").asString())
                .isEqualTo("list.field-unknown");
    }

    @Test
    void badListParametersAreSpecificProblems() {
        assertThat(api.get(Users.ANONYMOUS, "/api/delivery/entries/no-such-type")
                        .status())
                .isEqualTo(404);
        assertThat(list("ja", "&limit=100000").status()).isEqualTo(400);
        assertThat(list("ja", "&limit=0").status()).isEqualTo(400);
        assertThat(list("ja", "&cursor=garbage!").status()).isEqualTo(400);
        assertThat(list("ja", "&sort=nope")
                        .body()
                        .path("errors")
                        .get(0)
                        .path("code")
                        .asString())
                .isEqualTo("list.field-unknown");
        assertThat(list("ja", "&sort=featured")
                        .body()
                        .path("errors")
                        .get(0)
                        .path("code")
                        .asString())
                .isEqualTo("list.field-not-sortable");
        assertThat(list("ja", "&fields=title,nope").status()).isEqualTo(400);
        assertThat(list("xx", "").status()).isEqualTo(400);
        Reply notFound = api.get(Users.ANONYMOUS, "/api/delivery/entries/no-such-type?locale=ja");
        assertThat(notFound.header("Vary")).contains("Accept-Language");
        Reply farCursor = list(
                "ja",
                "&cursor="
                        + dev.hashi.service.paging.Cursor.atOffset(Integer.MAX_VALUE)
                                .encode());
        assertThat(farCursor.status()).as(farCursor.raw()).isEqualTo(200);
        assertThat(farCursor.body().path("items").size()).isZero();
    }

    @Test
    void badSearchParametersAreSpecificProblems() {
        assertThat(api.get(Users.ANONYMOUS, "/api/delivery/search").status()).isEqualTo(400);
        assertThat(search("  ", "").status()).isEqualTo(400);
        Reply tooLong = search("環".repeat(257), "");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("errors").get(0).path("code").asString()).isEqualTo("range");
        assertThat(search("環".repeat(256), "").status()).isEqualTo(200);
        assertThat(search("x", "&locale=zz").status()).isEqualTo(400);
        assertThat(search("x", "&type=no-such-type").status()).isEqualTo(400);
        assertThat(search("x", "&limit=101").status()).isEqualTo(400);
    }

    @Test
    void aPublishedEntryBecomesSearchableAndUnpublishingRemovesIt() {
        Reply created = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create(TYPE, "ja", Map.of("title", "水俣市の環境モデル都市づくり", "summary", "住民協働")));
        String id = created.body().path("entryId").asString();
        Reply published = action(id, "ja", "publish", created.etag());
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> search("水俣", "&type=" + TYPE).body().path("total").asLong() == 1);
        assertThat(search("水俣", "&type=" + TYPE)
                        .body()
                        .path("items")
                        .get(0)
                        .path("entryId")
                        .asString())
                .isEqualTo(id);

        Reply unpublished = action(id, "ja", "unpublish", published.etag());
        assertThat(unpublished.status()).as(unpublished.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> search("水俣", "&type=" + TYPE).body().path("total").asLong() == 0);
        assertThat(list("ja", "&limit=100").body().path("total").asLong()).isEqualTo(IDS.size());
    }

    @Test
    void onlyPublishedLocalesServeAsFallbacksAndPublishingOneLocaleChangesTheOthers() {
        Reply created = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create(TYPE, "en", Map.of("title", "Zero-emission City", "rank", 20)));
        String id = created.body().path("entryId").asString();
        Reply japanese = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("ja", Map.of("title", "ゼロエミッション都市", "summary", "下書きの概要")),
                "If-Match",
                created.etag());
        Reply english = action(id, "en", "publish", japanese.etag());
        assertThat(english.status()).as(english.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> hasItem(list("en", "&filter.rank=20").body(), id));
        JsonNode draftOnly = item(list("en", "&filter.rank=20").body(), id);
        assertThat(draftOnly.path("fields").has("summary"))
                .as("a draft Japanese summary is not delivered")
                .isFalse();
        assertThat(search("下書き", "").body().path("total").asLong()).isZero();

        Reply published = action(id, "ja", "publish", english.etag());
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> item(list("en", "&filter.rank=20").body(), id)
                        .path("fields")
                        .has("summary"));
        JsonNode withFallback = item(list("en", "&filter.rank=20").body(), id);
        assertThat(withFallback.path("fields").path("summary").path("locale").asString())
                .isEqualTo("ja");
        assertThat(withFallback.path("fields").path("summary").path("fallback").asBoolean())
                .isTrue();
        assertThat(withFallback.path("fields").path("title").path("value").asString())
                .isEqualTo("Zero-emission City");
        JsonNode inJapanese = item(list("ja", "&filter.rank=20").body(), id);
        assertThat(inJapanese.path("fields").path("title").path("value").asString())
                .isEqualTo("ゼロエミッション都市");

        Reply deleted = api.delete(Users.EDITOR, "/api/content/entries/" + id, "If-Match", published.etag());
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> list("en", "&filter.rank=20").body().path("total").asLong() == 0);
    }

    private static boolean hasItem(JsonNode page, String entryId) {
        for (JsonNode item : page.path("items")) {
            if (item.path("entryId").asString().equals(entryId)) {
                return true;
            }
        }
        return false;
    }

    private void defineType() {
        List<Map<String, Object>> fields = List.of(
                field("title", "text", true, true),
                field("summary", "text", true, false),
                field("topic", "text", false, false),
                field("rank", "number", false, false),
                field("featured", "boolean", false, false));
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("name", "News");
        type.put("titleField", "title");
        type.put("fields", fields);
        Reply defined = api.put(Users.ADMIN, "/api/content/types/" + TYPE, type);
        assertThat(defined.status()).as(defined.raw()).isEqualTo(200);
    }

    private static Map<String, Object> field(String key, String kind, boolean localized, boolean required) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("key", key);
        field.put("kind", kind);
        field.put("localized", localized);
        field.put("requiredToPublish", required);
        return field;
    }

    private String publishNew(String locale, Map<String, Object> fields) {
        Reply created = api.post(Users.EDITOR, "/api/content/entries", Pages.create(TYPE, locale, fields));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("entryId").asString();
        Reply published = action(id, locale, "publish", created.etag());
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        return id;
    }

    private Reply action(String id, String locale, String action, String etag) {
        return api.post(
                Users.EDITOR,
                "/api/content/entries/" + id + "/locales/" + locale + "/" + action,
                null,
                "If-Match",
                etag);
    }

    private Reply list(String locale, String query, String... headers) {
        String path = "/api/delivery/entries/" + TYPE + "?x=1" + (locale == null ? "" : "&locale=" + locale) + query;
        return api.get(Users.ANONYMOUS, path, headers);
    }

    private Reply search(String q, String query) {
        return api.get(Users.ANONYMOUS, "/api/delivery/search?q=" + encode(q) + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items")
                .forEach(i ->
                        titles.add(i.path("fields").path("title").path("value").asString()));
        return titles;
    }

    private static JsonNode item(JsonNode page, String entryId) {
        for (JsonNode item : page.path("items")) {
            if (item.path("entryId").asString().equals(entryId)) {
                return item;
            }
        }
        throw new AssertionError("no item " + entryId + " in " + page);
    }

    private static JsonNode hit(JsonNode page, String entryId, String field) {
        for (JsonNode hit : page.path("items")) {
            if (hit.path("entryId").asString().equals(entryId)
                    && hit.path("field").asString().equals(field)) {
                return hit;
            }
        }
        throw new AssertionError("no hit " + entryId + " " + field + " in " + page);
    }
}
