package dev.hashi.service.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.web.Callers;
import dev.hashi.service.web.FilterProblems;
import dev.hashi.service.web.RequestIdFilter;

/**
 * Establishes the caller of every request except health probes and API documents from the gateway's signed identity
 * headers (so no spelling of a path can skip it). A request
 * with identity headers that do not verify is refused with 401; one without them is refused too unless the service
 * runs in dev mode, where it counts as an anonymous reader.
 */
public class IdentityFilter extends OncePerRequestFilter {

    private final IdentityHeaders headers;
    private final boolean requireGateway;
    private final Clock clock;

    public IdentityFilter(IdentityHeaders headers, boolean requireGateway, Clock clock) {
        this.headers = headers;
        this.requireGateway = requireGateway;
        this.clock = clock;
    }

    /**
     * Only these paths are served without a verified identity: health probes, service info and the API documents.
     * Everything else, whatever its spelling, is checked (the path guard has made the raw path canonical).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/actuator/health")
                || path.startsWith("/actuator/health/")
                || path.equals("/actuator/info")
                || path.equals("/v3/api-docs")
                || path.startsWith("/v3/api-docs/")
                || path.equals("/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String> presented = new HashMap<>();
        for (String name : IdentityHeaders.ALL) {
            String value = request.getHeader(name);
            if (value != null) {
                presented.put(name, value);
            }
        }
        Optional<Identity> identity;
        if (presented.isEmpty()) {
            identity = requireGateway ? Optional.empty() : Optional.of(Identity.anonymous());
        } else {
            identity = headers.verify(
                    presented,
                    request.getMethod(),
                    request.getRequestURI(),
                    request.getHeader(RequestIdFilter.HEADER),
                    clock.instant());
        }
        if (identity.isEmpty()) {
            refuse(request, response, presented.isEmpty() ? "identity.missing" : "identity.invalid");
            return;
        }
        Callers.establish(request, identity.get());
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        String detail = "identity.missing".equals(reason)
                ? "This service only answers requests that come through the gateway."
                : "The forwarded identity could not be verified.";
        FilterProblems.write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                ProblemCodes.AUTH_REQUIRED,
                detail,
                Map.of("reason", reason));
    }
}
