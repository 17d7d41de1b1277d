package dev.hashi.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.context.ContextRegistry;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives every request, routed or answered by the gateway itself, a request id: the caller's {@value #HEADER} when
 * it is a safe token (1 to 64 of {@code A-Z a-z 0-9 . _ -}), otherwise a new UUID. The id replaces the header sent
 * downstream, is set on the response (replacing any a downstream sent) and is the {@value #LOG_KEY} entry of the
 * logging MDC for log lines written while the request is handled. It runs first, so filters added later (security,
 * rate limits) already see the id.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String LOG_KEY = "requestId";
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        LOG_KEY, () -> MDC.get(LOG_KEY), id -> MDC.put(LOG_KEY, id), () -> MDC.remove(LOG_KEY));
    }

    /** The id of the exchange's request, or {@code null} before this filter ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    static String accept(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = accept(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(HEADER, id))
                .build();
        return chain.filter(exchange.mutate().request(request).build()).contextWrite(Context.of(LOG_KEY, id));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
