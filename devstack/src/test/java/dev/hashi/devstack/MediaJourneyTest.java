package dev.hashi.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed page's attachments through the gateway on the dev stack: an editor uploads the Japanese and the English
 * slides of one presentation (the English file over 100 MB, streamed end to end), downloads each whole and by range,
 * resumes a cut download, gets the variant of the reader's language, marks another presentation's file as had on
 * request and gets the contact problem, then publishes a page that references both and finds their summaries in
 * delivery; once published, anonymous readers may download the slides.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SharedStack
class MediaJourneyTest {

    /** Over 100 MB, as the largest of the seed page's files would be after a decade of slide decks. */
    static final long LARGE = 101L * 1024 * 1024;

    static final long CUT = 7_340_033;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static StackApi stack;
    static String admin;
    static String editor;
    static String slides;
    static String fukuoka;
    static String secretariat;
    static byte[] japaneseSlides;
    static String englishSha256;

    @BeforeAll
    static void signInAndMakeTheSlides(StackApi shared) throws Exception {
        stack = shared;
        Team team = Team.signIn(stack);
        admin = team.admin();
        editor = team.editor();
        japaneseSlides = pdf(47 * 1024);
        englishSha256 = sha256(new Generated(LARGE));
    }

    @Test
    @Order(1)
    void japaneseAndEnglishSlidesAreStoredStreamedWithTheirDetectedTypes() throws Exception {
        HttpResponse<String> created = stack.send("POST", "/api/media/assets", editor, """
                {"kind": "presentation",
                 "title": {"ja": {"text": "住民協働の環境モデル都市づくりを目指して~水俣市~"}}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        slides = json(created).path("assetId").asString();

        HttpResponse<String> japanese = upload(
                slides,
                "ja",
                "application/pdf",
                "水俣市の発表.pdf",
                HttpRequest.BodyPublishers.ofByteArray(japaneseSlides),
                japaneseSlides.length);
        assertThat(japanese.statusCode()).as(japanese.body()).isEqualTo(200);

        HttpResponse<String> english = upload(
                slides,
                "en",
                "application/vnd.ms-powerpoint",
                "Minamata.ppt",
                HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(LARGE)),
                LARGE);
        assertThat(english.statusCode()).as(english.body()).isEqualTo(200);

        JsonNode variants = json(english).path("variants");
        assertThat(variants).hasSize(2);
        JsonNode en = variant(variants, "en");
        assertThat(en.path("sizeBytes").asLong()).isEqualTo(LARGE);
        assertThat(en.path("sha256").asString()).isEqualTo(englishSha256);
        JsonNode ja = variant(variants, "ja");
        assertThat(ja.path("sha256").asString()).isEqualTo(sha256(japaneseSlides));
        assertThat(ja.toString()).contains("application/pdf").contains("水俣市の発表.pdf");
    }

    @Test
    @Order(2)
    void eachVariantDownloadsWholeAndByRangeAndACutDownloadResumes() throws Exception {
        HttpResponse<InputStream> whole = download(slides, editor, "Accept-Language", "en-US,en;q=0.9");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Language")).contains("en");
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.headers().allValues("Vary").toString()).contains("Accept-Language");
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + englishSha256 + "\"");
        assertThat(sha256(whole.body())).isEqualTo(englishSha256);

        MessageDigest resumed = digest();
        HttpResponse<InputStream> first =
                download(slides, editor, "Accept-Language", "en", "Range", "bytes=0-" + (CUT - 1));
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.headers().firstValue("Content-Range")).contains("bytes 0-" + (CUT - 1) + "/" + LARGE);
        assertThat(feed(resumed, first.body())).isEqualTo(CUT);
        HttpResponse<InputStream> rest =
                download(slides, editor, "Accept-Language", "en", "Range", "bytes=" + CUT + "-", "If-Range", etag);
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(feed(resumed, rest.body())).isEqualTo(LARGE - CUT);
        assertThat(HexFormat.of().formatHex(resumed.digest()))
                .as("the resumed download is the file")
                .isEqualTo(englishSha256);

        HttpResponse<InputStream> stale = download(
                slides, editor, "Accept-Language", "en", "Range", "bytes=" + CUT + "-", "If-Range", "\"changed\"");
        assertThat(stale.statusCode())
                .as("a stale If-Range gets the whole file")
                .isEqualTo(200);
        stale.body().close();

        HttpResponse<InputStream> unsatisfiable =
                download(slides, editor, "Accept-Language", "en", "Range", "bytes=" + LARGE + "-");
        assertThat(unsatisfiable.statusCode()).isEqualTo(416);
        unsatisfiable.body().close();

        HttpResponse<InputStream> japanese = download(slides, editor, "Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5");
        assertThat(japanese.statusCode()).isEqualTo(200);
        assertThat(japanese.headers().firstValue("Content-Language")).contains("ja");
        assertThat(japanese.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename*=UTF-8''")
                .contains("%E6%B0%B4%E4%BF%A3"); // 水俣
        assertThat(sha256(japanese.body())).isEqualTo(sha256(japaneseSlides));
    }

    @Test
    @Order(3)
    void aFileHadOnRequestAnswersWithTheSecretariatsContactText() throws Exception {
        HttpResponse<String> organisation = stack.send(
                "POST",
                "/api/content/entries",
                editor,
                JSON.writeValueAsString(Map.of(
                        "type",
                        "organisation",
                        "locale",
                        "en",
                        "fields",
                        Map.of("name", "Secretariat of the World Partnership Conference"))));
        assertThat(organisation.statusCode()).as(organisation.body()).isEqualTo(201);
        secretariat = json(organisation).path("entryId").asString();

        HttpResponse<String> created = stack.send(
                "POST",
                "/api/media/assets",
                editor,
                JSON.writeValueAsString(Map.of(
                        "kind",
                        "presentation",
                        "title",
                        Map.of("ja", Map.of("text", "福岡市における環境国際協力の取組み")),
                        "availability",
                        Map.of(
                                "state",
                                "on_request",
                                "contactText",
                                Map.of("en", Map.of("text", "Too large for download; please contact the Secretariat.")),
                                "contactEntryId",
                                secretariat))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        fukuoka = json(created).path("assetId").asString();

        HttpResponse<String> problem =
                stack.send("GET", "/api/media/assets/" + fukuoka + "/content", editor, null, "Accept-Language", "en");
        assertThat(problem.statusCode()).as(problem.body()).isEqualTo(409);
        assertThat(problem.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode body = json(problem);
        assertThat(body.path("code").asString()).isEqualTo("media.on-request");
        assertThat(body.path("contactText").asString())
                .isEqualTo("Too large for download; please contact the Secretariat.");
        assertThat(body.path("contactEntryId").asString()).isEqualTo(secretariat);
    }

    @Test
    @Order(4)
    void aPublishedPageShowsTheSummariesAndItsSlidesBecomeDownloadableByAnyone() throws Exception {
        HttpResponse<InputStream> beforePublishing = download(slides, null, "Accept-Language", "en");
        assertThat(beforePublishing.statusCode())
                .as("an unpublished asset is not for anonymous readers")
                .isIn(401, 403, 404);
        beforePublishing.body().close();

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "World Partnership Conference on Sustainable Development (media)");
        fields.put("summary", "Presentations of the session on local governments.");
        fields.put("date", "2003-10-28");
        fields.put(
                "sessions",
                List.of(Map.of(
                        "title",
                        "Local Governments",
                        "presentations",
                        List.of(
                                Map.of("title", "Minamata", "attachments", List.of(slides)),
                                Map.of("title", "Fukuoka", "attachments", List.of(fukuoka))))));
        HttpResponse<String> created = stack.send(
                "POST",
                "/api/content/entries",
                editor,
                JSON.writeValueAsString(
                        Map.of("type", "event-page", "locale", "en", "slug", "wpc-2003-media", "fields", fields)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String page = json(created).path("entryId").asString();
        String etag = created.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> published = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> stack.send(
                                "POST",
                                "/api/content/entries/" + page + "/locales/en/publish",
                                editor,
                                null,
                                "If-Match",
                                etag),
                        response -> response.statusCode() != 422 && response.statusCode() != 409);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        JsonNode delivered = json(stack.get("/api/delivery/entries/event-page/wpc-2003-media?locale=en"));
        JsonNode presentations =
                delivered.path("fields").path("sessions").get(0).path("presentations");
        JsonNode minamata =
                presentations.get(0).path("attachments").path("media").get(0);
        assertThat(minamata.path("assetId").asString()).isEqualTo(slides);
        assertThat(minamata.path("availability").asString()).isEqualTo("available");
        assertThat(minamata.path("sizeBytes").asLong()).isEqualTo(LARGE);
        assertThat(minamata.path("size").asString()).endsWith("MB");
        assertThat(minamata.path("downloadPath").asString()).isEqualTo("/api/media/assets/" + slides + "/content");
        assertThat(minamata.path("variantLocales").toString()).contains("en").contains("ja");
        JsonNode onRequest =
                presentations.get(1).path("attachments").path("media").get(0);
        assertThat(onRequest.path("availability").asString()).isEqualTo("on_request");
        assertThat(onRequest.path("contact").path("text").asString())
                .isEqualTo("Too large for download; please contact the Secretariat.");
        assertThat(onRequest.path("contact").path("entryId").asString()).isEqualTo(secretariat);

        HttpResponse<InputStream> anonymous = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> download(slides, null, "Accept-Language", "ja", "Range", "bytes=0-1023"), response -> {
                    if (response.statusCode() != 206) {
                        discard(response);
                        return false;
                    }
                    return true;
                });
        assertThat(anonymous.body().readAllBytes()).isEqualTo(java.util.Arrays.copyOf(japaneseSlides, 1024));
    }

    private static HttpResponse<String> upload(
            String asset, String locale, String type, String fileName, HttpRequest.BodyPublisher body, long length)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/media/assets/" + asset
                        + "/variants/" + locale + "?fileName="
                        + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + editor)
                .header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(body, length))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<InputStream> download(String asset, String token, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(stack.gateway() + "/api/media/assets/" + asset + "/content"))
                .timeout(Duration.ofMinutes(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static void discard(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode variant(JsonNode variants, String locale) {
        for (JsonNode variant : variants) {
            if (locale.equals(variant.path("locale").asString())) {
                return variant;
            }
        }
        throw new AssertionError("no " + locale + " variant in " + variants);
    }

    /** A small PDF's bytes: a real header so the type is detected from them, padded to {@code size}. */
    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        byte[] header = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        new SplittableRandom(47).nextBytes(bytes);
        System.arraycopy(header, 0, bytes, 0, header.length);
        byte[] trailer = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(trailer, 0, bytes, size - trailer.length, trailer.length);
        return bytes;
    }

    private static MessageDigest digest() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }

    private static long feed(MessageDigest digest, InputStream in) throws IOException {
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
                total += read;
            }
            return total;
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = digest();
        feed(digest, in);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** {@code length} pseudo-random bytes, the same on every read, generated as they are read (never held). */
    static final class Generated extends InputStream {

        private final SplittableRandom random = new SplittableRandom(2003);
        private long left;

        Generated(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) random.nextInt(256);
            }
            left -= n;
            return n;
        }
    }
}
