package dev.hashi.translation.xliff;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hashi.identity.Identity;
import dev.hashi.testsupport.Reply;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitState;
import dev.hashi.translation.unit.Units;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class XliffTest extends ServiceTest {

    private static final Identity TRANSLATOR = translator("tr-mori", "ja:en");

    @Autowired
    Units units;

    @Test
    void exportOfTheJapaneseOnlyQueueIsValidXliff20WithOneUnitPerTranslationUnit() throws Exception {
        String entry = publishedPage();
        Reply export = export(entry);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/xliff+xml");
        assertThat(export.header("Content-Length"))
                .as("streamed as it is written, not buffered into a byte array first")
                .isNull();

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/net/sf/okapi/lib/xliff2/xliff_core_2.0.xsd"))
                .newValidator()
                .validate(new StreamSource(new StringReader(export.raw())));
        assertThat(export.raw())
                .contains(
                        "srcLang=\"ja\"",
                        "trgLang=\"en\"",
                        "original=\"" + entry + "\"",
                        ConferencePages.JAPANESE_ONLY.get("p-minamata"),
                        "hashi:source-hash");
        assertThat(export.raw().split("<unit ", -1)).hasSize(ConferencePages.JAPANESE_ONLY.size() + 1);
    }

    @Test
    void importAppliesValidUnitsReportsTheOthersPerUnitAndIsIdempotent() {
        String entry = publishedPage();
        List<Unit> selected = new ArrayList<>(units.ofEntry(entry).stream()
                .filter(unit -> unit.targetLocale().equals("en")
                        && unit.source().locale().equals("ja"))
                .toList());
        Unit good = selected.get(0);
        Unit stale = selected.get(1);
        String file = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ja" trgLang="en">
                 <file id="f1">
                  %s
                  %s
                  %s
                 </file>
                </xliff>
                """.formatted(
                        unit(good.id(), good.source().hash(), "A translated title &amp; more"),
                        unit(stale.id(), "0".repeat(64), "Stale"),
                        unit("u-unknown", "0".repeat(64), "Nobody"));

        JsonNode report = importFile(file).body();
        assertThat(report.path("applied").asInt()).isEqualTo(1);
        assertThat(report.path("rejected").asInt()).isEqualTo(2);
        assertThat(report.path("units").toString()).contains("unit.source-changed", "unit.not-found");
        Unit applied = units.find(good.id()).orElseThrow();
        assertThat(applied.state()).isEqualTo(UnitState.TRANSLATED);
        assertThat(applied.work().draft()).isEqualTo("A translated title & more");

        JsonNode again = importFile(file).body();
        assertThat(again.path("applied").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(1);
        assertThat(units.find(good.id()).orElseThrow().rev()).isEqualTo(applied.rev());

        String korean = file.replace("trgLang=\"en\"", "trgLang=\"ko\"");
        assertThat(importFile(korean).body().path("units").get(0).path("code").asString())
                .isEqualTo("unit.wrong-locale");
    }

    @Test
    void hostileXmlIsRefusedWithoutExpandingAnything() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ja" trgLang="en">
                <file id="f1"><unit id="u1"><segment><source>&lol2;</source></segment></unit></file></xliff>""";
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ja" trgLang="en">
                <file id="f1"><unit id="u1"><segment><source>&xxe;</source></segment></unit></file></xliff>""";
        assertRefused(importFile(laughs), "xliff.doctype-refused");
        Reply xxe = importFile(external);
        assertRefused(xxe, "xliff.doctype-refused");
        assertThat(xxe.raw()).doesNotContain("root:");
        assertRefused(importFile("<xliff version=\"2.0\">"), "xliff.invalid");
        assertRefused(importFile("<html xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"/>"), "xliff.invalid");

        StringBuilder many = new StringBuilder("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\""
                + " srcLang=\"ja\" trgLang=\"en\"><file id=\"f\">");
        for (int i = 0; i < 51; i++) {
            many.append(unit("u" + i, "0".repeat(64), "x"));
        }
        assertRefused(importFile(many.append("</file></xliff>").toString()), "xliff.too-many-units");
        assertRefused(importFile("<a>" + "x".repeat(210_000) + "</a>"), "xliff.too-large");
        assertRefused(importFile("<a>" + "<b>".repeat(40) + "</a>"), "xliff.invalid");
    }

    @Test
    void exportNeedsAValidSupportedLocalePair() {
        Reply unsupported = client().get(TRANSLATOR, "/api/translations/xliff?source=ja&target=fr");
        assertThat(unsupported.code()).isEqualTo("request.invalid");
        assertThat(unsupported.body().path("errors").get(0).path("field").asString())
                .isEqualTo("target");
        assertThat(unsupported.body().path("errors").get(0).path("code").asString())
                .isEqualTo("locale.unsupported");
        Reply invalid = client().get(TRANSLATOR, "/api/translations/xliff?source=ja_JP&target=en");
        assertThat(invalid.body().path("errors").get(0).path("code").asString()).isEqualTo("locale.invalid");
        assertThat(client().get(TRANSLATOR, "/api/translations/xliff?source=ja&target=en")
                        .status())
                .isEqualTo(200);
    }

    private String publishedPage() {
        String entry = ConferencePages.newEntryId();
        ConferencePages.publish(content(), entry);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> units.ofEntry(entry).size()
                        == 2 * (1 + ConferencePages.JAPANESE_ONLY.size() + ConferencePages.ENGLISH_ONLY.size()));
        return entry;
    }

    private Reply export(String entry) {
        return client().get(TRANSLATOR, "/api/translations/xliff?source=ja&target=en&entryId=" + entry);
    }

    private Reply importFile(String xml) {
        return client().send(
                        TRANSLATOR, "POST", "/api/translations/xliff", xml, "Content-Type", "application/xliff+xml");
    }

    private static void assertRefused(Reply reply, String code) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("request.invalid");
        assertThat(reply.body().path("errors").get(0).path("field").asString()).isEqualTo("body");
        assertThat(reply.body().path("errors").get(0).path("code").asString()).isEqualTo(code);
    }

    private static String unit(String id, String hash, String target) {
        return "<unit id=\"" + id + "\"><notes><note category=\"hashi:source-hash\">" + hash + "</note></notes>"
                + "<segment><source>s</source><target>" + target + "</target></segment></unit>";
    }
}
