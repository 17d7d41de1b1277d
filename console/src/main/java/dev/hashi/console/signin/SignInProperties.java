package dev.hashi.console.signin;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How people sign in.
 *
 * @param profile {@code dev} offers the role picker backed by the gateway's dev token endpoint ({@code HASHI_PROFILE});
 *                anything else offers only the identity provider
 * @param oidc    the identity provider; sign-in with it is offered when {@code issuer-uri} is set
 */
@ConfigurationProperties("cms.console.sign-in")
public record SignInProperties(String profile, Oidc oidc) {

    public SignInProperties {
        profile = profile == null || profile.isBlank() ? "prod" : profile.trim();
        oidc = oidc == null ? new Oidc(null, null, null, null, null, null, null) : oidc;
    }

    public boolean dev() {
        return "dev".equals(profile);
    }

    /**
     * An OpenID Connect provider (authorization code flow). Its access token is what the console forwards to the
     * gateway, so the gateway must accept it ({@code JWT_ISSUER_URI}, {@code JWT_AUDIENCES}).
     *
     * @param issuerUri        {@code CONSOLE_OIDC_ISSUER_URI}; OpenID discovery from there; empty: no OIDC sign-in
     * @param clientId         {@code CONSOLE_OIDC_CLIENT_ID}; required with an issuer
     * @param clientSecret     {@code CONSOLE_OIDC_CLIENT_SECRET}
     * @param scopes           default {@code openid, profile}
     * @param rolesClaim       the ID token or user-info claim with the roles, shown in the header (the gateway decides
     *                         from the access token); default as the gateway's {@code https://hashi.dev/roles}
     * @param localePairsClaim default {@code https://hashi.dev/locale_pairs}
     * @param redirectUri      where the provider sends the browser back ({@code CONSOLE_OIDC_REDIRECT_URI}); default
     *                         {@code {baseUrl}/login/oauth2/code/hashi}; set it to the gateway's public URL when the
     *                         console's own host name differs from it
     */
    public record Oidc(
            String issuerUri,
            String clientId,
            String clientSecret,
            List<String> scopes,
            String rolesClaim,
            String localePairsClaim,
            String redirectUri) {

        public Oidc {
            redirectUri = redirectUri == null || redirectUri.isBlank()
                    ? "{baseUrl}/login/oauth2/code/{registrationId}"
                    : redirectUri.trim();
            issuerUri = blankToNull(issuerUri);
            clientId = blankToNull(clientId);
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile") : List.copyOf(scopes);
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "https://hashi.dev/roles" : rolesClaim;
            localePairsClaim = localePairsClaim == null || localePairsClaim.isBlank()
                    ? "https://hashi.dev/locale_pairs"
                    : localePairsClaim;
            if (issuerUri != null && clientId == null) {
                throw new IllegalArgumentException(
                        "cms.console.sign-in.oidc.client-id (CONSOLE_OIDC_CLIENT_ID) is required with an issuer");
            }
        }

        public boolean enabled() {
            return issuerUri != null;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
