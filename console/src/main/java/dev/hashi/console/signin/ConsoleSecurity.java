package dev.hashi.console.signin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every screen needs a signed-in user; the sign-in page, static files and health do not. The session (cookie
 * {@code hashi_console}, HttpOnly, SameSite=Lax, Secure unless {@code CONSOLE_COOKIE_SECURE=false}) holds the
 * {@link ConsoleUser} with its bearer token. Every form and htmx request carries Spring Security's CSRF token (a hidden
 * field, or the {@code X-CSRF-TOKEN} header htmx sends from the page's {@code hx-headers}); a POST without it is 403.
 * Sign-out ({@code POST /sign-out}) ends the session.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInProperties.class)
class ConsoleSecurity implements WebMvcConfigurer {

    static final String RETURN_TO = ConsoleSecurity.class.getName() + ".returnTo";
    static final String REGISTRATION = "hashi";

    /** Scripts, styles and fonts from the console only; no inline script or style; forms post to the console only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'";

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    SecurityFilterChain consoleFilterChain(
            HttpSecurity http,
            SignInProperties properties,
            OAuth2AuthorizedClientRepository authorizedClients,
            SecurityContextRepository contexts)
            throws Exception {
        http.authorizeHttpRequests(rules -> rules.requestMatchers(
                                "/sign-in",
                                "/sign-in/**",
                                "/ui-language",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.disable())
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(signInFirst()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)))
                .logout(logout -> logout.logoutUrl("/sign-out")
                        .logoutSuccessUrl("/sign-in?signed-out")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies("hashi_console"));
        if (properties.oidc().enabled()) {
            http.oauth2Login(login -> login.loginPage("/sign-in")
                    .clientRegistrationRepository(identityProvider(properties.oidc()))
                    .authorizedClientRepository(authorizedClients)
                    .successHandler(new OidcSignIn(properties.oidc(), authorizedClients)));
        }
        return http.build();
    }

    /** The identity provider, discovered from its issuer when the console starts. */
    private static ClientRegistrationRepository identityProvider(SignInProperties.Oidc oidc) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                .registrationId(REGISTRATION)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope(oidc.scopes())
                .redirectUri(oidc.redirectUri())
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /**
     * Unauthenticated: a page request is sent to the sign-in page (a GET remembered to return to afterwards); an htmx
     * request gets {@code 401} with {@code HX-Redirect}, so the whole page goes there rather than a fragment.
     */
    private static AuthenticationEntryPoint signInFirst() {
        return (request, response, failure) -> {
            if (request.getHeader("HX-Request") != null) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader("HX-Redirect", request.getContextPath() + "/sign-in");
                return;
            }
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession(true)
                        .setAttribute(
                                RETURN_TO,
                                request.getRequestURI()
                                                .substring(
                                                        request.getContextPath().length())
                                        + (query == null ? "" : "?" + query));
            }
            response.sendRedirect(request.getContextPath() + "/sign-in");
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SessionUsers());
    }

    /** The path to go to after signing in: the page asked for, if it is one of the console's, else the start page. */
    static String returnTo(HttpServletRequest request) {
        Object saved = request.getSession(true).getAttribute(RETURN_TO);
        request.getSession().removeAttribute(RETURN_TO);
        if (saved instanceof String path && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")) {
            return path;
        }
        return "/";
    }
}
