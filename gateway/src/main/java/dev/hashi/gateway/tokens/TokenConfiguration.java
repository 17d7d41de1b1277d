package dev.hashi.gateway.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenSettings.class)
class TokenConfiguration {

    /** Label of the dev-only key derived from the gateway secret. */
    static final String DEV_KEY_LABEL = "api-token-records";

    @Bean
    TokenLog tokenLog(
            TokenSettings settings,
            @Value("${cms.gateway.security.profile:prod}") String profile,
            @Value("${cms.gateway.security.gateway-secret:}") String gatewaySecret) {
        return new TokenLog(settings, signingKey(settings, "dev".equals(profile), gatewaySecret));
    }

    /**
     * The configured key; in dev without one, a key derived from the gateway secret. Not outside dev: the services
     * hold the gateway secret too, and a key they can derive would let a service mint tokens.
     */
    static byte[] signingKey(TokenSettings settings, boolean dev, String gatewaySecret) {
        String configured = settings.signingKey();
        if (configured != null && !configured.isBlank()) {
            byte[] key = configured.getBytes(StandardCharsets.UTF_8);
            if (key.length < 32) {
                throw new IllegalStateException("GATEWAY_TOKEN_SIGNING_KEY must be at least 32 bytes");
            }
            return key;
        }
        if (dev && gatewaySecret != null && !gatewaySecret.isBlank()) {
            return TokenRecordSigner.derive(gatewaySecret, DEV_KEY_LABEL);
        }
        if (dev) {
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            return random;
        }
        throw new IllegalStateException("GATEWAY_TOKEN_SIGNING_KEY (cms.gateway.tokens.signing-key) must be set "
                + "outside the dev profile: API token records are only trusted when signed with it");
    }

    @Bean
    ApiTokens apiTokens(
            TokenLog log, TokenSettings settings, @Value("${cms.http.idempotency-ttl:24h}") Duration idempotencyTtl) {
        return new ApiTokens(log, Clock.systemUTC(), settings.maxLifetime(), idempotencyTtl);
    }

    /** {@code apiTokens} in the readiness group: DOWN until the token view is loaded, and while it is stale. */
    @Bean
    HealthIndicator apiTokensHealthIndicator(TokenLog log) {
        return () -> log.current()
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", "API token view not loaded or stale")
                        .build();
    }
}
