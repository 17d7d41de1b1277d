package dev.hashi.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.hashi.gateway.requestid.RequestIdFilter;
import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;

import reactor.core.publisher.Mono;

/**
 * Sets the verified caller's identity on every request sent to a service, signed for that exact request (method,
 * raw path, request id). Client-sent identity headers never get this far: {@link StripIdentityHeaders} removed them.
 */
@Component
class ForwardedIdentity implements GlobalFilter, Ordered {

    private final IdentityHeaders headers;
    private final Clock clock = Clock.systemUTC();

    ForwardedIdentity(IdentityHeaders headers) {
        this.headers = headers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(IdentityAuthentication.class::isInstance)
                .map(authentication -> ((IdentityAuthentication) authentication).identity())
                .defaultIfEmpty(Identity.anonymous())
                .flatMap(identity -> chain.filter(withIdentity(exchange, identity)));
    }

    private ServerWebExchange withIdentity(ServerWebExchange exchange, Identity identity) {
        URI target = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        String rawPath = target != null
                ? target.getRawPath()
                : exchange.getRequest().getURI().getRawPath();
        Map<String, String> signed = headers.sign(
                identity,
                exchange.getRequest().getMethod().name(),
                rawPath,
                RequestIdFilter.of(exchange),
                clock.instant());
        return exchange.mutate()
                .request(request -> request.headers(h -> signed.forEach(h::set)))
                .build();
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }
}
