package dev.hashi.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication at the gateway, under {@code cms.gateway.security}.
 *
 * @param profile       {@code dev} enables the dev token endpoint and accepts dev-signed JWTs ({@code HASHI_PROFILE})
 * @param gatewaySecret secret shared with the services for identity signatures; at least 32 bytes
 *                      ({@code HASHI_GATEWAY_SECRET}; required outside dev)
 * @param jwt           where JWTs of a real identity provider are verified
 * @param cors          browser origins allowed to call the API
 */
@ConfigurationProperties("cms.gateway.security")
public record SecurityProperties(
        @DefaultValue("prod") String profile,
        String gatewaySecret,
        @DefaultValue Jwt jwt,
        @DefaultValue Cors cors) {

    /** Default roles claim: namespaced, so a provider's own generic {@code roles} claim grants nothing here. */
    public static final String ROLES_CLAIM = "https://hashi.dev/roles";

    /** Default locale pairs claim, namespaced like the roles claim. */
    public static final String LOCALE_PAIRS_CLAIM = "https://hashi.dev/locale_pairs";

    public boolean dev() {
        return "dev".equals(profile);
    }

    /**
     * @param issuerUri         OpenID issuer; its discovery document gives the JWK set ({@code JWT_ISSUER_URI})
     * @param jwkSetUri         JWK set URL when there is no discovery ({@code JWT_JWK_SET_URI})
     * @param issuer            the {@code iss} every JWT must carry ({@code JWT_ISSUER}); defaults to the issuer URI,
     *                          required with a JWK set URL
     * @param audiences         accepted {@code aud} values; a JWT must name at least one ({@code JWT_AUDIENCES},
     *                          comma-separated; required with an identity provider)
     * @param rolesClaim        claim holding the role names (default {@code https://hashi.dev/roles}, {@code
     *                          JWT_ROLES_CLAIM})
     * @param localePairsClaim  claim holding translators' pairs such as {@code ja:en} (default {@code
     *                          https://hashi.dev/locale_pairs}, {@code JWT_LOCALE_PAIRS_CLAIM})
     * @param devTokenLifetime  lifetime of tokens minted by the dev endpoint (default 12h)
     */
    public record Jwt(
            String issuerUri,
            String jwkSetUri,
            String issuer,
            @DefaultValue List<String> audiences,
            @DefaultValue(ROLES_CLAIM) String rolesClaim,
            @DefaultValue(LOCALE_PAIRS_CLAIM) String localePairsClaim,
            @DefaultValue("12h") Duration devTokenLifetime) {

        /** The same claims without an identity provider (dev tokens only). */
        public Jwt withoutProvider() {
            return new Jwt(null, null, null, audiences, rolesClaim, localePairsClaim, devTokenLifetime);
        }
    }

    /**
     * @param allowedOrigins exact origins, e.g. {@code https://www.example.org} ({@code CORS_ALLOWED_ORIGINS}); empty
     *                       allows no cross-origin browser calls
     * @param maxAge         how long browsers may cache a preflight answer (default 30m)
     */
    public record Cors(
            @DefaultValue List<String> allowedOrigins,
            @DefaultValue("30m") Duration maxAge) {}
}
