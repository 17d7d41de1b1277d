package dev.hashi.translation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;
import dev.hashi.identity.LocalePair;
import dev.hashi.identity.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the service's HTTP API as a given user, with identity headers signed as the gateway would. */
public final class Api {

    public static final String SECRET = "translation-tests-shared-gateway-secret-0123456789";
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final int port;
    private final Identity identity;

    Api(int port) {
        this(port, null);
    }

    private Api(int port, Identity identity) {
        this.port = port;
        this.identity = identity;
    }

    public static Identity translator(String subject, String... pairs) {
        Set<LocalePair> granted = new java.util.HashSet<>();
        for (String pair : pairs) {
            granted.add(LocalePair.parse(pair));
        }
        return new Identity(subject, Set.of(Role.TRANSLATOR), granted);
    }

    public static Identity reviewer(String subject) {
        return new Identity(subject, Set.of(Role.REVIEWER), Set.of());
    }

    public static Identity editor(String subject) {
        return new Identity(subject, Set.of(Role.EDITOR), Set.of());
    }

    public static Identity admin(String subject) {
        return new Identity(subject, Set.of(Role.ADMIN), Set.of());
    }

    public static Identity reader(String subject) {
        return new Identity(subject, Set.of(Role.READER), Set.of());
    }

    public Api as(Identity caller) {
        return new Api(port, caller);
    }

    public Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    public Response post(String pathAndQuery, String json) {
        return send("POST", pathAndQuery, json, "application/json");
    }

    public Response put(String pathAndQuery, String json) {
        return send("PUT", pathAndQuery, json, "application/json");
    }

    public Response send(String method, String pathAndQuery, String body, String contentType) {
        String requestId = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("X-Request-Id", requestId)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (identity != null) {
            String rawPath = URI.create(pathAndQuery).getRawPath();
            new IdentityHeaders(SECRET, Duration.ofSeconds(60))
                    .sign(identity, method, rawPath, requestId, Instant.now())
                    .forEach(request::header);
        }
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, raw body and content type. */
    public record Response(int status, String body, String contentType) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }
    }
}
