package dev.hashi.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The body limit each request meets, from {@link BodyLimits}: the first route whose pattern matches its path. */
@Component
@EnableConfigurationProperties(BodyLimits.class)
public class RouteLimits {

    /**
     * The limit one request meets.
     *
     * @param maxBytes the largest body accepted, counted as it arrives
     * @param heldUpTo the largest body held and digested; on a streamed route a larger one, or one without a
     *        declared length, is streamed. Equal to {@code maxBytes} unless the route streams
     * @param streamed whether bodies larger than {@code heldUpTo} or without a declared length are streamed
     */
    public record Limit(long maxBytes, long heldUpTo, boolean streamed) {}

    private record Matched(PathPattern pattern, Limit limit) {}

    private final List<Matched> routes;
    private final Limit fallback;

    RouteLimits(BodyLimits limits) {
        long defaultMax = limits.maxBodySize().toBytes();
        this.fallback = new Limit(defaultMax, defaultMax, false);
        this.routes = limits.routes().stream()
                .map(route -> {
                    long max = route.maxBodySize().toBytes();
                    Limit limit = route.streamed()
                            ? new Limit(max, Math.min(max, defaultMax), true)
                            : new Limit(max, max, false);
                    return new Matched(PathPatternParser.defaultInstance.parse(route.path()), limit);
                })
                .toList();
    }

    /** The limit of {@code request}'s body. */
    public Limit of(ServerHttpRequest request) {
        for (Matched route : routes) {
            if (route.pattern().matches(request.getPath().pathWithinApplication())) {
                return route.limit();
            }
        }
        return fallback;
    }
}
