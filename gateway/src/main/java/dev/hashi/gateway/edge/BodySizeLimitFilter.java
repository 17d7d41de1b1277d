package dev.hashi.gateway.edge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hashi.gateway.problem.EdgeRejection;
import dev.hashi.gateway.requestid.RequestIdFilter;

import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body is larger than its route allows, before reading any of it: media uploads
 * ({@code /api/media/**}, {@code cms.gateway.limits.max-media-body-size}, default 512MB) and everything else
 * ({@code cms.gateway.limits.max-body-size}, default 1MB). Bodies without a length are limited by the services,
 * which count what they read.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long maxBody;
    private final long maxMediaBody;

    BodySizeLimitFilter(
            @Value("${cms.gateway.limits.max-body-size:1MB}") DataSize maxBody,
            @Value("${cms.gateway.limits.max-media-body-size:512MB}") DataSize maxMediaBody) {
        this.maxBody = maxBody.toBytes();
        this.maxMediaBody = maxMediaBody.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        long limit = exchange.getRequest().getPath().value().startsWith("/api/media/") ? maxMediaBody : maxBody;
        if (declared > limit) {
            return Mono.error(new EdgeRejection(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "request.too-large",
                    "The request body is larger than " + limit + " bytes."));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 2;
    }
}
