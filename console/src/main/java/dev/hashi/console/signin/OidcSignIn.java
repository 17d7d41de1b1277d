package dev.hashi.console.signin;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After the identity provider's sign-in: keeps the provider's access token (the one the gateway validates) and the
 * roles and locale pairs from the user's claims in the session as the {@link ConsoleUser}.
 */
final class OidcSignIn implements AuthenticationSuccessHandler {

    private final SignInProperties.Oidc settings;
    private final OAuth2AuthorizedClientRepository clients;

    OidcSignIn(SignInProperties.Oidc settings, OAuth2AuthorizedClientRepository clients) {
        this.settings = settings;
        this.clients = clients;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        OAuth2AuthorizedClient client =
                clients.loadAuthorizedClient(token.getAuthorizedClientRegistrationId(), authentication, request);
        OAuth2User user = token.getPrincipal();
        SessionUsers.keep(
                request,
                new ConsoleUser(
                        user.getName(),
                        strings(user.getAttribute(settings.rolesClaim())),
                        strings(user.getAttribute(settings.localePairsClaim())),
                        client.getAccessToken().getTokenValue(),
                        client.getAccessToken().getExpiresAt()));
        response.sendRedirect(request.getContextPath() + ConsoleSecurity.returnTo(request));
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim instanceof String value ? List.of(value) : List.of();
    }
}
