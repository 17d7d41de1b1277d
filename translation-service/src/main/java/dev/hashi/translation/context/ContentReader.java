package dev.hashi.translation.context;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;
import dev.hashi.service.error.DomainException;
import dev.hashi.service.error.NotFoundException;
import dev.hashi.service.error.UnavailableException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads drafts and type definitions from content-service on behalf of the caller: the request is signed with the
 * caller's own identity, as the gateway signed it, so content-service decides what that person may read. Types are
 * kept for at most {@link ContextSettings#typeTtl()}; entries are read every time and never stored.
 */
final class ContentReader {

    static final String UNAVAILABLE = "context.content-unavailable";

    private final URI base;
    private final IdentityHeaders signer;
    private final ContextSettings settings;
    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Cache<String, JsonNode> types;

    ContentReader(URI base, String gatewaySecret, ContextSettings settings) {
        this.base = base;
        this.settings = settings;
        this.signer = gatewaySecret == null || gatewaySecret.isBlank()
                ? null
                : new IdentityHeaders(gatewaySecret, Duration.ofSeconds(60));
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.types = Caffeine.newBuilder()
                .expireAfterWrite(settings.typeTtl())
                .maximumSize(500)
                .build();
    }

    /**
     * The entry with every locale's draft values.
     *
     * @throws NotFoundException    {@code entry.not-found} when content-service does not know it (any more)
     * @throws UnavailableException {@value #UNAVAILABLE} when content-service cannot answer
     */
    JsonNode entry(String entryId, Identity caller) {
        return read("/api/content/entries/" + segment(entryId), caller)
                .orElseThrow(() -> new NotFoundException("entry", entryId));
    }

    /**
     * The type's definition, empty when content-service does not know it.
     *
     * @throws UnavailableException {@value #UNAVAILABLE} when content-service cannot answer
     */
    Optional<JsonNode> type(String key, Identity caller) {
        JsonNode cached = types.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<JsonNode> read = read("/api/content/types/" + segment(key), caller);
        read.ifPresent(definition -> types.put(key, definition));
        return read;
    }

    private Optional<JsonNode> read(String path, Identity caller) {
        URI target = base.resolve(path);
        String requestId = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("X-Request-Id", requestId)
                .GET();
        if (signer != null) {
            IdentityHeaders.SignedRequest signed = new IdentityHeaders.SignedRequest(
                    "GET", target.getRawPath(), target.getRawQuery(), null, 0, requestId);
            signer.sign(caller, signed, IdentityHeaders.EMPTY_BODY, Instant.now())
                    .forEach(request::header);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw unavailable("Content-service answered " + response.statusCode() + ".");
            }
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            throw unavailable("Content-service is unreachable.");
        } catch (JacksonException e) {
            throw unavailable("Content-service sent something that is not JSON.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while reading from content-service.");
        }
    }

    private DomainException unavailable(String detail) {
        return new UnavailableException(UNAVAILABLE, detail + " Try again shortly.")
                .with("service", "content")
                .with("retryAfter", Math.max(1, settings.retryAfter().toSeconds()));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
