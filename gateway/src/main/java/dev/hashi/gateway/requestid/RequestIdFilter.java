package dev.hashi.gateway.requestid;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * Gives every request, routed or answered by the gateway itself, a request id: the caller's {@value #HEADER} when
 * it is a safe token (1 to 64 of {@code A-Z a-z 0-9 . _ -}), otherwise a new random (version 4) UUID. The id
 * replaces the header sent downstream ({@link RequestIdHeader}, only for requests that are routed: the request itself
 * is not copied for it), is set on the response (replacing any a downstream sent) and is the {@value #LOG_KEY} entry
 * of the logging MDC for log lines written while the request is handled. It runs first, so filters added later
 * (security, rate limits) already see the id.
 *
 * <p>The id is put into the MDC at the edges, not carried through every Reactor operator: while the filter chain is
 * subscribed (on the event loop that received the request, which is where routing, security and the gateway's own
 * refusals run), and by the access log and problem handler when they write. Automatic context propagation
 * ({@code spring.reactor.context-propagation: auto}) did the same on every operator of every request and cost a
 * large share of the gateway's CPU.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String LOG_KEY = "requestId";
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The id of the exchange's request, or {@code null} before this filter ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    static String accept(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : newId();
    }

    /**
     * A version 4 UUID from the thread's own generator: a request id must be unique, not unguessable, and
     * {@link UUID#randomUUID()} draws from one shared {@code SecureRandom} for every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = accept(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return new WithRequestIdInMdc(chain.filter(exchange), id);
    }

    /** Subscribes to the filter chain with the request id in the MDC, restoring what was there afterwards. */
    private static final class WithRequestIdInMdc extends Mono<Void> {

        private final Mono<Void> chain;
        private final String id;

        WithRequestIdInMdc(Mono<Void> chain, String id) {
            this.chain = chain;
            this.id = id;
        }

        @Override
        public void subscribe(CoreSubscriber<? super Void> actual) {
            String previous = MDC.get(LOG_KEY);
            MDC.put(LOG_KEY, id);
            try {
                chain.subscribe(actual);
            } finally {
                if (previous == null) {
                    MDC.remove(LOG_KEY);
                } else {
                    MDC.put(LOG_KEY, previous);
                }
            }
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
