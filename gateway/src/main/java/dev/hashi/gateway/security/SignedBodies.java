package dev.hashi.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hashi.gateway.edge.RouteLimits;
import dev.hashi.gateway.problem.EdgeRejection;
import dev.hashi.identity.IdentityHeaders;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decides which request bodies the forwarded identity's signature covers by digest, and holds those bodies so they
 * can be digested before the request goes on. Each body is held up to its route's limit ({@link RouteLimits}: 1MB by
 * default, 8MB for XLIFF imports), read whole, digested with SHA-256 and forwarded from memory with its exact length
 * ({@code Content-Length} set, {@code Transfer-Encoding} removed). Only on a streamed route (media uploads) is a body
 * larger than the default limit, or without a declared length, streamed instead: only its declared length is signed
 * ({@link #STREAMED}). Runs after authentication and rate limits, so only admitted requests are held; a body past
 * its limit is refused with 413 ({@code BodySizeLimitFilter} counts the bytes). A request without a body gets
 * {@link IdentityHeaders#EMPTY_BODY} without being touched.
 */
@Component
class SignedBodies implements WebFilter, Ordered {

    /** The exchange attribute holding the digest to sign: {@code sha-256=:…:}, or {@link #STREAMED}. */
    private static final String DIGEST = SignedBodies.class.getName() + ".digest";
    /** The digest value for a streamed body, whose content the signature does not cover. */
    private static final String STREAMED = "streamed";

    private final RouteLimits limits;

    SignedBodies(RouteLimits limits) {
        this.limits = limits;
    }

    /**
     * The body digest to sign for the exchange's request: the one this filter computed, {@code null} for a streamed
     * body, {@link IdentityHeaders#EMPTY_BODY} for a request without a body.
     */
    static String digestOf(ServerWebExchange exchange) {
        String digest = exchange.getAttribute(DIGEST);
        if (digest == null) {
            return hasBody(exchange.getRequest().getHeaders()) ? null : IdentityHeaders.EMPTY_BODY;
        }
        return STREAMED.equals(digest) ? null : digest;
    }

    private static boolean hasBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        if (!hasBody(headers)) {
            return chain.filter(exchange);
        }
        long declared = headers.getContentLength();
        RouteLimits.Limit limit = limits.of(request);
        if (limit.streamed() && (declared < 0 || declared > limit.heldUpTo())) {
            exchange.getAttributes().put(DIGEST, STREAMED);
            return chain.filter(exchange);
        }
        int held = Math.toIntExact(limit.heldUpTo());
        return DataBufferUtils.join(request.getBody(), held)
                .map(SignedBodies::bytes)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> new EdgeRejection(
                                HttpStatus.CONTENT_TOO_LARGE,
                                "request.too-large",
                                "The request body is larger than " + held + " bytes."))
                .flatMap(body -> {
                    exchange.getAttributes().put(DIGEST, IdentityHeaders.digest(body));
                    return chain.filter(exchange.mutate()
                            .request(held(request, body, exchange.getResponse().bufferFactory()))
                            .build());
                });
    }

    private static byte[] bytes(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    /** The request with {@code body} as its body, declared by its exact length; it can be read more than once. */
    private static ServerHttpRequest held(ServerHttpRequest request, byte[] body, DataBufferFactory buffers) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body.length);
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> body.length == 0 ? Flux.empty() : Flux.just(buffers.wrap(body)));
            }
        };
    }

    @Override
    public int getOrder() {
        return SecurityWebFiltersOrder.AUTHORIZATION.getOrder() + 2;
    }
}
