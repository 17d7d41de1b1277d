package dev.hashi.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.hashi.gateway.requestid.RequestIdFilter;
import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;

import reactor.core.publisher.Mono;

/**
 * Sets the verified caller's identity on every request sent to a service, signed for that exact request: method, raw
 * path and raw query as sent to the service, {@code Content-Type}, declared body length, the body digest
 * {@link SignedBodies} computed, the request id, and a new nonce (so a retried read is signed again). Client-sent
 * identity headers never get this far: {@link StripIdentityHeaders} removed them. The gateway only forwards end
 * users: an identity claiming the service role or a {@code service:} subject goes on as the anonymous reader.
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
                .flatMap(identity -> chain.filter(withIdentity(exchange, endUser(identity))));
    }

    /** {@code identity} if it is an end user's; never a service's (no token or JWT may grant that). */
    static Identity endUser(Identity identity) {
        return identity.isService() || identity.subject().startsWith(Identity.SERVICE_PREFIX)
                ? Identity.anonymous()
                : identity;
    }

    private ServerWebExchange withIdentity(ServerWebExchange exchange, Identity identity) {
        ServerHttpRequest request = exchange.getRequest();
        URI target = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        if (target == null) {
            target = request.getURI();
        }
        if (!isAscii(target)) {
            // the routing filter sends the target's ASCII form: sign what the service will see
            target = URI.create(target.toASCIIString());
        }
        HttpHeaders sent = request.getHeaders();
        Map<String, String> signed = headers.sign(
                identity,
                new IdentityHeaders.SignedRequest(
                        request.getMethod().name(),
                        target.getRawPath(),
                        target.getRawQuery(),
                        sent.getFirst(HttpHeaders.CONTENT_TYPE),
                        sent.getContentLength(),
                        RequestIdFilter.of(exchange)),
                SignedBodies.digestOf(exchange),
                clock.instant());
        return exchange.mutate()
                .request(forwarded -> forwarded.headers(h -> signed.forEach(h::set)))
                .build();
    }

    private static boolean isAscii(URI target) {
        String raw = target.getRawPath();
        String query = target.getRawQuery();
        return ascii(raw) && (query == null || ascii(query));
    }

    private static boolean ascii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }
}
