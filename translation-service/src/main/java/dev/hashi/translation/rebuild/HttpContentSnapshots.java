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
import java.util.UUID;

import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;
import dev.hashi.service.error.DomainException;
import dev.hashi.service.error.UnavailableException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the snapshot over HTTP, signing its own service identity as the gateway does; any failure is
 * {@code rebuild.snapshot-unavailable}.
 */
final class HttpContentSnapshots implements ContentSnapshots {

    /** Translation-service's own identity: content-service lets it read the snapshot and nothing else. */
    static final Identity SERVICE = Identity.service("translation");

    private static final String PATH = "/api/content/snapshot";
    static final String UNAVAILABLE = "rebuild.snapshot-unavailable";

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
    public Page page(String cursor, int limit) {
        String query = "?limit=" + limit
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        String requestId = UUID.randomUUID().toString();
        URI target = base.resolve(PATH + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("X-Request-Id", requestId)
                .GET();
        if (signer != null) {
            IdentityHeaders.SignedRequest signed = new IdentityHeaders.SignedRequest(
                    "GET", target.getRawPath(), target.getRawQuery(), null, 0, requestId);
            signer.sign(SERVICE, signed, IdentityHeaders.EMPTY_BODY, Instant.now())
                    .forEach(request::header);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw unavailable("The content snapshot answered " + response.statusCode() + ".");
            }
            return json.readValue(response.body(), Page.class);
        } catch (IOException e) {
            throw unavailable("The content snapshot is unreachable: " + e.getMessage());
        } catch (JacksonException e) {
            throw unavailable("The content snapshot is not a page: " + e.getOriginalMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while reading the content snapshot.");
        }
    }

    private static DomainException unavailable(String detail) {
        return new UnavailableException(UNAVAILABLE, detail).with("service", "content");
    }
}
