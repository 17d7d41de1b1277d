package dev.hashi.media;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.events.media.MediaAssetStored;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static dev.hashi.media.ConferenceAssets.EDITOR;
import static dev.hashi.media.ConferenceAssets.TRANSLATOR;
import static dev.hashi.media.ConferenceAssets.titled;
import static org.assertj.core.api.Assertions.assertThat;

/** A presentation with Japanese and English slides: uploaded streamed, downloaded whole, by range and resumed. */
class VariantDownloadTest extends MediaServiceTest {

    static final String JA_NAME = "北九州イニシアティブ（２００３年）.pdf";

    @Test
    void japaneseAndEnglishSlidesAreUploadedAndEachDownloadsWholeInTheCallersLocale() throws Exception {
        byte[] ja = Transfers.pdf(3 * 1024 * 1024 + 123, 1);
        byte[] en = Transfers.pdf(2 * 1024 * 1024 + 7, 2);
        String id = createPresentation();
        String base = "/api/media/assets/" + id;

        HttpResponse<String> storedJa = transfers()
                .put(
                        EDITOR,
                        base + "/variants/ja",
                        ja,
                        "application/pdf",
                        "Content-Disposition",
                        "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(JA_NAME, StandardCharsets.UTF_8)
                                        .replace("+", "%20"));
        assertThat(storedJa.statusCode()).as(storedJa.body()).isEqualTo(200);
        JsonNode jaVariant = json(storedJa.body()).path("variants").get(0);
        assertThat(jaVariant.path("locale").asString()).isEqualTo("ja");
        assertThat(jaVariant.path("sizeBytes").asLong()).isEqualTo(ja.length);
        assertThat(jaVariant.path("sha256").asString()).isEqualTo(Transfers.sha256(ja));
        assertThat(jaVariant.path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(jaVariant.path("fileName").asString()).isEqualTo(JA_NAME);
        assertThat(storedJa.headers().firstValue("ETag")).hasValue("\"2\"");

        HttpResponse<String> storedEn = transfers()
                .postMultipart(EDITOR, base + "/variants/en", "kitakyushu-initiative.pdf", "application/pdf", en);
        assertThat(storedEn.statusCode()).as(storedEn.body()).isEqualTo(200);
        assertThat(json(storedEn.body()).path("variants").size()).isEqualTo(2);

        HttpResponse<byte[]> japanese =
                transfers().fetch(TRANSLATOR, "GET", base + "/content", "Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5");
        assertThat(japanese.statusCode()).isEqualTo(200);
        assertThat(Transfers.sha256(japanese.body())).isEqualTo(Transfers.sha256(ja));
        assertThat(japanese.headers().firstValue("Content-Language")).hasValue("ja");
        assertThat(japanese.headers().firstValue("Vary").orElse("")).contains("Accept-Language");
        assertThat(japanese.headers().firstValue("ETag")).hasValue("\"" + Transfers.sha256(ja) + "\"");
        assertThat(japanese.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(japanese.headers().firstValue("Last-Modified")).isPresent();
        assertThat(japanese.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(japanese.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(japanese.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'");
        String disposition =
                japanese.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''");
        assertThat(org.springframework.http.ContentDisposition.parse(disposition)
                        .getFilename())
                .isEqualTo(JA_NAME);

        HttpResponse<byte[]> english =
                transfers().fetch(TRANSLATOR, "GET", base + "/content", "Accept-Language", "en-GB");
        assertThat(english.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(Transfers.sha256(english.body())).isEqualTo(Transfers.sha256(en));

        HttpResponse<byte[]> byParameter =
                transfers().fetch(TRANSLATOR, "GET", base + "/content?locale=ja", "Accept-Language", "en");
        assertThat(byParameter.headers().firstValue("Content-Language")).hasValue("ja");

        HttpResponse<byte[]> head = transfers().fetch(TRANSLATOR, "HEAD", base + "/content?locale=en");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(en.length);
        assertThat(head.headers().firstValue("ETag")).hasValue("\"" + Transfers.sha256(en) + "\"");
        assertThat(head.body()).isEmpty();

        List<EventEnvelope<?>> events = KafkaProbe.read(
                Topics.MEDIA,
                id,
                list -> list.stream()
                                .filter(e -> e.payload() instanceof MediaAssetStored)
                                .count()
                        == 2,
                Duration.ofSeconds(20));
        MediaAssetStored first = (MediaAssetStored) events.stream()
                .filter(e -> e.payload() instanceof MediaAssetStored)
                .findFirst()
                .orElseThrow()
                .payload();
        assertThat(first.variant().sha256()).isEqualTo(Transfers.sha256(ja));
        assertThat(first.variant().fileName()).isEqualTo(JA_NAME);
        MediaAssetChanged last = events.stream()
                .filter(e -> e.payload() instanceof MediaAssetChanged)
                .map(e -> (MediaAssetChanged) e.payload())
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.variantLocales()).containsExactly("en", "ja");
        assertThat(last.sizeBytes()).isEqualTo(en.length);
        assertThat(last.contentType()).isEqualTo("application/pdf");
        assertThat(last.variants()).extracting(v -> v.locale()).containsExactly("en", "ja");
    }

    @Test
    void rangesAreServedSinglyOrSeverallyAndADownloadResumesAfterACut() throws Exception {
        byte[] bytes = Transfers.pdf(5 * 1024 * 1024 + 333, 3);
        String id = createPresentation();
        String base = "/api/media/assets/" + id;
        assertThat(transfers()
                        .put(EDITOR, base + "/variants/en", bytes, "application/pdf")
                        .statusCode())
                .isEqualTo(200);
        String etag = "\"" + Transfers.sha256(bytes) + "\"";

        HttpResponse<byte[]> middle =
                transfers().fetch(TRANSLATOR, "GET", base + "/content", "Range", "bytes=1000-1999");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + bytes.length);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));

        int cut = 1_234_567;
        HttpResponse<byte[]> beforeCut =
                transfers().fetch(TRANSLATOR, "GET", base + "/content", "Range", "bytes=0-" + (cut - 1));
        assertThat(beforeCut.statusCode()).isEqualTo(206);
        HttpResponse<byte[]> rest = transfers()
                .fetch(TRANSLATOR, "GET", base + "/content", "Range", "bytes=" + cut + "-", "If-Range", etag);
        assertThat(rest.statusCode()).isEqualTo(206);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(beforeCut.body());
        joined.write(rest.body());
        assertThat(Transfers.sha256(joined.toByteArray())).isEqualTo(Transfers.sha256(bytes));

        HttpResponse<byte[]> changedMeanwhile = transfers()
                .fetch(
                        TRANSLATOR,
                        "GET",
                        base + "/content",
                        "Range",
                        "bytes=" + cut + "-",
                        "If-Range",
                        "\"not-these-bytes\"");
        assertThat(changedMeanwhile.statusCode()).isEqualTo(200);
        assertThat(Transfers.sha256(changedMeanwhile.body())).isEqualTo(Transfers.sha256(bytes));

        HttpResponse<byte[]> suffix = transfers().fetch(TRANSLATOR, "GET", base + "/content", "Range", "bytes=-100");
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 100, bytes.length));

        HttpResponse<byte[]> two =
                transfers().fetch(TRANSLATOR, "GET", base + "/content", "Range", "bytes=0-9,4000000-4000009");
        assertThat(two.statusCode()).isEqualTo(206);
        assertThat(two.headers().firstValue("Content-Type").orElse("")).startsWith("multipart/byteranges");
        String multipart = new String(two.body(), StandardCharsets.ISO_8859_1);
        assertThat(multipart)
                .contains("Content-Range: bytes 0-9/" + bytes.length)
                .contains("Content-Range: bytes 4000000-4000009/" + bytes.length)
                .contains(new String(Arrays.copyOfRange(bytes, 4000000, 4000010), StandardCharsets.ISO_8859_1));

        HttpResponse<byte[]> beyond =
                transfers().fetch(TRANSLATOR, "GET", base + "/content", "Range", "bytes=" + bytes.length + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + bytes.length);

        HttpResponse<byte[]> unchanged = transfers().fetch(TRANSLATOR, "GET", base + "/content", "If-None-Match", etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
    }

    @Test
    void aLocaleWithoutItsOwnVariantFallsBackToTheOneThereIs() {
        byte[] ja = Transfers.pdf(40_000, 4);
        String id = createPresentation();
        transfers().put(EDITOR, "/api/media/assets/" + id + "/variants/ja", ja, "application/pdf");

        HttpResponse<byte[]> english =
                transfers().fetch(TRANSLATOR, "GET", "/api/media/assets/" + id + "/content", "Accept-Language", "en");

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Language")).hasValue("ja");
        assertThat(english.body()).isEqualTo(ja);
    }

    private String createPresentation() {
        Reply created = api().post(EDITOR, "/api/media/assets", titled("presentation", "Kitakyushu Initiative"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().path("assetId").asString();
    }

    static JsonNode json(String body) {
        return ServiceClient.JSON.readTree(body);
    }
}
