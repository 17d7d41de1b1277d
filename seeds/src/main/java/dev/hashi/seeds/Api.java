package dev.hashi.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API through the gateway, called with an API token ({@code Authorization: Bearer hsh_…}). A call that
 * cannot reach the gateway answers status 0 with the reason, so the caller reports it like any other failure.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;
    private final String token;
    private final HttpClient http;
    private final Duration timeout;

    Api(URI gateway, String token, Duration timeout) {
        this.gateway = gateway;
        this.token = token;
        this.timeout = timeout;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** An answer: status, body and the headers the loader reads. */
    record Reply(String call, int status, String body, String etag) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
            } catch (RuntimeException notJson) {
                return JSON.missingNode();
            }
        }

        /** The problem's code, or empty. */
        String code() {
            return json().path("code").asString("");
        }

        /** One line for a person: the call, the status, the problem's code and detail with its field errors. */
        String describe() {
            if (status == 0) {
                return call + " → not answered: " + body;
            }
            JsonNode problem = json();
            StringBuilder line = new StringBuilder(call + " → " + status);
            if (problem.has("code")) {
                line.append(' ').append(problem.path("code").asString());
            }
            if (problem.has("detail")) {
                line.append(": ").append(problem.path("detail").asString());
            }
            for (JsonNode error : problem.path("errors")) {
                line.append(" [")
                        .append(error.path("field").asString())
                        .append(' ')
                        .append(error.path("code").asString())
                        .append(": ")
                        .append(error.path("message").asString())
                        .append(']');
            }
            if (!problem.has("code") && body != null && !body.isBlank()) {
                line.append(": ").append(body, 0, Math.min(200, body.length()));
            }
            return line.toString();
        }
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    /** A JSON request; {@code headers} are name, value pairs. */
    Reply send(String method, String path, Object body, String... headers) {
        HttpRequest.Builder request = request(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return exchange(method + " " + path, request.build());
    }

    /** A binary upload with a declared length, streamed. */
    Reply upload(String path, String contentType, Supplier<InputStream> bytes, long length) {
        HttpRequest request = request(path)
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(bytes), length))
                .build();
        return exchange("PUT " + path, request);
    }

    /** A download into {@code target}; the reply's body is empty on success, the problem otherwise. */
    Reply download(String path, java.nio.file.Path target) {
        HttpRequest request =
                request(path).timeout(Duration.ofMinutes(30)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return new Reply(
                            "GET " + path,
                            response.statusCode(),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8),
                            null);
                }
                java.nio.file.Files.createDirectories(target.getParent());
                java.nio.file.Files.copy(body, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return new Reply(
                        "GET " + path,
                        200,
                        "",
                        response.headers().firstValue("ETag").orElse(null));
            }
        } catch (IOException e) {
            return new Reply("GET " + path, 0, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply("GET " + path, 0, "interrupted", null);
        }
    }

    /** Every item of a list, page by page ({@code limit=100}, following {@code next}). */
    List<JsonNode> list(String path, List<Reply> failures) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Reply reply = get(page);
            if (!reply.ok()) {
                failures.add(reply);
                return items;
            }
            JsonNode body = reply.json();
            body.path("items").forEach(items::add);
            cursor = body.path("next").isString() ? body.path("next").asString() : null;
        } while (cursor != null);
        return items;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Reply exchange(String call, HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(
                    call,
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            return new Reply(call, 0, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(call, 0, "interrupted", null);
        }
    }
}
