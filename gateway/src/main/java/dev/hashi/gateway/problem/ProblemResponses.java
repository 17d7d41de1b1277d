package dev.hashi.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;

import dev.hashi.gateway.requestid.RequestIdFilter;
import dev.hashi.gateway.routing.DownstreamProperties;
import dev.hashi.gateway.routing.DownstreamRoutes;

import reactor.core.publisher.Mono;

/**
 * Answers every failure that reaches the gateway's error handling (no route, wrong method, downstream refused or
 * too slow, gateway bug) with {@code application/problem+json}: {@code title}, {@code status}, {@code detail},
 * {@code instance} (the path), a stable {@code code}, the {@code requestId} and, for downstream failures, the
 * {@code service}. Replaces Boot's default handler, so there is never an HTML error page.
 *
 * <p>A problem response closes the connection only when the request's body was left unread on it: a request refused
 * before anything read its body (an authentication failure, a wrong method, an open circuit) leaves that body on the
 * keep-alive connection, and the next request sent on it then waited for the client's own timeout, seen as
 * 10-second hangs in the test suites. Every other problem (a 404, a 401 on a read, a downstream failure after the
 * body was sent) keeps the connection, so refusals do not cost the caller a new TCP connection each. The body is
 * rendered by {@link ProblemJson}, not through the message writers.
 */
@Component
@Order(-2)
public class ProblemResponses implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final DownstreamProperties downstream;

    ProblemResponses(DownstreamProperties downstream) {
        this.downstream = downstream;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(error)) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        return write(
                exchange,
                GatewayProblem.of(error, DownstreamRoutes.serviceOf(exchange), downstream.responseTimeout(), path),
                error);
    }

    /**
     * Answers a refusal in place, as {@link #handle} would answer it as an error: the same document, headers and log
     * line, but the request completes normally. A refusal raised as an error travels back through every
     * {@code WebFilter} of the chain, each of which WebFlux wraps in a checkpoint that records itself on the failure;
     * that walk was most of the cost of a 401 or 404 the gateway answers itself.
     */
    public Mono<Void> refuse(ServerWebExchange exchange, EdgeRejection rejection) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(rejection);
        }
        return write(exchange, GatewayProblem.of(rejection, null, downstream.responseTimeout(), null), rejection);
    }

    /** The {@code 404} for a request no route, controller or endpoint serves, answered in place (see {@link #refuse}). */
    Mono<Void> notFound(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return write(exchange, GatewayProblem.notFound(path), null);
    }

    private Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem, Throwable error) {
        String path = exchange.getRequest().getPath().value();
        String requestId = RequestIdFilter.of(exchange);
        log(problem, error, exchange, requestId);
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        headers.clearContentHeaders();
        copy(problem.headers(), headers);
        if (RequestBodies.unreadBodyOn(exchange)) {
            headers.set(HttpHeaders.CONNECTION, "close");
        }
        byte[] body = ProblemJson.render(problem, path, requestId);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        response.setStatusCode(problem.status());
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private static void copy(HttpHeaders from, HttpHeaders to) {
        from.forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                to.put(name, values);
            }
        });
    }

    private static void log(GatewayProblem problem, Throwable error, ServerWebExchange exchange, String requestId) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.LOG_KEY, requestId)) {
            String request = exchange.getRequest().getMethod() + " "
                    + exchange.getRequest().getPath().value();
            if (problem.unexpected()) {
                log.error("{} failed", request, error);
            } else if (problem.service() != null) {
                log.warn("{} -> {} {}: {}", request, problem.status().value(), problem.code(), String.valueOf(error));
            } else if (error instanceof EdgeRejection) {
                log.info("{} refused: {} {}", request, problem.status().value(), problem.code());
            } else if (log.isDebugEnabled()) {
                log.debug("{} -> {} {}: {}", request, problem.status().value(), problem.code(), String.valueOf(error));
            }
        }
    }
}
