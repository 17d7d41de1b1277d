package dev.hashi.gateway.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.hashi.gateway.GatewayWithStubServices;
import dev.hashi.gateway.RawHttp;
import dev.hashi.gateway.StubService.Seen;
import dev.hashi.gateway.security.DevJwts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Body limits per route, counted on the bytes that arrive: 1MB by default, 8MB for XLIFF imports (held, so the
 * signature covers them), {@value GatewayWithStubServices#MEDIA_LIMIT_MB}MB in this context for media uploads
 * (streamed).
 */
class BodyLimitsTest extends GatewayWithStubServices {

    private static final int MB = 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    @Test
    void aFiveMegabyteXliffImportWithItsLengthReachesTheServiceSignedWithItsDigest() throws Exception {
        byte[] xliff = xliff(5 * MB);
        client.post()
                .uri("/api/translations/xliff")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DevJwts.translator("yuki", "ja:en"))
                .contentType(MediaType.parseMediaType("application/xliff+xml"))
                .bodyValue(xliff)
                .exchange()
                .expectStatus()
                .isOk();

        Seen seen = translation.nextRequest();
        assertThat(seen.header("Content-Length")).isEqualTo(String.valueOf(xliff.length));
        assertThat(sha256(seen.body())).isEqualTo(sha256(xliff));
        assertThat(seen.header("X-Hashi-Body-Digest"))
                .as("an XLIFF import is held, so its content is signed")
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256(xliff)) + ":");
    }

    @Test
    void aDeclaredXliffImportOverItsLimitIsRefusedBeforeAnyOfItIsRead() throws Exception {
        String response = raw("POST /api/translations/xliff HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + DevJwts.translator("yuki", "ja:en") + "\r\n"
                + "Content-Type: application/xliff+xml\r\nContent-Length: " + (9 * MB) + "\r\n\r\n<xliff");
        assertThat(response).startsWith("HTTP/1.1 413").contains("request.too-large");
        assertThat(translation.nextRequestWithin(Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void aChunkedBodyOverItsRoutesLimitIsRefusedAndNothingReachesTheService() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            CompletableFuture<Long> sent = sendChunked(
                    socket, "/api/content/entries", "application/json", DevJwts.token("ed", "editor"), 2 * MB);

            String response = readToEnd(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413").contains("request.too-large");
            assertThat(response).containsIgnoringCase("connection: close");
            sent.join();
        }
        assertThat(content.nextRequestWithin(Duration.ofMillis(500))).isEmpty();
        assertThat(content.bodyBytesReceived()).isZero();
    }

    @Test
    void aChunkedMediaUploadStreamsToTheServiceWhileTheClientIsStillSending() throws Exception {
        byte[] upload = new byte[20 * MB];
        new Random(2003).nextBytes(upload);
        int firstPart = 12 * MB;
        long receivedBeforeTheEnd;
        String response;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    chunkedHead("/api/media/assets/kokura-castle/content", "image/jpeg", DevJwts.token("ed", "editor"))
                            .getBytes(StandardCharsets.US_ASCII));
            writeChunks(out, upload, 0, firstPart);
            await().atMost(Duration.ofSeconds(10)).until(() -> media.bodyBytesReceived() > 0);
            receivedBeforeTheEnd = media.bodyBytesReceived();
            writeChunks(out, upload, firstPart, upload.length);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            response = RawHttp.readResponse(socket.getInputStream());
        }

        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(receivedBeforeTheEnd)
                .as("the service received bytes while the client had sent only %d of %d", firstPart, upload.length)
                .isPositive();
        Seen seen = media.nextRequest();
        assertThat(seen.body()).hasSize(upload.length);
        assertThat(sha256(seen.body())).isEqualTo(sha256(upload));
        assertThat(seen.header("X-Hashi-Body-Digest"))
                .as("a streamed body is not digested")
                .isNull();
    }

    @Test
    void aChunkedMediaUploadPastItsLimitIsCutWithAProblemAndTheConnectionClosed() throws Exception {
        int tooLarge = (MEDIA_LIMIT_MB + 8) * MB;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            CompletableFuture<Long> sent = sendChunked(
                    socket,
                    "/api/media/assets/kokura-castle/content",
                    "image/jpeg",
                    DevJwts.token("ed", "editor"),
                    tooLarge);

            String response = readToEnd(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413").contains("request.too-large");
            assertThat(response).containsIgnoringCase("connection: close");
            sent.join();
        }
        assertThat(media.nextRequestWithin(Duration.ofMillis(500)))
                .as("the service never got a whole request")
                .isEmpty();
        assertThat(media.bodyBytesReceived()).isLessThanOrEqualTo((long) MEDIA_LIMIT_MB * MB);
        client.get()
                .uri("/api/media/assets/kokura-castle")
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** An XLIFF-looking document of exactly {@code size} bytes. */
    private static byte[] xliff(int size) {
        String head = "<?xml version=\"1.0\"?><xliff version=\"2.0\" srcLang=\"ja\" trgLang=\"en\"><file id=\"f\">";
        String tail = "</file></xliff>";
        StringBuilder xml = new StringBuilder(size).append(head);
        String unit =
                "<unit id=\"u\"><segment><source>北九州市の環境モデル都市</source><target>Kitakyushu</target></segment></unit>";
        while (xml.length() * 3 + unit.length() * 3 + tail.length() < size) {
            xml.append(unit);
        }
        byte[] body = xml.append(tail).toString().getBytes(StandardCharsets.UTF_8);
        byte[] exact = new byte[size];
        System.arraycopy(body, 0, exact, 0, body.length);
        java.util.Arrays.fill(exact, body.length, size, (byte) ' ');
        return exact;
    }

    private static String chunkedHead(String path, String type, String token) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\nContent-Type: "
                + type + "\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    private static void writeChunks(OutputStream out, byte[] body, int from, int to) throws IOException {
        for (int offset = from; offset < to; offset += CHUNK) {
            int length = Math.min(CHUNK, to - offset);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    /**
     * Sends a chunked request of {@code size} bytes from another thread, stopping quietly when the server closes the
     * connection; completes with the bytes of body it could write.
     */
    private static CompletableFuture<Long> sendChunked(
            Socket socket, String path, String type, String token, int size) {
        return CompletableFuture.supplyAsync(() -> {
            long written = 0;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(chunkedHead(path, type, token).getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[CHUNK];
                java.util.Arrays.fill(chunk, (byte) '7');
                while (written < size) {
                    writeChunks(out, chunk, 0, chunk.length);
                    written += chunk.length;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByTheServer) {
                // the gateway refused the body and closed the connection
            }
            return written;
        });
    }

    /** Everything the server sends until it closes the connection (a reset after the answer counts as closed). */
    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received.write(buffer, 0, read);
            }
        } catch (java.net.SocketException reset) {
            assertThat(received.size())
                    .as("an answer before the connection was reset")
                    .isPositive();
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private String raw(String request) throws IOException {
        return RawHttp.exchange(port, request);
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
