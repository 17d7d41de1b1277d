package dev.hashi.devstack.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The public API of a running stack, through its gateway, for the journeys' setup and checks. */
record StackApi(String gateway) {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A dev JWT from the gateway's dev token endpoint. */
    String devToken(String json) throws Exception {
        HttpResponse<String> response = send("POST", "/api/dev/tokens", null, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return KitakyushuPage.JSON.readTree(response.body()).path("token").asString();
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    /** {@code token} and {@code json} may be null; {@code headers} are name, value pairs. */
    HttpResponse<String> send(String method, String path, String token, String json, String... headers)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
