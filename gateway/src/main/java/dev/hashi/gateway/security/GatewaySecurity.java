package dev.hashi.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authorization.AuthenticatedReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.DelegatingReactiveAuthorizationManager;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcherEntry;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;

import dev.hashi.gateway.problem.EdgeRejection;
import dev.hashi.gateway.problem.ProblemResponses;
import dev.hashi.gateway.tokens.ApiTokens;
import dev.hashi.identity.IdentityHeaders;

import reactor.core.publisher.Mono;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

/**
 * Who may pass the gateway. The gateway authenticates (JWT bearer tokens of the configured identity provider, or
 * API tokens) and applies coarse rules per endpoint class; each service enforces the fine rules (locale pairs,
 * draft visibility) from the identity the gateway forwards. The full matrix is in {@code docs/security.md}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class GatewaySecurity {

    private static final String DELIVERY = "/api/delivery/";
    private static final ServerHttpHeadersWriter NO_STORE = new CacheControlServerHttpHeadersWriter();
    private static final ReactiveAuthorizationManager<AuthorizationContext> PERMIT =
            (authentication, context) -> Mono.just(new AuthorizationDecision(true));

    /**
     * No observations of the security filter chain, authentications and authorizations: nothing consumes them, and
     * wrapping every filter of every request in an observation was a tenth of the gateway's CPU.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    GatewaySecret gatewaySecret(SecurityProperties properties) {
        return GatewaySecret.from(properties);
    }

    @Bean
    IdentityHeaders identityHeaders(GatewaySecret secret) {
        return new IdentityHeaders(secret.value(), Duration.ofSeconds(60));
    }

    @Bean
    SecurityWebFilterChain gatewayFilterChain(
            ServerHttpSecurity http,
            SecurityProperties properties,
            GatewaySecret secret,
            ApiTokens tokens,
            ProblemResponses problems) {
        BearerAuthentication bearer =
                new BearerAuthentication(JwtIdentities.decoder(properties, secret.value()), properties.jwt(), tokens);
        ServerBearerTokenAuthenticationConverter converter = new ServerBearerTokenAuthenticationConverter();
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> cors.configurationSource(cors(properties.cors())))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .cache(cache -> cache.disable())
                        .writer(GatewaySecurity::noStoreOutsideDelivery))
                .addFilterAt(
                        new InPlaceAuthorization(
                                rules(),
                                problems,
                                exchange -> unauthorized(exchange, null),
                                GatewaySecurity::forbidden),
                        SecurityWebFiltersOrder.AUTHORIZATION)
                .oauth2ResourceServer(server -> server.bearerTokenConverter(converter)
                        .authenticationManagerResolver(exchange -> Mono.just(bearer))
                        .authenticationEntryPoint(
                                (exchange, failure) -> problems.refuse(exchange, unauthorized(exchange, failure)))
                        .accessDeniedHandler((exchange, denied) -> problems.refuse(exchange, forbidden())))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                (exchange, failure) -> problems.refuse(exchange, unauthorized(exchange, failure)))
                        .accessDeniedHandler((exchange, denied) -> problems.refuse(exchange, forbidden())))
                .build();
    }

    /**
     * Spring Security's {@code Cache-Control: no-cache, no-store, max-age=0, must-revalidate} (with {@code Pragma} and
     * {@code Expires}) on every response that has none of them, except delivery: there content-service decides
     * (public for published content, {@code private, no-store} for previews), and the gateway keeps what it sent.
     */
    private static Mono<Void> noStoreOutsideDelivery(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().startsWith(DELIVERY)
                ? Mono.empty()
                : NO_STORE.writeHttpHeaders(exchange);
    }

    /**
     * Who may do what, first match wins; applied by {@link InPlaceAuthorization} where Spring Security's
     * {@code authorizeExchange} would apply them.
     */
    static ReactiveAuthorizationManager<ServerWebExchange> rules() {
        return DelegatingReactiveAuthorizationManager.builder()
                .add(rule(pathMatchers(HttpMethod.OPTIONS, "/**"), PERMIT))
                .add(rule(pathMatchers("/api/health", "/actuator/health", "/actuator/health/**", "/docs/**"), PERMIT))
                .add(rule(pathMatchers("/api/dev/tokens"), PERMIT))
                .add(rule(
                        pathMatchers("/api/tokens", "/api/tokens/**"),
                        AuthorityReactiveAuthorizationManager.hasRole("ADMIN")))
                .add(rule(pathMatchers(HttpMethod.GET, "/api/**"), PERMIT))
                .add(rule(pathMatchers(HttpMethod.HEAD, "/api/**"), PERMIT))
                .add(rule(pathMatchers("/api/**"), AuthenticatedReactiveAuthorizationManager.authenticated()))
                .add(rule(ServerWebExchangeMatchers.anyExchange(), PERMIT))
                .build();
    }

    private static ServerWebExchangeMatcherEntry<ReactiveAuthorizationManager<AuthorizationContext>> rule(
            ServerWebExchangeMatcher matcher, ReactiveAuthorizationManager<AuthorizationContext> manager) {
        return new ServerWebExchangeMatcherEntry<>(matcher, manager);
    }

    private static EdgeRejection forbidden() {
        return new EdgeRejection(HttpStatus.FORBIDDEN, "auth.forbidden", "Your roles do not allow this request.");
    }

    /**
     * The 401 (or 503 when credentials cannot be checked) for a request the rules refuse; written in place by
     * {@link ProblemResponses#refuse}, so the refusal does not travel back through the filter chain as an error.
     */
    private static EdgeRejection unauthorized(ServerWebExchange exchange, Exception failure) {
        if (failure instanceof AuthenticationServiceException) {
            return new EdgeRejection(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "auth.unavailable",
                            "Credentials cannot be checked right now; retry shortly.")
                    .withHeader("Retry-After", "5");
        }
        boolean presented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        return presented
                ? new EdgeRejection(
                                HttpStatus.UNAUTHORIZED,
                                "auth.invalid-token",
                                "The bearer token is malformed, expired, revoked or not signed by a trusted key.")
                        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                : new EdgeRejection(
                                HttpStatus.UNAUTHORIZED,
                                "auth.required",
                                "This request needs a bearer token (a JWT or an API token).")
                        .withHeader("WWW-Authenticate", "Bearer");
    }

    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return (exchange, rejected) -> Mono.error(new EdgeRejection(
                HttpStatus.BAD_REQUEST,
                "request.rejected",
                "The request path or headers are not acceptable (e.g. '..' segments, encoded slashes or percent "
                        + "signs, or control characters)."));
    }

    private static CorsConfigurationSource cors(SecurityProperties.Cors settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (settings.allowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(settings.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of(
                "Authorization",
                "Content-Type",
                "If-Match",
                "If-None-Match",
                "If-Range",
                "Range",
                "Accept-Language",
                "X-Request-Id"));
        config.setExposedHeaders(List.of(
                "ETag",
                "Location",
                "X-Request-Id",
                "Content-Language",
                "Retry-After",
                "Content-Range",
                "Accept-Ranges"));
        config.setMaxAge(settings.maxAge());
        source.registerCorsConfiguration("/api/**", config);
        return source;
    }
}
