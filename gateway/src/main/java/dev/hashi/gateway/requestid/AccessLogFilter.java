package dev.hashi.gateway.requestid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * One INFO line per request on the {@code dev.hashi.gateway.access} logger when the response starts: method, path
 * (never the query), status and the time until the response headers, with the request id in the log context. Turn
 * it off by setting that logger to WARN.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("dev.hashi.gateway.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!log.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        exchange.getResponse().beforeCommit(() -> {
            write(exchange, start);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static void write(ServerWebExchange exchange, long start) {
        ServerHttpRequest request = exchange.getRequest();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        long millis = (System.nanoTime() - start) / 1_000_000;
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.LOG_KEY, RequestIdFilter.of(exchange))) {
            log.info(
                    "{} {} -> {} in {} ms",
                    request.getMethod(),
                    request.getPath().value(),
                    status == null ? 200 : status.value(),
                    millis);
        }
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 1;
    }
}
