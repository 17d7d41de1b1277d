package dev.hashi.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import dev.hashi.gateway.TestEdge;
import dev.hashi.identity.Identity;
import dev.hashi.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JWTs of an identity provider with a JWK set: issuer, audience and expiry are required; roles come from one claim. */
class JwtValidationTest {

    static final String ISSUER = "https://idp.example";
    static RSAKey key;
    static HttpServer jwks;
    static SecurityProperties properties;
    static ReactiveJwtDecoder decoder;

    @BeforeAll
    static void identityProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        properties = new SecurityProperties(
                "prod",
                TestEdge.SECRET,
                new SecurityProperties.Jwt(
                        null,
                        "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks",
                        ISSUER,
                        List.of("hashi"),
                        SecurityProperties.ROLES_CLAIM,
                        SecurityProperties.LOCALE_PAIRS_CLAIM,
                        Duration.ofHours(12)),
                new SecurityProperties.Cors(List.of(), Duration.ofMinutes(30)));
        decoder = JwtIdentities.decoder(properties, TestEdge.SECRET);
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    @Test
    void aTokenWithIssuerAudienceAndExpiryIsAccepted() {
        Identity identity = identify(token(claims -> {}));
        assertThat(identity.subject()).isEqualTo("alice");
        assertThat(identity.roles()).containsExactly(Role.EDITOR);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertThatThrownBy(() -> decode(token(claims -> claims.issuer("https://other.example"))))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> decode(token(claims -> claims.issuer(null)))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThatThrownBy(() -> decode(token(claims -> claims.audience("another-api"))))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> decode(token(claims -> claims.audience((String) null))))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertThatThrownBy(() -> decode(token(claims -> claims.expirationTime(null))))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aDevTokenWithoutExpiryIsRefused() {
        ReactiveJwtDecoder dev = JwtIdentities.decoder(
                new SecurityProperties("dev", TestEdge.SECRET, properties.jwt().withoutProvider(), properties.cors()),
                TestEdge.SECRET);
        String unbounded = DevJwts.withoutExpiry("ed", "editor");
        assertThatThrownBy(() -> dev.decode(unbounded).block()).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aGenericRolesClaimGrantsNothing() {
        Identity identity = identify(token(
                claims -> claims.claim(SecurityProperties.ROLES_CLAIM, null).claim("roles", List.of("admin"))));
        assertThat(identity.roles()).containsExactly(Role.READER);
    }

    @Test
    void aJwtSubjectCannotBeAnApiTokensSubject() {
        Jwt jwt = decode(token(claims -> claims.subject("token:3f2c1a")));
        assertThatThrownBy(() -> JwtIdentities.identity(jwt, properties.jwt())).isInstanceOf(RuntimeException.class);
    }

    private static Identity identify(String token) {
        return JwtIdentities.identity(decode(token), properties.jwt());
    }

    private static Jwt decode(String token) {
        return decoder.decode(token).block();
    }

    private static String token(Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("alice")
                .issuer(ISSUER)
                .audience("hashi")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim(SecurityProperties.ROLES_CLAIM, List.of("editor"));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        return jwt.serialize();
    }
}
