package dev.hashi.gateway.security;

import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hashi.gateway.problem.EdgeRejection;
import dev.hashi.gateway.problem.ProblemResponses;

import reactor.core.publisher.Mono;

/**
 * The gateway's authorization step, in the place of Spring Security's {@code AuthorizationWebFilter}: the same rules
 * (one {@link ReactiveAuthorizationManager}, built in {@link GatewaySecurity}) and the same outcome as that filter
 * with the exception translation behind it, a {@code 401} for a caller without credentials and a {@code 403} for
 * one whose roles do not allow the request, but answered in place. Spring's filter raises an
 * {@code AccessDeniedException} (its stack trace filled on a deep reactive stack) that then travels back through
 * the checkpointed filters to be translated; that was most of the cost of a {@code 401}.
 */
final class InPlaceAuthorization implements WebFilter {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

    private final ReactiveAuthorizationManager<ServerWebExchange> rules;
    private final ProblemResponses problems;
    private final Function<ServerWebExchange, EdgeRejection> unauthorized;
    private final Supplier<EdgeRejection> forbidden;

    InPlaceAuthorization(
            ReactiveAuthorizationManager<ServerWebExchange> rules,
            ProblemResponses problems,
            Function<ServerWebExchange, EdgeRejection> unauthorized,
            Supplier<EdgeRejection> forbidden) {
        this.rules = rules;
        this.problems = problems;
        this.unauthorized = unauthorized;
        this.forbidden = forbidden;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<Authentication> authentication = ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .cache();
        return rules.authorize(authentication, exchange)
                .defaultIfEmpty(DENIED)
                .flatMap(result -> result.isGranted()
                        ? chain.filter(exchange)
                        : authentication
                                .filter(caller -> !TRUST.isAnonymous(caller))
                                .map(caller -> forbidden.get())
                                .switchIfEmpty(Mono.fromSupplier(() -> unauthorized.apply(exchange)))
                                .flatMap(rejection -> problems.refuse(exchange, rejection)));
    }
}
