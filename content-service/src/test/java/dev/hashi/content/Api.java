package dev.hashi.content;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;
import dev.hashi.identity.LocalePair;
import dev.hashi.identity.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the service over HTTP as a given user, with identity headers signed like the gateway signs them. */
public final class Api {

    public static final String SECRET = "test-gateway-secret-0123456789-abcdefghij";
    public static final Identity ADMIN = user("ada", Role.ADMIN);
    public static final Identity EDITOR = user("eri", Role.EDITOR);
    public static final Identity TRANSLATOR =
            new Identity("taro", Set.of(Role.TRANSLATOR), Set.of(LocalePair.parse("ja:en")));
    public static final Identity READER = user("rita", Role.READER);
    public static final Identity ANONYMOUS = Identity.anonymous();

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    private final IdentityHeaders signer = new IdentityHeaders(SECRET, Duration.ofSeconds(60));

    public Api(int port) {
        this.port = port;
    }

    public static Identity user(String subject, Role role) {
        return new Identity(subject, Set.of(role), Set.of());
    }

    /** A response: status, headers and the body as JSON (a missing node when empty or not JSON). */
    public record Reply(int status, Map<String, java.util.List<String>> headers, JsonNode body, String raw) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public String etag() {
            return header("ETag");
        }

        public String code() {
            return body.path("code").asString();
        }
    }

    public Reply get(Identity who, String path, String... headers) {
        return send(who, "GET", path, null, headers);
    }

    public Reply post(Identity who, String path, Object body, String... headers) {
        return send(who, "POST", path, body, headers);
    }

    public Reply put(Identity who, String path, Object body, String... headers) {
        return send(who, "PUT", path, body, headers);
    }

    public Reply patch(Identity who, String path, Object body, String... headers) {
        return send(who, "PATCH", path, body, headers);
    }

    public Reply delete(Identity who, String path, String... headers) {
        return send(who, "DELETE", path, null, headers);
    }

    /** Sends {@code body} as is when it is a string, else as JSON. */
    public Reply send(Identity who, String method, String path, Object body, String... headers) {
        String requestId = "t-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Request-Id", requestId);
        String rawPath = URI.create(path).getRawPath();
        signer.sign(who, method, rawPath, requestId, Instant.now()).forEach(request::header);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (RuntimeException e) {
                json = JSON.missingNode();
            }
            return new Reply(response.statusCode(), response.headers().map(), json, response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
