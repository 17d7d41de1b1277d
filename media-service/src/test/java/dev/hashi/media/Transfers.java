package dev.hashi.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.hashi.digest.Sha256;
import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;

/**
 * Binary uploads and downloads against the service, signed as the gateway signs a streamed body: the declared
 * length is covered, the body digest is left out.
 */
final class Transfers {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    private final IdentityHeaders signer;

    Transfers(int port, String secret) {
        this.port = port;
        this.signer = new IdentityHeaders(secret, Duration.ofSeconds(60));
    }

    /** A raw {@code PUT} of {@code body} with a declared length; {@code headers} are name/value pairs. */
    HttpResponse<String> put(Identity who, String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = request(who, "PUT", path, contentType, body.length, headers);
        return send(
                request.PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A raw {@code PUT} whose body is sent chunked, without a declared length. */
    HttpResponse<String> putChunked(Identity who, String path, InputStream body, String contentType) {
        HttpRequest.Builder request = request(who, "PUT", path, contentType, -1);
        return send(
                request.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart {@code POST} of one file part named {@code file}. */
    HttpResponse<String> postMultipart(Identity who, String path, String fileName, String partType, byte[] bytes) {
        String boundary = "hashi-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                        + "Content-Type: " + partType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        String contentType = "multipart/form-data; boundary=" + boundary;
        HttpRequest.Builder request = request(who, "POST", path, contentType, body.length);
        return send(
                request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A {@code GET} (or {@code HEAD}) answered as bytes; {@code headers} are name/value pairs. */
    HttpResponse<byte[]> fetch(Identity who, String method, String path, String... headers) {
        HttpRequest.Builder request = request(who, method, path, null, 0, headers);
        return send(
                request.method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Sends the head of a {@code PUT} declaring {@code declared} bytes, then {@code sent} bytes of {@code body}, then
     * reads what the service answers (until it closes or {@code wait} passes) and hangs up: a client that went away
     * mid-upload, or one whose declared length is refused before its body is read.
     */
    String putRaw(Identity who, String path, long declared, byte[] body, int sent, Duration wait) {
        String requestId = "t-" + UUID.randomUUID();
        URI target = URI.create(path);
        Map<String, String> identity = signer.sign(
                who,
                new IdentityHeaders.SignedRequest(
                        "PUT", target.getRawPath(), target.getRawQuery(), "application/pdf", declared, requestId),
                null,
                Instant.now());
        StringBuilder head = new StringBuilder("PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n")
                .append("Content-Type: application/pdf\r\n")
                .append("Content-Length: ")
                .append(declared)
                .append("\r\n")
                .append("X-Request-Id: ")
                .append(requestId)
                .append("\r\n");
        identity.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, sent);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (IOException timedOutOrReset) {
                // what arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /** {@code size} bytes of a PDF-looking file, the same for the same {@code seed}. */
    static byte[] pdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        byte[] magic = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private HttpRequest.Builder request(
            Identity who, String method, String path, String contentType, long length, String... headers) {
        String requestId = "t-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-Request-Id", requestId);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (who != null) {
            URI target = URI.create(path);
            String digest = "GET".equals(method) || "HEAD".equals(method) ? IdentityHeaders.EMPTY_BODY : null;
            signer.sign(
                            who,
                            new IdentityHeaders.SignedRequest(
                                    method, target.getRawPath(), target.getRawQuery(), contentType, length, requestId),
                            digest,
                            Instant.now())
                    .forEach(request::header);
        }
        return request;
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
