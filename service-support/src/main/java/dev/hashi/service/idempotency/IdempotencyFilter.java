package dev.hashi.service.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dev.hashi.digest.Sha256;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.web.Callers;
import dev.hashi.service.web.FilterProblems;

/**
 * {@code Idempotency-Key} on every {@code POST} (every create) of the API: the same caller sending the same key
 * with the same request gets the first response again ({@code Idempotent-Replayed: true}) and nothing runs twice;
 * the same key with a different request is refused with 409 {@code idempotency.key-reused}; while the first is
 * still running, 409 {@code idempotency.in-progress}. Only successful (2xx) responses are kept; a failed request
 * releases its key so the client can retry. Keys are scoped per caller. JSON bodies only: binary uploads are
 * deduplicated by the SHA-256 of their bytes instead.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,255}");
    /** Response headers replayed with the body. */
    private static final List<String> KEPT_HEADERS =
            List.of("Content-Type", "Location", "ETag", "Content-Location", "Last-Modified");

    private final IdempotencyKeys keys;

    public IdempotencyFilter(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/")
                || !isJsonOrEmpty(request.getContentType());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!SAFE_KEY.matcher(key).matches()) {
            FilterProblems.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    ProblemCodes.REQUEST_INVALID,
                    "Idempotency-Key must be 1 to 255 characters of letters, digits and . _ : -",
                    Map.of(
                            "errors",
                            List.of(Map.of(
                                    "field",
                                    HEADER,
                                    "code",
                                    ProblemCodes.FIELD_FORMAT,
                                    "message",
                                    "Not a valid key."))));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String subject = Callers.of(request).subject();
        String id = Sha256.hex(subject + "\n" + key);
        String fingerprint = fingerprint(request, body);
        IdempotencyKeys.Claim claim = keys.claim(id, fingerprint);
        if (claim instanceof IdempotencyKeys.Reused) {
            FilterProblems.write(
                    request,
                    response,
                    HttpStatus.CONFLICT,
                    ProblemCodes.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request.",
                    Map.of("key", key));
            return;
        }
        if (claim instanceof IdempotencyKeys.InProgress) {
            response.setHeader("Retry-After", "1");
            FilterProblems.write(
                    request,
                    response,
                    HttpStatus.CONFLICT,
                    ProblemCodes.IDEMPOTENCY_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed; retry shortly.",
                    Map.of("key", key));
            return;
        }
        if (claim instanceof IdempotencyKeys.Completed done) {
            response.setStatus(done.status());
            done.headers().forEach(response::setHeader);
            response.setHeader(REPLAYED, "true");
            response.getOutputStream().write(done.body());
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new ReplayableBody(request, body), recorded);
            int status = recorded.getStatus();
            if (status >= 200 && status < 300) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : KEPT_HEADERS) {
                    String value = recorded.getHeader(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                if (recorded.getContentType() != null) {
                    headers.put("Content-Type", recorded.getContentType());
                }
                keys.complete(id, status, headers, recorded.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                keys.release(id);
            }
            recorded.copyBodyToResponse();
        }
    }

    /** JSON creates are fingerprinted whole; binary uploads are deduplicated by their SHA-256 instead. */
    private static boolean isJsonOrEmpty(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/json") || type.contains("+json");
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        MessageDigest digest = Sha256.newDigest();
        String head = request.getMethod() + " " + request.getRequestURI() + "?"
                + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n"
                + (request.getContentType() == null ? "" : request.getContentType()) + "\n";
        digest.update(head.getBytes(StandardCharsets.UTF_8));
        digest.update(body);
        return Sha256.hex(digest);
    }

    /** The request with its body, already read for the fingerprint, readable once more. */
    private static final class ReplayableBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayableBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
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
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
