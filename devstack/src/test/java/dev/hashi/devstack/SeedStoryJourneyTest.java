package dev.hashi.devstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.hashi.seeds.SeedCommand;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed set's story on the dev stack, through the gateway: the launcher loads {@code wpc-2003} into the empty
 * installation on first start; {@code hashi-seed} run again changes nothing and says so, and reports a failing item
 * while the rest goes on; then the end-to-end steps on the seeded Kitakyushu page, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedStoryJourneyTest {

    static final String SLUG = "wpc-2003-kitakyushu";
    static final String MINAMATA = "住民協働の環境モデル都市づくりを目指して~水俣市~";
    static final List<String> JAPANESE_ONLY = List.of(
            MINAMATA,
            "仙台市地球温暖化対策推進協議会について",
            "福岡市における環境国際協力の取組み",
            "美しい日本海を未来世代へ 環日本海環境協力センター(NPEC)とともに",
            "「クリーンな環境のための北九州イニシアチブ」と自治体間環境協力");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    static LaunchedStack stack;
    static String admin;
    static String editor;
    static String translator;
    static String reviewer;
    static String pageId;

    @BeforeAll
    static void startTheStackWhichLoadsTheSeeds() throws Exception {
        // the gateway waits longer than its default 10 s for a service: a loaded two-core machine needed that for
        // ConferencePageJourneyTest's rebuilds, and the seed publishes are of the same weight
        stack = LaunchedStack.onFreePorts(data)
                .withEnvironment("HASHI_SEED", "wpc-2003")
                .withEnvironment("GATEWAY_RESPONSE_TIMEOUT", "60s")
                .start();
        admin = stack.devToken("{\"subject\":\"admin-1\",\"roles\":[\"admin\"]}");
        editor = stack.devToken("{\"subject\":\"editor-1\",\"roles\":[\"editor\"]}");
        translator =
                stack.devToken("{\"subject\":\"translator-1\",\"roles\":[\"translator\"],\"localePairs\":[\"ja:en\"]}");
        reviewer = stack.devToken(
                "{\"subject\":\"reviewer-1\",\"roles\":[\"reviewer\"],\"localePairs\":[\"ja:en\",\"en:ja\"]}");
        JsonNode pages = json(stack.send("GET", "/api/content/entries?type=event-page&limit=100", editor, null));
        for (JsonNode page : pages.path("items")) {
            if (SLUG.equals(page.path("slugs").path("en").asString(null))) {
                pageId = page.path("entryId").asString();
            }
        }
        assertThat(pageId)
                .as("the seeded page exists when the banner shows; seeds.log:%n%s", seedsLog())
                .isNotNull();
        // the stand-in files are uploaded in the background after the banner: the tests start once that run is done
        // (its "done:" line is the log's second), so no other run uploads the same files at the same time
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> seedsLog().split("\ndone: ", -1).length == 3);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    // ---- 1. the seeds load on first start -----------------------------------------------------------------------

    @Test
    @Order(1)
    void theLauncherLoadedTheSeedSetIntoTheEmptyInstallationWithItsStandInFiles() throws Exception {
        assertThat(seedsLog())
                .contains("== first start, entries and asset metadata ==")
                .contains("done: 14 created, 0 updated, 1 unchanged, 0 failed, 0 skipped");

        for (String type : List.of("organisation", "person", "presentation", "session", "event-page")) {
            assertThat(stack.send("GET", "/api/content/types/" + type, admin, null)
                            .statusCode())
                    .as(type)
                    .isEqualTo(200);
        }
        JsonNode organisations =
                json(stack.send("GET", "/api/content/entries?type=organisation&limit=100", editor, null));
        assertThat(organisations.path("items").findValuesAsString("en"))
                .contains(
                        "Institute for Global Environmental Strategies",
                        "United Nations Economic and Social Commission for Asia and the Pacific");

        JsonNode page = json(stack.send("GET", "/api/content/entries/" + pageId, editor, null));
        assertThat(page.path("workflow").path("en").path("state").asString()).isEqualTo("published");
        assertThat(page.path("workflow").path("ja").path("state").asString()).isEqualTo("published");
        JsonNode local = page.path("fields").path("sessions").get(2);
        assertThat(local.path("theme").path("en").path("value").asString())
                .as("the source's typo is kept")
                .isEqualTo("Internatioanl cooperation in environmental activities and experiences");
        List<JsonNode> presentations = list(local.path("presentations"));
        assertThat(presentations).hasSize(9);
        assertThat(presentations.get(0).path("title").path("ja").path("value").asString())
                .isEqualTo(MINAMATA);
        assertThat(presentations.get(0).path("title").has("en"))
                .as("Japanese only")
                .isFalse();
        assertThat(presentations.get(4).path("title").path("en").path("value").asString())
                .isEqualTo("Pollution Control Programmes and Cooperation with Japan");

        // the stand-in files are uploaded in the background after the banner
        Map<String, JsonNode> assets = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        SeedStoryJourneyTest::assetsByTitle,
                        all -> all.size() == 11
                                && all.values().stream()
                                        .filter(a -> a.path("availability")
                                                .path("state")
                                                .asString()
                                                .equals("available"))
                                        .allMatch(a -> !a.path("variants").isEmpty()));
        assertThat(assets.values())
                .extracting(a -> a.path("availability").path("state").asString())
                .containsOnly("available", "on_request", "pending");
        assertThat(assets.get("福岡市における環境国際協力の取組み")
                        .path("availability")
                        .path("state")
                        .asString())
                .isEqualTo("on_request");
        assertThat(assets.get("Declaration adopted at the Conference")
                        .path("availability")
                        .path("state")
                        .asString())
                .isEqualTo("pending");
        JsonNode minamata = assets.get(MINAMATA);
        JsonNode variant = minamata.path("variants").get(0);
        assertThat(variant.path("locale").asString()).isEqualTo("ja");
        assertThat(variant.path("sizeBytes").asLong()).isEqualTo(6_500_000L);
        HttpResponse<byte[]> head = download(minamata.path("assetId").asString(), editor, "Range", "bytes=0-127");
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(new String(head.body(), StandardCharsets.ISO_8859_1))
                .as("a stand-in, marked as one in its bytes")
                .contains("Hashi seed stand-in file");
        assertThat(seedsLog()).contains("== first start, stand-in files ==");
    }

    @Test
    @Order(2)
    void hashiSeedRunAgainChangesNothingAndSaysSo() {
        Run again = seed("--set", "wpc-2003");
        assertThat(again.status()).as(again.out()).isZero();
        assertThat(again.out())
                .contains("done: 0 created, 0 updated, 15 unchanged, 0 failed, 0 skipped")
                .contains("nothing changed");
    }

    @Test
    @Order(3)
    void aFailingItemIsReportedClearlyTheRestGoesOnAndTheExitStatusSaysSo(@TempDir Path copy) throws Exception {
        Path set = copySet(copy);
        Files.writeString(set.resolve("assets/too-long.yaml"), """
                key: asset/too-long
                kind: document
                title:
                  en: "%s"
                availability:
                  state: pending
                """.formatted(
                        "Declaration ".repeat(30).trim()));
        Files.writeString(
                set.resolve("set.yaml"),
                Files.readString(set.resolve("set.yaml"))
                        .replace(
                                "  - assets/declaration.yaml\n",
                                "  - assets/declaration.yaml\n  - assets/too-long.yaml\n"));
        Run run = seed("--set", set.toString());
        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out())
                .contains("asset/too-long: FAILED: POST /api/media/assets → 400")
                .contains("title.en.text")
                .contains("page/wpc-2003-kitakyushu: unchanged")
                .contains("done: 0 created, 0 updated, 15 unchanged, 1 failed, 0 skipped")
                .contains("failures:\n  asset/too-long: POST /api/media/assets → 400");
    }

    static Path exported;

    /** Export of the freshly seeded installation, files included; compared with a round trip at the end. */
    @Test
    @Order(4)
    void theSeededInstallationExportsWithItsFiles() throws Exception {
        exported = Files.createDirectories(data.resolve("export-1"));
        Run export = seed("export", "--out", exported.toString(), "--binaries");
        assertThat(export.status()).as(export.out()).isZero();
        assertThat(export.out()).contains("exported 5 types, 3 entries, 11 assets");
        String page = Files.readString(exported.resolve("entries/event-page/" + SLUG + ".yaml"));
        assertThat(page)
                .contains("published")
                .contains("origin: \"ja\"")
                .contains("asset/presentation/住民協働の環境モデル都市づくりを目指して-水俣市")
                .contains("entry/organisation/institute-for-global-environmental-strategies");
        assertThat(Files.size(exported.resolve("assets/presentation/住民協働の環境モデル都市づくりを目指して-水俣市.ja.bin")))
                .isEqualTo(6_500_000L);
    }

    // ---- the end-to-end steps, on the seeded page --------------------------------------------------------

    static final String PAGE = "/api/delivery/entries/event-page/" + SLUG;
    static final String SECRETARIAT_TEXT =
            "Presentation is too large for download.Please contact the Secretariat for copy.";
    static final String MINAMATA_EN = "Towards an environmental model city built with residents: Minamata";
    static final String MINAMATA_EDITED = "住民協働の環境モデル都市づくりを目指して ― 水俣市";
    static String minamataUnit;

    /** 2. The English page: Japanese-only titles in Japanese and marked, English sizes, contacts, pending, inline. */
    @Test
    @Order(10)
    void theEnglishPageServesTheJapaneseOnlyTitlesMarkedWithEnglishSizesContactsAndInlineOrganisers() throws Exception {
        HttpResponse<String> response = stack.send("GET", PAGE, null, null, "Accept-Language", "en-GB,en;q=0.9");
        JsonNode page = json(response);
        assertThat(response.headers().firstValue("Content-Language")).contains("en");
        List<JsonNode> presentations = presentations(page);
        assertThat(presentations).hasSize(9);
        List<String> servedInJapanese = presentations.stream()
                .filter(p -> p.path("title").path("locale").asString().equals("ja"))
                .peek(p -> assertThat(p.path("title").path("fallback").asBoolean())
                        .as("marked as not English")
                        .isTrue())
                .map(p -> p.path("title").path("value").asString())
                .toList();
        assertThat(servedInJapanese).containsExactlyInAnyOrderElementsOf(JAPANESE_ONLY);
        assertThat(presentations.get(4).path("title").path("locale").asString()).isEqualTo("en");

        JsonNode minamataFile =
                presentations.get(0).path("attachments").path("media").get(0);
        assertThat(minamataFile.path("availability").asString()).isEqualTo("available");
        assertThat(minamataFile.path("sizeBytes").asLong()).isEqualTo(6_500_000L);
        assertThat(minamataFile.path("size").asString())
                .as("formatted for English")
                .isEqualTo("6.5 MB");
        JsonNode puchonFile =
                presentations.get(1).path("attachments").path("media").get(0);
        assertThat(puchonFile.path("size").asString()).isEqualTo("47 kB");

        String iges = null;
        for (JsonNode organiser : page.path("fields").path("organisers").path("entries")) {
            if (organiser
                    .path("fields")
                    .path("shortName")
                    .path("value")
                    .asString()
                    .equals("IGES")) {
                iges = organiser.path("entryId").asString();
            }
        }
        assertThat(page.path("fields").path("organisers").path("entries"))
                .as("the organisers inline")
                .hasSize(2)
                .allSatisfy(o -> assertThat(
                                o.path("fields").path("address").path("value").asString())
                        .isNotBlank());
        assertThat(iges).isNotNull();
        assertThat(page.path("fields")
                        .path("contacts")
                        .path("entries")
                        .get(0)
                        .path("fields")
                        .path("unit")
                        .path("value")
                        .asString())
                .as("the contact inline")
                .isEqualTo("Kitakyushu Initiative Network Secretariat");
        for (int onRequest : new int[] {5, 6}) {
            JsonNode file = presentations
                    .get(onRequest)
                    .path("attachments")
                    .path("media")
                    .get(0);
            assertThat(file.path("availability").asString()).isEqualTo("on_request");
            assertThat(file.path("contact").path("text").asString()).isEqualTo(SECRETARIAT_TEXT);
            assertThat(file.path("contact").path("entryId").asString()).isEqualTo(iges);
            assertThat(file.has("downloadPath")).isFalse();
        }
        assertThat(page.path("fields")
                        .path("declaration")
                        .path("media")
                        .get(0)
                        .path("availability")
                        .asString())
                .isEqualTo("pending");
        assertThat(page.path("fields").path("date").path("formatted").asString())
                .isEqualTo("October 28, 2003");
    }

    /** 3. The queues: the Japanese-only titles with character counts, the English-only fields with word counts. */
    @Test
    @Order(20)
    void theEnglishQueueListsExactlyTheJapaneseOnlyTitlesAndTheJapaneseQueueTheEnglishOnlyFields() throws Exception {
        List<JsonNode> english = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> queue(translator, "source=ja&target=en&type=event-page&state=untranslated,outdated"),
                        items -> items.size() >= JAPANESE_ONLY.size());
        assertThat(english)
                .extracting(i -> i.path("source").path("text").asString())
                .containsExactlyInAnyOrderElementsOf(JAPANESE_ONLY);
        assertThat(english).allSatisfy(i -> {
            assertThat(i.path("source").path("sizeUnit").asString()).isEqualTo("characters");
            assertThat(i.path("source").path("size").asInt()).isPositive();
        });
        assertThat(english.stream().filter(sourceIs(MINAMATA)))
                .singleElement()
                .as("characters as translators count them: the wave dashes are not")
                .satisfies(
                        i -> assertThat(i.path("source").path("size").asInt()).isEqualTo(23));
        minamataUnit = english.stream()
                .filter(sourceIs(MINAMATA))
                .findFirst()
                .orElseThrow()
                .path("unitId")
                .asString();

        List<JsonNode> japanese = queue(editor, "source=en&target=ja&state=untranslated,outdated");
        assertThat(japanese)
                .extracting(i -> i.path("source").path("text").asString())
                .contains(
                        "Pollution Control Programmes and Cooperation with Japan",
                        "Kitakyushu International Conference Centre (Kitakyushu, Japan)",
                        "Minamata City")
                .doesNotContainAnyElementsOf(JAPANESE_ONLY);
        assertThat(japanese)
                .allSatisfy(i ->
                        assertThat(i.path("source").path("sizeUnit").asString()).isEqualTo("words"));
        assertThat(japanese.stream().filter(sourceIs("Pollution Control Programmes and Cooperation with Japan")))
                .singleElement()
                .satisfies(
                        i -> assertThat(i.path("source").path("size").asInt()).isEqualTo(7));
    }

    /**
     * 4. Translated, approved, published: the English title on the English page with its provenance, fresh through
     * the gateway.
     */
    @Test
    @Order(30)
    void theMinamataTitleTranslatedApprovedAndPublishedIsOnTheEnglishPageAtOnce() throws Exception {
        assertThat(minamataUnit).as("the queue step ran").isNotNull();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> stack.send("GET", PAGE + "?locale=en", null, null)
                        .headers()
                        .firstValue("Hashi-Cache")
                        .orElse("")
                        .equals("hit"));
        JsonNode unit = json(stack.send("GET", "/api/translations/units/" + minamataUnit, translator, null));
        assertThat(stack.send("POST", "/api/translations/units/" + minamataUnit + "/take", translator, "{}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> submitted = stack.send(
                "POST",
                "/api/translations/units/" + minamataUnit + "/submit",
                translator,
                JSON.writeValueAsString(Map.of(
                        "text",
                        MINAMATA_EN,
                        "sourceHash",
                        unit.path("source").path("hash").asString())));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        HttpResponse<String> approved =
                stack.send("POST", "/api/translations/units/" + minamataUnit + "/approve", reviewer, "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        JsonNode landed = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> minamataTitle(),
                        title -> title.path("en").path("value").asString().equals(MINAMATA_EN));
        assertThat(landed.path("en").path("originLocale").asString())
                .as("provenance")
                .isEqualTo("ja");
        assertThat(landed.path("en").path("unitId").asString()).isEqualTo(minamataUnit);

        HttpResponse<String> published = stack.send(
                "POST", "/api/content/entries/" + pageId + "/locales/en/publish", editor, null, "If-Match", etag());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        long publishedAt = System.nanoTime();
        JsonNode title = await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> presentations(json(stack.send("GET", PAGE + "?locale=en", null, null)))
                                .get(0)
                                .path("title"),
                        t -> t.path("value").asString().equals(MINAMATA_EN));
        System.out.printf(
                "published translation served through the gateway after %d ms%n",
                (System.nanoTime() - publishedAt) / 1_000_000);
        assertThat(title.path("locale").asString()).isEqualTo("en");
        assertThat(title.path("fallback").asBoolean()).isFalse();
        JsonNode translation = title.path("translation");
        assertThat(translation.path("from").asString())
                .as("delivered provenance")
                .isEqualTo("ja");
        assertThat(translation.path("via").asString()).isEqualTo("translation-unit");
        assertThat(translation.path("unitId").asString()).isEqualTo(minamataUnit);
        assertThat(translation.has("outdated")).isFalse();

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        queue(translator, "source=ja&target=en&type=event-page&state=untranslated,outdated").stream()
                                .noneMatch(sourceIs(MINAMATA)));
        assertThat(queue(translator, "source=ja&target=en&type=event-page&state=untranslated,outdated"))
                .hasSize(JAPANESE_ONLY.size() - 1);
    }

    /** 5. The Japanese source changes: the unit is outdated, showing the old and the new source. */
    @Test
    @Order(40)
    void theEditorChangesTheJapaneseMinamataTitleAndTheUnitTurnsOutdated() throws Exception {
        JsonNode entry = json(stack.send("GET", "/api/content/entries/" + pageId, editor, null));
        JsonNode session = entry.path("fields").path("sessions").get(2);
        String sessionId = session.path("id").asString();
        String minamataId = session.path("presentations").get(0).path("id").asString();
        // items named by id: only that title changes, the lists stay as they are (docs/content-editing.md)
        HttpResponse<String> patched = stack.send(
                "PATCH",
                "/api/content/entries/" + pageId,
                editor,
                JSON.writeValueAsString(Map.of(
                        "locale",
                        "ja",
                        "fields",
                        Map.of(
                                "sessions",
                                Map.of(
                                        sessionId,
                                        Map.of(
                                                "presentations",
                                                Map.of(minamataId, Map.of("title", MINAMATA_EDITED))))))),
                "If-Match",
                etag());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode outdated = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> json(stack.send("GET", "/api/translations/units/" + minamataUnit, reviewer, null)),
                        u -> u.path("state").asString().equals("outdated"));
        assertThat(outdated.path("outdated").path("oldSourceText").asString()).isEqualTo(MINAMATA);
        assertThat(outdated.path("outdated").path("newSourceText").asString()).isEqualTo(MINAMATA_EDITED);
        assertThat(queue(translator, "source=ja&target=en&type=event-page&state=untranslated,outdated"))
                .as("the same units: Minamata outdated, the other Japanese-only titles untranslated")
                .extracting(
                        u -> u.path("path").asString() + " " + u.path("state").asString())
                .hasSize(JAPANESE_ONLY.size());
    }

    /** 6. The same URL in Japanese: Japanese where it exists, English marked elsewhere; headers; 304. */
    @Test
    @Order(50)
    void theSamePageUrlInJapaneseFallsBackToEnglishVisiblyAndRevalidates() throws Exception {
        HttpResponse<String> response =
                stack.send("GET", PAGE, null, null, "Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5");
        JsonNode page = json(response);
        assertThat(response.headers().firstValue("Content-Language")).contains("ja");
        assertThat(response.headers().allValues("Vary").toString()).contains("Accept-Language");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        List<JsonNode> presentations = presentations(page);
        assertThat(presentations.get(0).path("title").path("value").asString())
                .as("the published Japanese title; the edit of step 5 is a draft")
                .isEqualTo(MINAMATA);
        assertThat(presentations.get(0).path("title").path("locale").asString()).isEqualTo("ja");
        assertThat(presentations.get(0).path("title").path("fallback").asBoolean())
                .isFalse();
        JsonNode dalian = presentations.get(4).path("title");
        assertThat(dalian.path("value").asString())
                .isEqualTo("Pollution Control Programmes and Cooperation with Japan");
        assertThat(dalian.path("locale").asString()).isEqualTo("en");
        assertThat(dalian.path("fallback").asBoolean())
                .as("English shown on the Japanese page, marked")
                .isTrue();
        assertThat(page.path("fields").path("title").path("locale").asString()).isEqualTo("en");
        assertThat(page.path("fields").path("date").path("formatted").asString())
                .isEqualTo("2003年10月28日");

        HttpResponse<String> again = stack.send(
                "GET", PAGE, null, null, "Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
    }

    /** 7. A Range download of a Japanese-only slide variant; an on-request file answers the contact problem. */
    @Test
    @Order(60)
    void aJapaneseOnlySlideDownloadsByRangeAndAnOnRequestFileAnswersWhomToAsk() throws Exception {
        Map<String, JsonNode> assets = assetsByTitle();
        String sendai = assets.get("仙台市地球温暖化対策推進協議会について").path("assetId").asString();
        HttpResponse<byte[]> part = download(sendai, null, "Accept-Language", "en", "Range", "bytes=1000-1999");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 1000-1999/1940000");
        assertThat(part.headers().firstValue("Content-Language"))
                .as("English asked, the only variant is Japanese")
                .contains("ja");
        assertThat(part.body()).hasSize(1000);

        String fukuoka = assets.get("福岡市における環境国際協力の取組み").path("assetId").asString();
        HttpResponse<String> problem =
                stack.send("GET", "/api/media/assets/" + fukuoka + "/content", null, null, "Accept-Language", "en");
        assertThat(problem.statusCode()).as(problem.body()).isEqualTo(409);
        assertThat(problem.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode body = JSON.readTree(problem.body());
        assertThat(body.path("code").asString()).isEqualTo("media.on-request");
        assertThat(body.path("contactText").asString()).isEqualTo(SECRETARIAT_TEXT);
        assertThat(body.path("contactEntryId").asString()).isNotBlank();
    }

    /** 8. Search finds the presentation's page by its Japanese and its English name. */
    @Test
    @Order(70)
    void searchFindsThePresentationBy水俣AndByMinamata() throws Exception {
        for (String q : List.of("水俣", "Minamata")) {
            JsonNode hits = await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> json(stack.get("/api/delivery/search?q=" + encode(q))),
                            h -> h.path("items").findValuesAsString("entryId").contains(pageId));
            assertThat(hits.path("items").findValuesAsString("entryId")).as(q).contains(pageId);
        }
    }

    // ---- the README's walkthrough -------------------------------------------------------------------------------

    /**
     * Every {@code ```sh walkthrough} block of README.md, run in order by bash against this stack ({@code HASHI} =
     * its gateway): the script must exit 0 and each block's output must hold every line its {@code #=>} comments
     * show (compared without regard to case, for header names).
     */
    @Test
    @Order(80)
    void theReadmeWalkthroughRunsAsWrittenAgainstTheSeededStack() throws Exception {
        List<List<String>> blocks = walkthroughBlocks(
                Files.readString(LaunchedStack.repositoryRoot().resolve("README.md")));
        assertThat(blocks).as("walkthrough blocks in README.md").hasSizeGreaterThanOrEqualTo(5);
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        for (int i = 0; i < blocks.size(); i++) {
            script.append("echo '@@block ").append(i).append("'\n");
            blocks.get(i).forEach(line -> script.append(line).append('\n'));
        }
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true);
        bash.environment().put("HASHI", stack.gateway());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as("the walkthrough's output:%n%s", output)
                .isZero();
        String[] outputs = output.split("@@block \\d+\n", -1);
        for (int i = 0; i < blocks.size(); i++) {
            String got = outputs[i + 1].toLowerCase(java.util.Locale.ROOT);
            for (String line : blocks.get(i)) {
                if (line.startsWith("#=> ")) {
                    assertThat(got)
                            .as("block %d of the walkthrough, output:%n%s", i + 1, outputs[i + 1])
                            .contains(line.substring(4).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
    }

    /** The lines of each fenced block opened by {@code ```sh walkthrough}. */
    static List<List<String>> walkthroughBlocks(String markdown) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : markdown.split("\n", -1)) {
            if (current == null && line.strip().equals("```sh walkthrough")) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                blocks.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        assertThat(current).as("an unclosed walkthrough block").isNull();
        return blocks;
    }

    // ---- export → import into an empty stack → export ----------------------------------------------------------

    /**
     * The export of step 4 imported into a second, empty stack (no first-start seeding) gives the same export again,
     * file for file (ids differ between the installations; the export names everything by slug and title), and a
     * second import changes nothing. Runs last: it stops the seeded stack to start the empty one.
     */
    @Test
    @Order(90)
    void anExportImportedIntoAnEmptyStackExportsTheSameData() throws Exception {
        assertThat(exported).as("the export step ran").isNotNull();
        stack.close();
        stack = LaunchedStack.onFreePorts(Files.createDirectories(data.resolve("second")))
                .withEnvironment("GATEWAY_RESPONSE_TIMEOUT", "60s")
                .start();
        admin = stack.devToken("{\"subject\":\"admin-1\",\"roles\":[\"admin\"]}");
        Run imported = seed("import", "--from", exported.toString());
        assertThat(imported.status()).as(imported.out()).isZero();
        Run again = seed("import", "--from", exported.toString());
        assertThat(again.status()).as(again.out()).isZero();
        assertThat(again.out()).contains("nothing changed");

        Path second = Files.createDirectories(data.resolve("export-2"));
        Run export = seed("export", "--out", second.toString(), "--binaries");
        assertThat(export.status()).as(export.out()).isZero();
        assertThat(files(second)).isEqualTo(files(exported));
        for (String file : files(exported)) {
            if (file.endsWith(".bin")) {
                assertThat(Files.mismatch(exported.resolve(file), second.resolve(file)))
                        .as(file)
                        .isEqualTo(-1L);
            } else {
                assertThat(withoutExportTime(Files.readString(second.resolve(file))))
                        .as(file)
                        .isEqualTo(withoutExportTime(Files.readString(exported.resolve(file))));
            }
        }
    }

    static List<String> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    static String withoutExportTime(String yaml) {
        return yaml.replaceAll("(?m)^exportedAt: .*$", "exportedAt: …");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    record Run(int status, String out) {}

    /** {@code hashi-seed} in this JVM against the stack's gateway with an admin token. */
    static Run seed(String... args) {
        List<String> all = new ArrayList<>();
        int rest = 0;
        if (args.length > 0 && (args[0].equals("export") || args[0].equals("import"))) {
            all.add(args[0]);
            rest = 1;
        }
        all.addAll(List.of("--gateway", stack.gateway(), "--token", admin));
        all.addAll(List.of(args).subList(rest, args.length));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = SeedCommand.run(all.toArray(String[]::new), Map.of(), out, out);
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    /** The wpc-2003 set copied out of the seeds module's sources into {@code into}. */
    static Path copySet(Path into) throws Exception {
        Path source = LaunchedStack.repositoryRoot().resolve("seeds/src/main/resources/seeds/wpc-2003");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = into.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return into;
    }

    static List<JsonNode> presentations(JsonNode delivered) {
        return list(delivered.path("fields").path("sessions").get(2).path("presentations"));
    }

    /** The page's queue items for a pair and states, as {@code token} sees them. */
    static List<JsonNode> queue(String token, String filter) throws Exception {
        return list(json(stack.send(
                        "GET", "/api/translations/queue?" + filter + "&entryId=" + pageId + "&limit=100", token, null))
                .path("items"));
    }

    static JsonNode minamataTitle() throws Exception {
        return json(stack.send("GET", "/api/content/entries/" + pageId, editor, null))
                .path("fields")
                .path("sessions")
                .get(2)
                .path("presentations")
                .get(0)
                .path("title");
    }

    static String etag() throws Exception {
        return stack.send("GET", "/api/content/entries/" + pageId, editor, null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();
    }

    static String seedsLog() {
        try {
            Path log = data.resolve("logs/seeds.log");
            return Files.exists(log) ? Files.readString(log) : "(no seeds.log)";
        } catch (Exception e) {
            return e.toString();
        }
    }

    static Map<String, JsonNode> assetsByTitle() throws Exception {
        Map<String, JsonNode> byTitle = new HashMap<>();
        for (JsonNode asset : json(stack.send("GET", "/api/media/assets?limit=100", editor, null))
                .path("items")) {
            asset.path("title")
                    .properties()
                    .forEach(t -> byTitle.put(t.getValue().path("text").asString(), asset));
        }
        return byTitle;
    }

    static HttpResponse<byte[]> download(String asset, String token, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(stack.gateway() + "/api/media/assets/" + asset + "/content"))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static Predicate<JsonNode> sourceIs(String text) {
        return item -> item.path("source").path("text").asString().equals(text);
    }
}
