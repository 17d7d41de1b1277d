package dev.hashi.gateway.security;

import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hashi.gateway.requestid.RequestIdFilter;

import reactor.core.publisher.Mono;

/**
 * Removes every {@code X-Hashi-*} header a client sent, before anything else looks at the request, so a spoofed
 * identity can never reach a service. Only {@link ForwardedIdentity} sets these headers.
 */
@Component
class StripIdentityHeaders implements WebFilter, Ordered {

    private static final String PREFIX = "x-hashi-";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> spoofed = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(PREFIX))
                .toList();
        if (spoofed.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest cleaned = exchange.getRequest()
                .mutate()
                .headers(h -> spoofed.forEach(h::remove))
                .build();
        return chain.filter(exchange.mutate().request(cleaned).build());
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 1;
    }
}
