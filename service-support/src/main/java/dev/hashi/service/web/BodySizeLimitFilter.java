package dev.hashi.service.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.hashi.problem.ProblemCodes;

/**
 * Refuses request bodies larger than a limit before they are read whole: a declared {@code Content-Length} over
 * the limit is answered 413 at once, and a chunked body is cut off with 413 as soon as it passes the limit. The
 * limit is {@code maxBytes} unless one of the {@link PathLimit}s names the request's path (the first that matches
 * wins): binary uploads that are streamed, never held whole, take a larger one there. The body is only counted on
 * its way through, never buffered.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long maxBytes;
    private final List<PathLimit> pathLimits;

    public BodySizeLimitFilter(long maxBytes) {
        this(maxBytes, List.of());
    }

    /**
     * @param maxBytes   the limit of every path no {@code pathLimits} entry names
     * @param pathLimits limits by Ant-style path pattern ({@code /api/media/**}), first match wins
     */
    public BodySizeLimitFilter(long maxBytes, List<PathLimit> pathLimits) {
        this.maxBytes = maxBytes;
        this.pathLimits = List.copyOf(pathLimits);
    }

    /**
     * A body limit for the paths {@code pattern} matches.
     *
     * @param pattern  Ant-style pattern over the request path
     * @param maxBytes the limit there, in bytes
     */
    public record PathLimit(String pattern, long maxBytes) {}

    /** The limit of a request to {@code path}. */
    long limitFor(String path) {
        for (PathLimit limit : pathLimits) {
            if (PATHS.match(limit.pattern(), path)) {
                return limit.maxBytes();
            }
        }
        return maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limitFor(request.getRequestURI());
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response, maxBytes);
            return;
        }
        try {
            chain.doFilter(new Limited(request, maxBytes), response);
        } catch (BodyTooLargeException | ServletException e) {
            if (!(e instanceof BodyTooLargeException) && !hasTooLargeCause(e)) {
                throw e;
            }
            if (!response.isCommitted()) {
                response.reset();
                refuse(request, response, maxBytes);
            }
        }
    }

    /** Whether {@code e} or one of its causes is a {@link BodyTooLargeException}. */
    public static boolean hasTooLargeCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long maxBytes)
            throws IOException {
        // the rest of the body is left unread: the connection cannot be reused
        response.setHeader("Connection", "close");
        FilterProblems.write(
                request,
                response,
                HttpStatus.CONTENT_TOO_LARGE,
                ProblemCodes.TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes.",
                Map.of("limit", maxBytes));
    }

    /**
     * Thrown while reading a body that passes the limit. Code that streams a body itself (a binary upload) sees it
     * among the causes of its read failure and answers 413 too.
     */
    public static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super("request body exceeds " + limit + " bytes");
            this.limit = limit;
        }

        /** The limit passed, in bytes. */
        public long limit() {
            return limit;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
