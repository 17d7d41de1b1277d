package dev.hashi.console.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Calls the gateway's public API as the signed-in user: {@code Authorization: Bearer <token>} with the token the
 * session holds, JSON both ways. Any answer of 400 or above becomes a {@link GatewayProblem} carrying the problem's
 * code and members; a gateway that cannot be reached or answers something that is not JSON becomes one too
 * ({@link GatewayProblem#UNREACHABLE}, {@link GatewayProblem#UNEXPECTED}), so screens deal with one exception type.
 */
@Component
public class GatewayApi {

    private final HttpClient http;
    private final GatewayProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    public GatewayApi(GatewayProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code GET} a path with query ({@code /api/content/entries?type=x}); {@code token} may be {@code null}. */
    public GatewayResponse get(String token, String pathAndQuery) {
        return send(token, "GET", pathAndQuery, null, Map.of());
    }

    /**
     * Sends a request.
     *
     * @param token        the bearer token, or {@code null} for an anonymous call
     * @param pathAndQuery starts with {@code /api/}
     * @param body         serialised as JSON ({@link JsonNode}, a record or a map), or {@code null} for none
     * @param headers      further headers ({@code If-Match}, {@code Content-Type} for JSON Patch, …)
     * @throws GatewayProblem for any status of 400 or above, and when the gateway cannot be reached
     */
    public GatewayResponse send(
            String token, String method, String pathAndQuery, Object body, Map<String, String> headers) {
        if (!pathAndQuery.startsWith("/api/")) {
            throw new IllegalArgumentException("the console calls the public API only, not " + pathAndQuery);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.url() + pathAndQuery))
                .timeout(properties.timeout())
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        Map<String, String> all = new LinkedHashMap<>();
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        all.forEach(request::header);
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new GatewayProblem(503, GatewayProblem.UNREACHABLE, "The gateway could not be reached.", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayProblem(503, GatewayProblem.UNREACHABLE, "Interrupted while calling the gateway.", null);
        }
        return answer(
                response.statusCode(), response.headers().firstValue("ETag").orElse(null), response.body());
    }

    /** Turns a status, ETag and body into a response, or the problem it is. Visible for tests of the mapping. */
    GatewayResponse answer(int status, String etag, byte[] bytes) {
        JsonNode body = parse(bytes);
        if (status >= 400) {
            if (body == null || !body.isObject()) {
                throw new GatewayProblem(
                        status, GatewayProblem.UNEXPECTED, "The gateway answered " + status + ".", null);
            }
            JsonNode code = body.path("code");
            JsonNode detail = body.path("detail");
            throw new GatewayProblem(
                    status,
                    code.isString() ? code.asString() : null,
                    detail.isString() ? detail.asString() : null,
                    body);
        }
        if (body == null) {
            throw new GatewayProblem(502, GatewayProblem.UNEXPECTED, "The gateway's answer was not JSON.", null);
        }
        return new GatewayResponse(status, unquote(etag), body);
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String value = etag.startsWith("W/") ? etag.substring(2) : etag;
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
