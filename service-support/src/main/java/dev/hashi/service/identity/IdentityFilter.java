package dev.hashi.service.identity;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
 * headers (so no spelling of a path can skip it). A request with identity headers is served only when the signature
 * verifies for this very request (method, raw path, raw query, content type, declared length, request id), its body
 * matches the signed digest, its nonce was not seen before within the skew window, and a service identity calls one
 * of the operations it is allowed; otherwise it is refused with 401 ({@code identity.invalid},
 * {@code identity.replayed}) or 403 ({@code identity.service-not-allowed}). One without identity headers is refused
 * too unless the service runs in dev mode, where it counts as an anonymous reader.
 *
 * <p>A body with a signed digest is read here, whole (the body size limit still applies), and handed on from memory;
 * services take JSON bodies, so nothing reads form parameters from it. A streamed body (no digest: the gateway did not
 * hold it) is covered by its declared {@code Content-Length} only, which the servlet container enforces.
 */
public class IdentityFilter extends OncePerRequestFilter {

    private final IdentityHeaders headers;
    private final boolean requireGateway;
    private final Clock clock;
    private final ReplayGuard replays;
    private final Map<String, Set<String>> serviceAccess;

    public IdentityFilter(IdentityHeaders headers, boolean requireGateway, Clock clock) {
        this(headers, requireGateway, clock, SecuritySettings.DEFAULT_REPLAY_CACHE_SIZE, Map.of());
    }

    /**
     * @param replayCacheSize how many nonces this replica remembers at most (see {@link ReplayGuard})
     * @param serviceAccess   per service name, the operations ({@code "GET /api/content/snapshot"}) its own identity
     *                        may call here; services not listed may call nothing
     */
    public IdentityFilter(
            IdentityHeaders headers,
            boolean requireGateway,
            Clock clock,
            int replayCacheSize,
            Map<String, ? extends Collection<String>> serviceAccess) {
        this.headers = headers;
        this.requireGateway = requireGateway;
        this.clock = clock;
        this.replays = new ReplayGuard(headers.maxSkew().toSeconds(), replayCacheSize);
        Map<String, Set<String>> access = new HashMap<>();
        serviceAccess.forEach((service, operations) -> access.put(service, Set.copyOf(operations)));
        this.serviceAccess = Map.copyOf(access);
    }

    /**
     * Only these paths are served without a verified identity: health probes, service info, metrics and the API
     * documents.
     * Everything else, whatever its spelling, is checked (the path guard has made the raw path canonical).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/actuator/health")
                || path.startsWith("/actuator/health/")
                || path.equals("/actuator/info")
                || path.equals("/actuator/prometheus")
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
        if (presented.isEmpty()) {
            if (requireGateway) {
                refuse(request, response, "identity.missing");
                return;
            }
            Callers.establish(request, Identity.anonymous());
            chain.doFilter(request, response);
            return;
        }
        Instant now = clock.instant();
        Optional<IdentityHeaders.Verified> verified = headers.verify(presented, signed(request), now);
        if (verified.isEmpty()) {
            refuse(request, response, "identity.invalid");
            return;
        }
        HttpServletRequest checked = withCheckedBody(request, verified.get().bodyDigest());
        if (checked == null) {
            refuse(request, response, "identity.invalid");
            return;
        }
        switch (replays.admit(verified.get().nonce(), verified.get().time(), now.getEpochSecond())) {
            case REPLAYED -> {
                refuse(request, response, "identity.replayed");
                return;
            }
            case TOO_OLD -> {
                refuse(request, response, "identity.invalid");
                return;
            }
            case ACCEPTED -> {}
        }
        Identity identity = verified.get().identity();
        if (identity.isService() && !mayCall(identity, request)) {
            FilterProblems.write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    ProblemCodes.AUTH_FORBIDDEN,
                    "A service identity may only call the operations this service allows it.",
                    Map.of("reason", "identity.service-not-allowed"));
            return;
        }
        Callers.establish(checked, identity);
        chain.doFilter(checked, response);
    }

    private static IdentityHeaders.SignedRequest signed(HttpServletRequest request) {
        return new IdentityHeaders.SignedRequest(
                request.getMethod(),
                request.getRequestURI(),
                request.getQueryString(),
                request.getHeader("Content-Type"),
                request.getContentLengthLong(),
                request.getHeader(RequestIdFilter.HEADER));
    }

    /**
     * The request to hand on when its body matches {@code digest}, else {@code null}: without a digest (a streamed
     * body) the request itself; with the empty-body digest the request itself once it proved to have no body; with
     * another digest a request serving the body read and checked here.
     */
    private static HttpServletRequest withCheckedBody(HttpServletRequest request, String digest) throws IOException {
        if (digest == null) {
            return request;
        }
        if (IdentityHeaders.EMPTY_BODY.equals(digest)) {
            if (request.getContentLengthLong() > 0) {
                return null;
            }
            if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
                return request.getInputStream().read() < 0 ? request : null;
            }
            return request;
        }
        byte[] body = request.getInputStream().readAllBytes();
        return IdentityHeaders.digest(body).equals(digest) ? new CheckedBody(request, body) : null;
    }

    private boolean mayCall(Identity service, HttpServletRequest request) {
        Set<String> allowed = serviceAccess.getOrDefault(service.serviceName().orElseThrow(), Set.of());
        return allowed.contains(request.getMethod() + " " + request.getRequestURI());
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        String detail = switch (reason) {
            case "identity.missing" -> "This service only answers requests that come through the gateway.";
            case "identity.replayed" -> "This signed request was already served.";
            default -> "The forwarded identity could not be verified for this request.";
        };
        FilterProblems.write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                ProblemCodes.AUTH_REQUIRED,
                detail,
                Map.of("reason", reason));
    }

    /** A request whose body was read (and checked) by the filter, served again from memory. */
    private static final class CheckedBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private ServletInputStream stream;
        private BufferedReader reader;

        CheckedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (reader != null) {
                throw new IllegalStateException("getReader() was called");
            }
            if (stream == null) {
                stream = new BytesInput(body);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() was called");
            }
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
            }
            return reader;
        }
    }

    private static final class BytesInput extends ServletInputStream {

        private final ByteArrayInputStream in;

        BytesInput(byte[] body) {
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body was already read");
        }
    }
}
