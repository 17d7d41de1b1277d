package dev.hashi.service.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;
import dev.hashi.identity.Role;
import dev.hashi.service.identity.ServiceIdentity;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity verification, body limits and problem responses of a service outside the dev profile. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = EchoApp.class,
        properties = {
            "cms.service.name=echo",
            "cms.service.api-prefix=/api/echo",
            "cms.http.max-body-size=1KB",
            "cms.security.gateway-secret=" + ServicePlumbingWebTest.SECRET,
            "cms.security.service-access.translation[0]=GET /api/echo/context"
        })
class ServicePlumbingWebTest {

    static final String SECRET = "service-test-secret-at-least-32-bytes-long";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> SharedInfra.mongo().connectionString());
        registry.add(
                "spring.mongodb.database",
                () -> "echo_" + UUID.randomUUID().toString().substring(0, 8));
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfra.kafka().bootstrapServers());
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void callerSignedByTheGatewayReachesTheController() throws Exception {
        Identity editor = new Identity("editor-1", Set.of(Role.EDITOR), Set.of());
        HttpResponse<String> response =
                send(signed("GET", "/api/echo/whoami", editor, "req-1").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"editor-1\"").contains("EDITOR");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("req-1");
    }

    @Test
    void requestsThatBypassTheGatewayOrForgeAnIdentityAreRefused() throws Exception {
        HttpResponse<String> bypass = send(request("/api/echo/whoami").GET().build());
        assertThat(bypass.statusCode()).isEqualTo(401);
        assertThat(bypass.body()).contains("\"code\":\"auth.required\"").contains("identity.missing");

        Identity admin = new Identity("mallory", Set.of(Role.ADMIN), Set.of());
        HttpRequest.Builder forged = signed("GET", "/api/echo/whoami", admin, "req-2");
        forged.setHeader(IdentityHeaders.ROLES, "admin,editor");
        HttpResponse<String> tampered = send(forged.GET().build());
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(tampered.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(tampered.body()).contains("\"code\":\"auth.required\"").contains("identity.invalid");

        HttpResponse<String> replayed = send(signed("GET", "/api/echo/whoami", admin, "req-3")
                .setHeader("X-Request-Id", "req-4")
                .GET()
                .build());
        assertThat(replayed.statusCode()).isEqualTo(401);
    }

    @Test
    void signedHeadersAreGoodForOneRequestOnly() throws Exception {
        Identity editor = new Identity("editor-1", Set.of(Role.EDITOR), Set.of());
        HttpRequest first =
                signed("GET", "/api/echo/whoami", editor, "req-20").GET().build();
        assertThat(send(first).statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = send(first);
        assertThat(replayed.statusCode()).as("the same signed request again").isEqualTo(401);
        assertThat(replayed.body()).contains("\"code\":\"auth.required\"").contains("identity.replayed");
    }

    @Test
    void signedHeadersDoNotCarryOverToAnotherQueryOrBody() throws Exception {
        Identity editor = new Identity("editor-1", Set.of(Role.EDITOR), Set.of());
        HttpRequest.Builder query = request("/api/echo/whoami?as=admin").header("X-Request-Id", "req-21");
        signed("GET", "/api/echo/whoami", editor, "req-21")
                .build()
                .headers()
                .map()
                .forEach((name, values) -> {
                    if (name.startsWith("X-Hashi")) {
                        query.header(name, values.get(0));
                    }
                });
        HttpResponse<String> otherQuery = send(query.GET().build());
        assertThat(otherQuery.statusCode())
                .as("signed without the query, sent with one")
                .isEqualTo(401);

        HttpRequest signedBody = signed("POST", "/api/echo/notes", editor, "req-22", "{\"title\": \"Minamata\"}");
        HttpRequest.Builder otherBody = request("/api/echo/notes")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Kumamoto\"}"));
        signedBody.headers().map().forEach((name, values) -> {
            if (name.startsWith("X-Hashi") || name.equals("X-Request-Id")) {
                otherBody.header(name, values.get(0));
            }
        });
        HttpResponse<String> swapped = send(otherBody.build());
        assertThat(swapped.statusCode())
                .as("signed for one body, sent with another")
                .isEqualTo(401);
        assertThat(swapped.body()).contains("identity.invalid");
    }

    @Test
    void aServiceIdentityMayCallOnlyWhatTheServiceAllowsIt() throws Exception {
        ServiceIdentity translation = ServiceIdentity.of("translation", SECRET);
        URI context = URI.create("http://127.0.0.1:" + port + "/api/echo/context?x=1");
        HttpRequest.Builder allowed = HttpRequest.newBuilder(context).header("X-Request-Id", "req-30");
        translation.sign("GET", context, null, null, "req-30").forEach(allowed::header);
        HttpResponse<String> served = send(allowed.GET().build());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains("\"actor\":\"service:translation\"");

        URI whoami = URI.create("http://127.0.0.1:" + port + "/api/echo/whoami");
        HttpRequest.Builder other = HttpRequest.newBuilder(whoami);
        translation.sign("GET", whoami, null, null, null).forEach(other::header);
        HttpResponse<String> refused = send(other.GET().build());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"auth.forbidden\"").contains("identity.service-not-allowed");

        HttpRequest.Builder media = HttpRequest.newBuilder(context);
        ServiceIdentity.of("media", SECRET)
                .sign("GET", context, null, null, null)
                .forEach(media::header);
        assertThat(send(media.GET().build()).statusCode()).as("another service").isEqualTo(403);
    }

    @Test
    void aBodyAddedToASignedRequestWithoutOneIsRefused() throws Exception {
        Identity editor = new Identity("editor-1", Set.of(Role.EDITOR), Set.of());
        HttpRequest bodiless = signed("POST", "/api/echo/notes", editor, "req-31")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpRequest.Builder withBody = request("/api/echo/notes")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8))));
        bodiless.headers().map().forEach((name, values) -> {
            if (name.startsWith("X-Hashi") || name.equals("X-Request-Id")) {
                withBody.header(name, values.get(0));
            }
        });
        HttpResponse<String> added = send(withBody.build());
        assertThat(added.statusCode()).isEqualTo(401);
        assertThat(added.body()).contains("identity.invalid");
    }

    @Test
    void encodedOrMatrixPathTricksNeverReachAControllerWithoutTheIdentityCheck() throws Exception {
        for (String tricky : List.of(
                "/%61pi/echo/whoami",
                "/api;x/echo/whoami",
                "/api/echo;x/whoami",
                "/API/echo/whoami",
                "/api/echo/%2e%2e/echo/whoami",
                "//api/echo/whoami",
                "/./api/echo/whoami")) {
            HttpResponse<String> forged = send(request(tricky)
                    .header(IdentityHeaders.SUBJECT, "mallory")
                    .header(IdentityHeaders.ROLES, "admin")
                    .GET()
                    .build());
            assertThat(forged.statusCode()).as(tricky).isIn(400, 401, 404);
            assertThat(forged.body()).as(tricky).doesNotContain("mallory").doesNotContain("anonymous");
        }
        Identity editor = new Identity("editor-1", Set.of(Role.EDITOR), Set.of());
        HttpResponse<String> japaneseSlug =
                send(signed("GET", "/api/echo/whoami?slug=%E5%8C%97%E4%B9%9D%E5%B7%9E", editor, "req-10")
                        .GET()
                        .build());
        assertThat(japaneseSlug.statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonAndDomainRefusalsAreProblemsWithCodes() throws Exception {
        Identity editor = new Identity("editor-1", Set.of(Role.EDITOR), Set.of());
        HttpResponse<String> malformed = send(signed("POST", "/api/echo/notes", editor, "req-5", "{\"title\": "));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"code\":\"request.malformed\"").contains("\"requestId\":\"req-5\"");

        HttpResponse<String> refused = send(signed("POST", "/api/echo/notes", editor, "req-6", "{\"title\": \"  \"}"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"code\":\"note.title-required\"").contains("\"field\":\"title\"");
    }

    @Test
    void frameworkErrorsAlsoCarryACodeAndTheRequestId() throws Exception {
        Identity editor = new Identity("editor-1", Set.of(Role.EDITOR), Set.of());
        HttpResponse<String> wrongMethod = send(
                signed("DELETE", "/api/echo/whoami", editor, "req-9").DELETE().build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body())
                .contains("\"code\":\"request.method-not-allowed\"")
                .contains("\"requestId\":\"req-9\"");
    }

    @Test
    void oversizedBodiesAreRefusedWhetherDeclaredOrStreamed() throws Exception {
        Identity editor = new Identity("editor-1", Set.of(Role.EDITOR), Set.of());
        String big = "{\"title\":\"" + "北".repeat(2000) + "\"}";
        HttpResponse<String> declared = send(signed("POST", "/api/echo/notes", editor, "req-7", big));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("request.too-large");

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder chunked = request("/api/echo/notes")
                .header("X-Request-Id", "req-8")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        new IdentityHeaders(SECRET, Duration.ofSeconds(60))
                .sign(
                        editor,
                        new IdentityHeaders.SignedRequest(
                                "POST", "/api/echo/notes", null, "application/json", 0, "req-8"),
                        IdentityHeaders.digest(bytes),
                        Instant.now())
                .forEach(chunked::header);
        HttpResponse<String> streamed = send(chunked.build());
        assertThat(streamed.statusCode()).isEqualTo(413);
    }

    private HttpRequest.Builder signed(String method, String target, Identity identity, String requestId) {
        HttpRequest.Builder builder = request(target).header("X-Request-Id", requestId);
        URI uri = URI.create(target);
        new IdentityHeaders(SECRET, Duration.ofSeconds(60))
                .sign(
                        identity,
                        new IdentityHeaders.SignedRequest(
                                method, uri.getRawPath(), uri.getRawQuery(), null, 0, requestId),
                        IdentityHeaders.EMPTY_BODY,
                        Instant.now())
                .forEach(builder::header);
        return builder;
    }

    /** A request with a JSON body, signed for that body (declared length and digest). */
    private HttpRequest signed(String method, String target, Identity identity, String requestId, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder builder = request(target)
                .header("X-Request-Id", requestId)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        URI uri = URI.create(target);
        new IdentityHeaders(SECRET, Duration.ofSeconds(60))
                .sign(
                        identity,
                        new IdentityHeaders.SignedRequest(
                                method,
                                uri.getRawPath(),
                                uri.getRawQuery(),
                                "application/json",
                                body.length,
                                requestId),
                        IdentityHeaders.digest(body),
                        Instant.now())
                .forEach(builder::header);
        return builder.build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
