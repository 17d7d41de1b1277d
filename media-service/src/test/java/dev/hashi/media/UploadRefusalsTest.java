package dev.hashi.media;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hashi.media.binary.Binaries;
import dev.hashi.testsupport.Reply;

import tools.jackson.databind.JsonNode;

import static dev.hashi.media.ConferenceAssets.EDITOR;
import static dev.hashi.media.ConferenceAssets.titled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hostile or broken uploads get a clear 4xx and leave nothing behind: no variant, no GridFS chunk. */
class UploadRefusalsTest extends MediaServiceTest {

    @Autowired
    Binaries binaries;

    @Test
    void fileNamesThatNameAPathOrHideCharactersOrAreDevicesAreRefused() {
        String id = createAsset();
        byte[] bytes = Transfers.pdf(10_000, 11);
        for (String name : new String[] {
            "../../etc/passwd",
            "slides/../../x.pdf",
            "..\\boot.ini",
            "bell\u0007.pdf",
            "CON.pdf",
            "lpt1",
            "\u202Efdp.exe",
            "line\nbreak.pdf",
            ".hidden",
            "trailing."
        }) {
            HttpResponse<String> reply = transfers()
                    .put(
                            EDITOR,
                            "/api/media/assets/" + id + "/variants/en?fileName="
                                    + URLEncoder.encode(name, StandardCharsets.UTF_8),
                            bytes,
                            "application/pdf");
            assertThat(reply.statusCode()).as(name + ": " + reply.body()).isEqualTo(400);
            JsonNode error =
                    VariantDownloadTest.json(reply.body()).path("errors").get(0);
            assertThat(error.path("field").asString()).isEqualTo("fileName");
            assertThat(error.path("code").asString()).isEqualTo("media.file-name");
        }
        assertNothingStored(id);
    }

    @Test
    void activeContentDeclaredAsSomethingHarmlessIsRefused() {
        String id = createAsset();
        byte[] page = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] svg = ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script>"
                        + "</svg>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] script = "<script>fetch('/api/media/assets')</script> just notes".getBytes(StandardCharsets.UTF_8);

        for (Object[] attempt : new Object[][] {
            {page, "image/png"}, {svg, "image/png"}, {svg, "application/pdf"}, {script, "text/plain"}
        }) {
            HttpResponse<String> reply = transfers()
                    .put(EDITOR, "/api/media/assets/" + id + "/variants/en", (byte[]) attempt[0], (String) attempt[1]);
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
            JsonNode error =
                    VariantDownloadTest.json(reply.body()).path("errors").get(0);
            assertThat(error.path("field").asString()).isEqualTo("Content-Type");
            assertThat(error.path("code").asString()).isEqualTo("media.type-mismatch");
        }
        assertNothingStored(id);
    }

    @Test
    void activeContentDeclaredAsWhatItIsIsStoredButOnlyEverServedAsAnAttachment() {
        String id = createAsset();
        byte[] page = "<!DOCTYPE html><html><body><p>Programme</p></body></html>".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> stored = transfers()
                .put(EDITOR, "/api/media/assets/" + id + "/variants/en?fileName=programme.html", page, "text/html");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

        HttpResponse<byte[]> served = transfers().fetch(EDITOR, "GET", "/api/media/assets/" + id + "/content");
        assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(served.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'")
                .contains("sandbox");
    }

    @Test
    void anEmptyBodyIsRefused() {
        String id = createAsset();

        HttpResponse<String> reply =
                transfers().put(EDITOR, "/api/media/assets/" + id + "/variants/en", new byte[0], "application/pdf");

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
        assertThat(VariantDownloadTest.json(reply.body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("body");
        assertNothingStored(id);
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsSent() {
        String id = createAsset();

        String reply = transfers()
                .putRaw(
                        EDITOR,
                        "/api/media/assets/" + id + "/variants/en",
                        MAX_UPLOAD_BYTES + 1,
                        new byte[0],
                        0,
                        Duration.ofSeconds(5));

        assertThat(reply).startsWith("HTTP/1.1 413").contains("\"code\":\"request.too-large\"");
        assertNothingStored(id);
    }

    @Test
    void aChunkedBodyPassingTheLimitIsCutOffWith413AndLeavesNoChunks() {
        String id = createAsset();
        byte[] tooLarge = Transfers.pdf((int) MAX_UPLOAD_BYTES + 512 * 1024, 13);

        HttpResponse<String> reply = transfers()
                .putChunked(
                        EDITOR,
                        "/api/media/assets/" + id + "/variants/en",
                        Transfers.stream(tooLarge),
                        "application/pdf");

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(413);
        assertThat(VariantDownloadTest.json(reply.body()).path("code").asString())
                .isEqualTo("request.too-large");
        assertNothingStored(id);
    }

    @Test
    void aClientThatHangsUpMidUploadLeavesNoVariantAndNoChunks() {
        String id = createAsset();
        byte[] body = Transfers.pdf(3 * 1024 * 1024, 14);

        transfers()
                .putRaw(
                        EDITOR,
                        "/api/media/assets/" + id + "/variants/en",
                        body.length,
                        body,
                        1024 * 1024,
                        Duration.ofMillis(300));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertNothingStored(id));
    }

    private void assertNothingStored(String id) {
        Reply asset = api().get(EDITOR, "/api/media/assets/" + id);
        assertThat(asset.body().path("variants").size()).isZero();
        assertThat(asset.etag()).isEqualTo("\"1\"");
        assertThat(binaries.orphanChunks()).isZero();
    }

    private String createAsset() {
        Reply created = api().post(EDITOR, "/api/media/assets", titled("document", "Declaration"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().path("assetId").asString();
    }
}
