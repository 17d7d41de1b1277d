package dev.hashi.gateway.problem;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hashi.gateway.requestid.RequestIdFilter;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Notes whether a request's body was read to its end, so a problem response keeps the connection open unless a
 * body was left unread on it (an unread body would otherwise be taken as the start of the next request, which then
 * waits for the client's own timeout). Requests without a body are not touched.
 */
@Component
class RequestBodies implements WebFilter, Ordered {

    private static final String READ = RequestBodies.class.getName() + ".read";

    /** Whether the request declared a body that was not read to its end (so the connection must close). */
    static boolean unreadBodyOn(ServerWebExchange exchange) {
        return hasBody(exchange.getRequest().getHeaders()) && !Boolean.TRUE.equals(exchange.getAttribute(READ));
    }

    private static boolean hasBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!hasBody(request.getHeaders())) {
            return chain.filter(exchange);
        }
        ServerHttpRequest tracked = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody()
                        .doOnComplete(() -> exchange.getAttributes().put(READ, Boolean.TRUE));
            }
        };
        return chain.filter(exchange.mutate().request(tracked).build());
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 3;
    }
}
