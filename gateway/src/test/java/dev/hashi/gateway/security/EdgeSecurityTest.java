package dev.hashi.gateway.security;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.hashi.gateway.GatewayWithStubServices;
import dev.hashi.gateway.StubService.Seen;
import dev.hashi.gateway.TestEdge;
import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;
import dev.hashi.identity.LocalePair;
import dev.hashi.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** Authentication, forwarded identity and hostile input at the gateway, against stub services. */
class EdgeSecurityTest extends GatewayWithStubServices {

    private final IdentityHeaders verifier = new IdentityHeaders(TestEdge.SECRET, Duration.ofSeconds(60));

    @Test
    void spoofedIdentityHeadersNeverReachAService() throws Exception {
        client.get()
                .uri("/api/content/entries")
                .header("X-Hashi-Subject", "admin")
                .header("X-Hashi-Roles", "admin")
                .header("x-hashi-identity-signature", "forged")
                .header("X-HASHI-Locale-Pairs", "*:*")
                .exchange()
                .expectStatus()
                .isOk();

        Seen seen = content.nextRequest();
        assertThat(forwarded(seen)).contains(Identity.anonymous());
        assertThat(seen.header("X-Hashi-Subject")).isEqualTo("anonymous");
    }

    @Test
    void authenticatedCallerReachesTheServiceAsASignedIdentityBoundToTheRequest() throws Exception {
        client.post()
                .uri("/api/translations/units/u-1/submit?x=1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DevJwts.translator("yuki", "ja:en"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"Minamata\"}")
                .exchange()
                .expectStatus()
                .isOk();

        Seen seen = translation.nextRequest();
        assertThat(forwarded(seen))
                .contains(new Identity("yuki", Set.of(Role.TRANSLATOR), Set.of(LocalePair.parse("ja:en"))));
        Map<String, String> replayed = identityHeaders(seen);
        IdentityHeaders.SignedRequest asSent = signedRequest(seen);
        for (IdentityHeaders.SignedRequest other : List.of(
                new IdentityHeaders.SignedRequest(
                        "POST",
                        "/api/translations/units/u-2/submit",
                        asSent.rawQuery(),
                        asSent.contentType(),
                        asSent.bodyLength(),
                        asSent.requestId()),
                new IdentityHeaders.SignedRequest(
                        "POST", asSent.rawPath(), "x=2", asSent.contentType(), asSent.bodyLength(), asSent.requestId()),
                new IdentityHeaders.SignedRequest(
                        "POST", asSent.rawPath(), asSent.rawQuery(), asSent.contentType(), 99, asSent.requestId()))) {
            assertThat(verifier.verify(replayed, other, Instant.now()))
                    .as("signature bound to path, query and length: " + other)
                    .isEmpty();
        }
    }

    @Test
    void everyForwardedRequestCarriesItsOwnNonceAndADigestOfItsBody() throws Exception {
        for (int i = 0; i < 2; i++) {
            client.post()
                    .uri("/api/translations/units/u-1/submit?x=1")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + DevJwts.translator("yuki", "ja:en"))
                    .header("X-Request-Id", "same-id")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"text\":\"Minamata\"}")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        Seen first = translation.nextRequest();
        Seen second = translation.nextRequest();
        assertThat(first.header("X-Hashi-Identity-Nonce")).matches("[A-Za-z0-9_-]{22}");
        assertThat(second.header("X-Hashi-Identity-Nonce")).isNotEqualTo(first.header("X-Hashi-Identity-Nonce"));
        String digest = "sha-256=:"
                + java.util.Base64.getEncoder()
                        .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(first.body()))
                + ":";
        assertThat(first.header("X-Hashi-Body-Digest")).isEqualTo(digest);
    }

    @Test
    void theServiceRoleIsNeverForwardedForAnEndUser() throws Exception {
        client.get()
                .uri("/api/content/entries")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DevJwts.token("mallory", "service", "editor"))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(forwarded(content.nextRequest()))
                .as("a role claim 'service' is an unknown role name")
                .contains(new Identity("mallory", Set.of(Role.EDITOR), Set.of()));

        client.get()
                .uri("/api/content/snapshot")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DevJwts.token("service:translation", "admin"))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(forwarded(content.nextRequest()))
                .as("a user named like a service goes on as the anonymous reader")
                .contains(Identity.anonymous());
    }

    @Test
    void aChunkedBodyIsHeldDigestedAndForwardedWithItsLength() throws Exception {
        byte[] body = "{\"text\":\"水俣\"}".getBytes(StandardCharsets.UTF_8);
        client.post()
                .uri("/api/translations/units/u-1/submit")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DevJwts.translator("yuki", "ja:en"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(
                        reactor.core.publisher.Flux.just(
                                new org.springframework.core.io.buffer.DefaultDataBufferFactory().wrap(body)),
                        org.springframework.core.io.buffer.DataBuffer.class)
                .exchange()
                .expectStatus()
                .isOk();
        Seen seen = translation.nextRequest();
        assertThat(seen.body()).isEqualTo(body);
        assertThat(seen.header("Content-Length")).isEqualTo(String.valueOf(body.length));
        assertThat(forwarded(seen))
                .contains(new Identity("yuki", Set.of(Role.TRANSLATOR), Set.of(LocalePair.parse("ja:en"))));
    }

    @Test
    void anonymousWriteIsRefusedWithAProblemAndNeverForwarded() {
        client.post()
                .uri("/api/content/entries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("auth.required");
        assertThat(content.nextRequestWithin(Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void malformedExpiredForeignAndUnsignedTokensAreRefused() {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"sub\":\"mallory\",\"roles\":[\"admin\"],\"exp\":"
                                + (Instant.now().getEpochSecond() + 3600) + "}")
                        .getBytes(StandardCharsets.UTF_8));
        for (String token : new String[] {
            "not-a-jwt",
            header + "." + payload + ".",
            DevJwts.expired("ed", "editor"),
            DevJwts.wrongKey("mallory", "admin"),
            ApiTokensFixture.unknownApiToken()
        }) {
            client.post()
                    .uri("/api/content/entries")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("auth.invalid-token");
        }
        assertThat(content.nextRequestWithin(Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void aRefusedRequestWithAnUnreadBodyDoesNotStallTheNextRequestOnTheConnection() throws Exception {
        String refused = "POST /api/content/entries HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}";
        String next = "GET /api/delivery/entries/event-page/wpc-2003 HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String responses = raw(refused + next);
        assertThat(responses).startsWith("HTTP/1.1 401");
        assertThat(responses.toLowerCase()).contains("connection: close");
    }

    @Test
    void problemResponsesKeepTheConnectionWhenNoBodyWasLeftUnread() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String notFound = exchange(socket, "GET /api/nothing-here HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(notFound).startsWith("HTTP/1.1 404").contains("route.not-found");
            String refused = exchange(socket, "DELETE /api/content/entries/e-1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(refused).startsWith("HTTP/1.1 401").contains("auth.required");
            String empty = exchange(
                    socket, "POST /api/content/entries HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
            assertThat(empty).startsWith("HTTP/1.1 401");
            String next = exchange(
                    socket, "GET /api/delivery/entries/event-page/wpc-2003 HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(next).startsWith("HTTP/1.1 200");
            assertThat(notFound + refused + empty + next).doesNotContainIgnoringCase("connection: close");
        }
    }

    @Test
    void aProblemAfterTheBodyWasReadKeepsTheConnection() throws Exception {
        content.dropNext(1);
        String write = "POST /api/content/entries HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + DevJwts.token("ed", "editor") + "\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n"
                + "{\"title\":\"x\"}";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String failed = exchange(socket, write);
            assertThat(failed).startsWith("HTTP/1.1 502").contains("downstream.failed");
            assertThat(failed).doesNotContainIgnoringCase("connection: close");
            assertThat(content.nextRequest().body())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("{\"title\":\"x\"}");
            String next = exchange(
                    socket, "GET /api/delivery/entries/event-page/wpc-2003 HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(next).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void pathTricksAreRejectedAtTheEdge() throws Exception {
        for (String target : new String[] {
            "/api/content/../media/assets",
            "/api/content/%2e%2e/media/assets",
            "/api/content/%252e%252e/media/assets",
            "/api/content/a%2fb"
        }) {
            String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response).as(target).startsWith("HTTP/1.1 400");
            assertThat(response).as(target).contains("application/problem+json").contains("request.rejected");
        }
        assertThat(media.nextRequestWithin(Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void oversizedHeadersAndDeclaredBodiesAreRefused() throws Exception {
        String huge = "x".repeat(20_000);
        assertThat(raw("GET /api/content/entries HTTP/1.1\r\nHost: localhost\r\nX-Big: " + huge
                        + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 431");

        String tooLarge =
                raw("POST /api/content/entries HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 2000000\r\nConnection: close\r\n\r\n{}");
        assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("request.too-large");
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        client.get()
                .uri("/api/delivery/entries/event-page/wpc-2003")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader()
                .valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader()
                .exists("X-Frame-Options");
    }

    @Test
    void browsersFromAnAllowedOriginPassThePreflightAndOthersDoNot() {
        client.options()
                .uri("/api/content/entries")
                .header("Origin", "https://www.kitakyushu.example")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", "https://www.kitakyushu.example");
        client.options()
                .uri("/api/content/entries")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "PATCH")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void devTokenEndpointMintsTokensForEachRoleInTheDevProfile() throws Exception {
        String body = client.post()
                .uri("/api/dev/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"hana\",\"roles\":[\"reviewer\"]}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        client.post()
                .uri("/api/translations/units/u-9/approve")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(forwarded(translation.nextRequest()))
                .contains(new Identity("hana", Set.of(Role.REVIEWER), Set.of()));
    }

    /** The identity a service verifies on the request the stub received, body digest included. */
    private Optional<Identity> forwarded(Seen seen) {
        return verifier.verify(identityHeaders(seen), signedRequest(seen), Instant.now())
                .filter(verified -> verified.bodyDigest() == null
                        || verified.bodyDigest().equals(IdentityHeaders.digest(seen.body())))
                .map(IdentityHeaders.Verified::identity);
    }

    /** What of the received request the signature covers, read as a service reads it. */
    private static IdentityHeaders.SignedRequest signedRequest(Seen seen) {
        URI target = URI.create(seen.target());
        String length = seen.header("Content-Length");
        return new IdentityHeaders.SignedRequest(
                seen.method(),
                target.getRawPath(),
                target.getRawQuery(),
                seen.header("Content-Type"),
                length == null ? 0 : Long.parseLong(length),
                seen.header("X-Request-Id"));
    }

    private static Map<String, String> identityHeaders(Seen seen) {
        Map<String, String> headers = new HashMap<>();
        for (String name : IdentityHeaders.ALL) {
            String value = seen.header(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    /** Sends one request on an open connection and reads exactly one response (by its Content-Length). */
    private static String exchange(Socket socket, String request) throws Exception {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length =
                java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int size = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(size), StandardCharsets.UTF_8);
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
