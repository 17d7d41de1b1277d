package dev.hashi.gateway.problem;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
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
 * <p>Every problem response closes the connection. A request refused before anything read its body (an
 * authentication failure, a wrong method, an open circuit) leaves that body unread on a keep-alive connection; the
 * next request sent on it then waited for the client's own timeout, seen as 10-second hangs in the test suites.
 */
@Component
@Order(-2)
class ProblemResponses implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final List<HttpMessageWriter<?>> writers;
    private final DownstreamProperties downstream;

    ProblemResponses(ServerCodecConfigurer codecs, DownstreamProperties downstream) {
        this.writers = codecs.getWriters();
        this.downstream = downstream;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(error)) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        GatewayProblem problem =
                GatewayProblem.of(error, DownstreamRoutes.serviceOf(exchange), downstream.responseTimeout(), path);
        String requestId = RequestIdFilter.of(exchange);
        log(problem, error, exchange, requestId);
        exchange.getResponse().getHeaders().clearContentHeaders();
        return ServerResponse.status(problem.status())
                .headers(headers -> copy(problem.headers(), headers))
                .header(HttpHeaders.CONNECTION, "close")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(body(problem, path, requestId))
                .flatMap(response -> response.writeTo(exchange, new ServerResponse.Context() {
                    @Override
                    public List<HttpMessageWriter<?>> messageWriters() {
                        return writers;
                    }

                    @Override
                    public List<ViewResolver> viewResolvers() {
                        return List.of();
                    }
                }));
    }

    private static ProblemDetail body(GatewayProblem problem, String path, String requestId) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.detail());
        body.setTitle(problem.title());
        body.setInstance(URI.create(path));
        body.setProperty("code", problem.code());
        if (problem.service() != null) {
            body.setProperty("service", problem.service());
        }
        body.setProperty("requestId", requestId);
        return body;
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
                log.warn("{} -> {} {}: {}", request, problem.status().value(), problem.code(), error.toString());
            } else if (error instanceof EdgeRejection) {
                log.info("{} refused: {} {}", request, problem.status().value(), problem.code());
            } else {
                log.debug("{} -> {} {}: {}", request, problem.status().value(), problem.code(), error.toString());
            }
        }
    }
}
