package dev.hashi.translation.rebuild;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import dev.hashi.identity.Role;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the snapshot over HTTP, signing its own service identity as the gateway does. */
final class HttpContentSnapshots implements ContentSnapshots {

    static final Identity SERVICE = new Identity("svc-translation", Set.of(Role.ADMIN), Set.of());
    private static final String PATH = "/api/content/snapshot";

    private final URI base;
    private final IdentityHeaders signer;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    HttpContentSnapshots(URI base, String gatewaySecret) {
        this.base = base;
        this.signer = gatewaySecret == null || gatewaySecret.isBlank()
                ? null
                : new IdentityHeaders(gatewaySecret, Duration.ofSeconds(60));
    }

    @Override
    public Page page(String after, int limit) {
        String query =
                "?limit=" + limit + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        String requestId = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(PATH + query))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("X-Request-Id", requestId)
                .GET();
        if (signer != null) {
            signer.sign(SERVICE, "GET", PATH, requestId, Instant.now()).forEach(request::header);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("content snapshot answered " + response.statusCode());
            }
            return json.readValue(response.body(), Page.class);
        } catch (IOException e) {
            throw new IllegalStateException("content snapshot unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the content snapshot", e);
        }
    }
}
