package dev.hashi.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hashi.gateway.problem.EdgeRejection;
import dev.hashi.gateway.requestid.RequestIdFilter;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds every request body to its route's limit ({@link RouteLimits}): a declared length over it is refused before
 * any byte is read; every body, declared or chunked, is counted as its bytes pass (nothing is buffered here), and
 * the byte that passes the limit fails the body with {@code 413 request.too-large}. Whoever is reading the body then
 * (the gateway holding it for its digest, or the routing filter streaming it to a service) stops; the problem
 * response closes the connection, since the rest of the body was never read.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

    private final RouteLimits limits;

    BodySizeLimitFilter(RouteLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long declared = headers.getContentLength();
        if (declared <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        long limit = limits.of(request).maxBytes();
        if (declared > limit) {
            return Mono.error(tooLarge(limit));
        }
        return chain.filter(exchange.mutate().request(counted(request, limit)).build());
    }

    static EdgeRejection tooLarge(long limit) {
        return new EdgeRejection(
                HttpStatus.CONTENT_TOO_LARGE,
                "request.too-large",
                "The request body is larger than " + limit + " bytes.");
    }

    /** {@code request} whose body fails with 413 once more than {@code limit} bytes of it have arrived. */
    private static ServerHttpRequest counted(ServerHttpRequest request, long limit) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    long[] seen = {0};
                    return super.getBody().handle((buffer, sink) -> {
                        seen[0] += buffer.readableByteCount();
                        if (seen[0] > limit) {
                            DataBufferUtils.release(buffer);
                            sink.error(tooLarge(limit));
                        } else {
                            sink.next(buffer);
                        }
                    });
                });
            }
        };
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 2;
    }
}
