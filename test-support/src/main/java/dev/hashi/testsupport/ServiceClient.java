package dev.hashi.testsupport;

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

/**
 * Calls a service's HTTP API directly as a given user, with identity headers signed the way the gateway signs them
 * (or none, for {@code null} callers).
 */
public final class ServiceClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final IdentityHeaders signer;

    /** A client of the service on {@code port} that trusts identities signed with {@code secret}. */
    public ServiceClient(int port, String secret) {
        this("http://127.0.0.1:" + port, secret);
    }

    public ServiceClient(String base, String secret) {
        this.base = base;
        this.signer = new IdentityHeaders(secret, Duration.ofSeconds(60));
    }

    public static Identity user(String subject, Role role) {
        return new Identity(subject, Set.of(role), Set.of());
    }

    public static Identity translator(String subject, String... pairs) {
        Set<LocalePair> granted = new java.util.HashSet<>();
        for (String pair : pairs) {
            granted.add(LocalePair.parse(pair));
        }
        return new Identity(subject, Set.of(Role.TRANSLATOR), granted);
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

    /**
     * Sends {@code body} as is when it is a string (as JSON unless a {@code Content-Type} header says otherwise),
     * else as JSON; {@code headers} are name/value pairs. A {@code null} caller sends no identity headers.
     */
    public Reply send(Identity who, String method, String path, Object body, String... headers) {
        String requestId = "t-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Request-Id", requestId);
        String contentType = null;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                contentType = headers[i + 1];
            }
        }
        byte[] bytes = null;
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            bytes = text.getBytes(StandardCharsets.UTF_8);
            if (contentType == null) {
                contentType = "application/json";
                request.header("Content-Type", contentType);
            }
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        if (who != null) {
            // signed as the gateway signs: method, raw path and query, content type, length, body digest, request id
            URI target = URI.create(path);
            signer.sign(
                            who,
                            new IdentityHeaders.SignedRequest(
                                    method,
                                    target.getRawPath(),
                                    target.getRawQuery(),
                                    contentType,
                                    bytes == null ? 0 : bytes.length,
                                    requestId),
                            bytes == null ? IdentityHeaders.EMPTY_BODY : IdentityHeaders.digest(bytes),
                            Instant.now())
                    .forEach(request::header);
        }
        return exchange(request.build());
    }

    /** Sends a prepared request and reads the reply. */
    public static Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (RuntimeException e) {
                json = JSON.missingNode();
            }
            return new Reply(response.statusCode(), response.headers().map(), json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
