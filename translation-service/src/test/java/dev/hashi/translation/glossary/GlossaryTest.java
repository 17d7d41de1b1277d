package dev.hashi.translation.glossary;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.identity.Identity;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;
import dev.hashi.translation.unit.UnitIds;

import tools.jackson.databind.JsonNode;

import static dev.hashi.translation.support.ContentEvents.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GlossaryTest extends ServiceTest {

    private static final Identity REVIEWER = reviewer("rv-han", "ja:ko", "en:ja");
    private static final Identity TRANSLATOR = translator("tr-yoon", "ja:ko");
    private static final String GLOSSARY = "/api/translations/glossary";

    @Test
    void reviewersOfThePairManageItsGlossaryWithVersions() {
        Reply created = create("ja", "ko", "市民", "시민", List.of("민간인"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("termId").asString();
        assertThat(created.header("Location")).endsWith(GLOSSARY + "/" + id);
        assertThat(created.etag()).isEqualTo("\"1\"");
        assertThat(created.body().path("forbidden").toString()).isEqualTo("[\"민간인\"]");

        Reply duplicate = create("ja", "ko", "市民", "시민들", List.of());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("glossary.term-exists");
        Reply translator = client().post(TRANSLATOR, GLOSSARY, body("ja", "ko", "行政", "행정", List.of()));
        assertThat(translator.status()).isEqualTo(403);
        assertThat(translator.body().path("reason").asString()).isEqualTo("role");
        Reply otherPair = client().post(reviewer("rv-x", "ja:en"), GLOSSARY, body("ja", "ko", "行政", "행정", List.of()));
        assertThat(otherPair.status()).isEqualTo(403);
        assertThat(otherPair.body().path("reason").asString()).isEqualTo("locale-pair");
        assertThat(client().post(admin("ad-gl"), GLOSSARY, body("ja", "ko", "行政", "행정", List.of()))
                        .status())
                .isEqualTo(201);

        JsonNode page = client().get(TRANSLATOR, GLOSSARY + "?source=ja&target=ko&limit=1")
                .body();
        assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.path("items").size()).isEqualTo(1);
        assertThat(page.path("next").isString()).isTrue();

        String term = GLOSSARY + "/" + id;
        Map<String, Object> change =
                Map.of("term", "市民", "translation", "시민", "note", "residents", "forbidden", List.of());
        assertThat(client().put(REVIEWER, term, change).code()).isEqualTo("version.required");
        Reply stale = client().put(REVIEWER, term, change, "If-Match", "\"5\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(1);
        Reply updated = client().put(REVIEWER, term, change, "If-Match", "\"1\"");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.etag()).isEqualTo("\"2\"");
        assertThat(updated.body().path("note").asString()).isEqualTo("residents");
        assertThat(client().delete(REVIEWER, term, "If-Match", "\"1\"").status())
                .isEqualTo(412);
        assertThat(client().delete(REVIEWER, term, "If-Match", "\"2\"").status())
                .isEqualTo(204);
        assertThat(client().get(REVIEWER, term).code()).isEqualTo("glossary-term.not-found");
    }

    @Test
    void aUnitShowsTheTermsItsSourceContainsFoldedWithNfkcAndCase() {
        create("ja", "ko", "ｷﾀｷｭｳｼｭｳ", "기타큐슈", List.of());
        create("ja", "ko", "環境モデル都市", "환경모델도시", List.of());
        create("en", "ja", "Partnership", "パートナーシップ", List.of());
        create("en", "ja", "Art", "芸術", List.of());
        String jaUnit = unitFor("ja", "キタキュウシュウの環境モデル都市づくり", "ko");
        JsonNode found = client().get(TRANSLATOR, "/api/translations/units/" + jaUnit + "/glossary")
                .body();
        assertThat(values(found.path("items"), "term")).containsExactlyInAnyOrder("ｷﾀｷｭｳｼｭｳ", "環境モデル都市");
        String enUnit = unitFor("en", "The PARTNERSHIP Conference on Smart Cities", "ja");
        JsonNode english = client().get(REVIEWER, "/api/translations/units/" + enUnit + "/glossary")
                .body();
        assertThat(values(english.path("items"), "term"))
                .as("whole words only: Smart and Partnership, not Art")
                .containsExactly("Partnership");
    }

    @Test
    void glossariesWalkedToTheirEndByCursorServeEveryTermOnce() {
        List<String> terms = List.of("北九州市", "環境局", "国際協力", "市民団体");
        for (String term : terms) {
            Reply created = create("ja", "ko", term, "용어 " + term, List.of());
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
        }

        String pair = GLOSSARY + "?source=ja&target=ko&limit=2";
        List<String> walked = Lists.all(client(), TRANSLATOR, pair, "term");
        assertThat(walked)
                .doesNotHaveDuplicates()
                .containsAll(terms)
                .hasSize(client().get(TRANSLATOR, pair).body().path("total").asInt());

        String unit = unitFor("ja", "北九州市環境局の国際協力と市民団体", "ko");
        String ofUnit = "/api/translations/units/" + unit + "/glossary?limit=1";
        assertThat(Lists.all(client(), TRANSLATOR, ofUnit, "term"))
                .doesNotHaveDuplicates()
                .containsAll(terms)
                .hasSize(client().get(TRANSLATOR, ofUnit).body().path("total").asInt());
    }

    @Test
    void aSubmissionMissingATermsTranslationIsWarnedNotRefusedAndTheExportCarriesTheTerm() {
        create("ja", "ko", "協働", "협력", List.of("협동"));
        String entry = ConferencePages.newEntryId();
        String unit = unitFor(entry, "ja", "水俣市の協働", "ko");
        String hash = client().get(TRANSLATOR, "/api/translations/units/" + unit)
                .body()
                .path("source")
                .path("hash")
                .asString();

        Reply warned = client().post(
                        TRANSLATOR,
                        "/api/translations/units/" + unit + "/submit",
                        Map.of("text", "미나마타시의 협동", "sourceHash", hash));
        assertThat(warned.status()).as(warned.raw()).isEqualTo(200);
        assertThat(warned.body().path("state").asString()).isEqualTo("translated");
        assertThat(values(warned.body().path("warnings"), "code"))
                .containsExactly("glossary.missing-term", "glossary.forbidden-variant");
        assertThat(warned.body().path("warnings").get(0).path("expected").asString())
                .isEqualTo("협력");

        Reply clean = client().post(
                        TRANSLATOR,
                        "/api/translations/units/" + unit + "/submit",
                        Map.of("text", "미나마타시의 협력", "sourceHash", hash));
        assertThat(clean.body().path("warnings").size()).isZero();

        Reply export = client().get(REVIEWER, "/api/translations/xliff?source=ja&target=ko&entryId=" + entry);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.raw()).doesNotContain(unit);
        String other = unitFor(entry, 2, "ja", "協働のまちづくり", "ko");
        assertThat(client().get(REVIEWER, "/api/translations/xliff?source=ja&target=ko&entryId=" + entry)
                        .raw())
                .contains(other, "<note category=\"hashi:glossary\">協働 → 협력; not: 협동</note>");
    }

    private static List<String> values(JsonNode items, String field) {
        List<String> values = new java.util.ArrayList<>();
        items.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    private Reply create(String source, String target, String term, String translation, List<String> forbidden) {
        return client().post(REVIEWER, GLOSSARY, body(source, target, term, translation, forbidden));
    }

    private static Map<String, Object> body(
            String source, String target, String term, String translation, List<String> forbidden) {
        return Map.of(
                "sourceLocale",
                source,
                "targetLocale",
                target,
                "term",
                Map.of("term", term, "translation", translation, "forbidden", forbidden));
    }

    private String unitFor(String sourceLocale, String text, String target) {
        return unitFor(ConferencePages.newEntryId(), 1, sourceLocale, text, target);
    }

    private String unitFor(String entry, String sourceLocale, String text, String target) {
        return unitFor(entry, 1, sourceLocale, text, target);
    }

    private String unitFor(String entry, long version, String sourceLocale, String text, String target) {
        String path = "lead" + version;
        content().changed(entry, version, "editor-1", Map.of(), source(path, sourceLocale, text));
        String unit = UnitIds.of(entry, path, target);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client().get(REVIEWER, "/api/translations/units/" + unit)
                                .status()
                        == 200);
        return unit;
    }
}
