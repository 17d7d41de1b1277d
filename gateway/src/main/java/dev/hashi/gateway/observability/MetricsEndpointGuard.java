package dev.hashi.gateway.observability;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hashi.gateway.problem.EdgeRejection;
import dev.hashi.problem.ProblemCodes;

import reactor.core.publisher.Mono;

/**
 * {@code /actuator/prometheus} is for the scraper inside the network, never for the public: a request for it is
 * answered 404 (as for any unknown path) unless it comes straight from a loopback or private address, with no
 * {@code Forwarded} or {@code X-Forwarded-For} header (which any proxy or ingress in front of the gateway adds).
 */
@Component
class MetricsEndpointGuard implements WebFilter, Ordered {

    static final String PATH = "/actuator/prometheus";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getPath().value().startsWith(PATH) || internal(request)) {
            return chain.filter(exchange);
        }
        return Mono.error(new EdgeRejection(
                HttpStatus.NOT_FOUND,
                ProblemCodes.ROUTE_NOT_FOUND,
                "No route matches " + request.getPath().value() + "."));
    }

    static boolean internal(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        if (headers.containsHeader("Forwarded") || headers.containsHeader("X-Forwarded-For")) {
            return false;
        }
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        return address != null
                && (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress());
    }
}
