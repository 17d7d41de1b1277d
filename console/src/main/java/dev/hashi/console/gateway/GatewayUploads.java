package dev.hashi.console.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Streams a request body of any size on to the gateway as the signed-in user (a media variant upload): the bytes go
 * from the browser's request through a fixed-length body publisher to the gateway without being held whole, so a
 * large file needs no more memory than a small one. The answer is read like {@link GatewayApi}'s.
 *
 * <p>An upload may take much longer than one API call, so its wait is {@link #UPLOAD_TIMEOUT}, not the gateway's
 * timeout (which still bounds connecting).
 */
@Component
public class GatewayUploads {

    /** The longest an upload may take from its first byte to the gateway's answer. */
    public static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);

    private final GatewayApi api;
    private final GatewayProperties properties;
    private final HttpClient http;

    public GatewayUploads(GatewayApi api, GatewayProperties properties) {
        this.api = api;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * {@code PUT}s {@code length} bytes from {@code body} to a path of the public API.
     *
     * @param contentType the declared type of the bytes ({@code application/pdf}, …)
     * @param length      the exact number of bytes (the browser's {@code Content-Length})
     * @throws GatewayProblem for any status of 400 or above, and when the gateway cannot be reached
     */
    public GatewayResponse put(String token, String pathAndQuery, String contentType, long length, InputStream body) {
        if (!pathAndQuery.startsWith("/api/")) {
            throw new IllegalArgumentException("the console calls the public API only, not " + pathAndQuery);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.url() + pathAndQuery))
                .timeout(UPLOAD_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> body), length));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new GatewayProblem(
                    503, GatewayProblem.UNREACHABLE, "The upload to the gateway did not complete.", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayProblem(503, GatewayProblem.UNREACHABLE, "Interrupted while uploading.", null);
        }
        return api.answer(
                response.statusCode(), response.headers().firstValue("ETag").orElse(null), response.body());
    }
}
