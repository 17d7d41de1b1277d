package dev.hashi.gateway.problem;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

import reactor.core.publisher.Mono;

/**
 * The last handler mapping: a request that no route, controller or actuator endpoint took is answered here with the
 * {@code 404 route.not-found} problem, in place. Without it WebFlux raises the 404 as an error, which then travels back
 * through every filter of the chain before {@link ProblemResponses} writes the very same answer.
 */
@Component
class UnservedRequests implements HandlerMapping, Ordered {

    private final WebHandler notFound;

    UnservedRequests(ProblemResponses problems) {
        this.notFound = problems::notFound;
    }

    @Override
    public Mono<Object> getHandler(ServerWebExchange exchange) {
        return Mono.just(notFound);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
