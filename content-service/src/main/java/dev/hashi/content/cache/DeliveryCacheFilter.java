package dev.hashi.content.cache;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dev.hashi.content.common.Locales;
import dev.hashi.service.web.Callers;

/**
 * HTTP caching of {@code GET}/{@code HEAD /api/delivery/**} (except the change feed), in front of the controllers and
 * independent of them.
 *
 * <p>Every 200 gets a strong ETag from its body bytes and {@code If-None-Match} is answered 304. Anonymous readers of
 * published content get {@code Cache-Control: public, max-age, stale-while-revalidate} (errors {@code no-store}) and
 * are served from {@link DeliveryResponses} when it holds the request; a miss runs the controller and offers the
 * response for storing. Previews ({@code preview=true}) and identified callers are never served from or stored in the
 * cache and get {@code private, no-store}. Every response gets {@code Vary: Accept-Language}.
 */
final class DeliveryCacheFilter extends OncePerRequestFilter {

    static final String PREFIX = "/api/delivery/";
    static final String CHANGES = "/api/delivery/changes";
    static final String PRIVATE = "private, no-store";
    static final String NO_STORE = "no-store";

    /** Headers a stored response never carries again: they belong to one exchange. */
    private static final Set<String> PER_EXCHANGE =
            Set.of("date", "set-cookie", "content-length", "transfer-encoding", "connection", "keep-alive");

    private static final Set<String> NOT_PREVIEW = Set.of("false", "off", "no", "0");

    private final DeliveryResponses responses;
    private final Locales locales;
    private final String published;
    private final boolean enabled;

    DeliveryCacheFilter(DeliveryResponses responses, Locales locales, DeliveryCacheProperties properties) {
        this.responses = responses;
        this.locales = locales;
        this.published = properties.cacheControl().published();
        this.enabled = properties.cache().enabled();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        String method = request.getMethod();
        return !path.startsWith(PREFIX)
                || path.equals(CHANGES)
                || path.startsWith(CHANGES + "/")
                || !(method.equals("GET") || method.equals("HEAD"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean shared = Callers.of(request).isAnonymous() && !previewAsked(request);
        Optional<CacheKey> key = shared && enabled ? keyOf(request, locales) : Optional.empty();
        if (key.isPresent()) {
            Optional<StoredResponse> hit = responses.get(key.get());
            if (hit.isPresent()) {
                replay(hit.get(), request, response);
                return;
            }
        }
        DeliveryResponses.Ticket ticket = responses.begin();
        Set<String> outer = new HashSet<>();
        response.getHeaderNames().forEach(name -> outer.add(name.toLowerCase(Locale.ROOT)));
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(asGet(request), capture);
        if (response.isCommitted()) {
            capture.copyBodyToResponse();
            return;
        }
        int status = capture.getStatus();
        byte[] body = capture.getContentAsByteArray();
        String etag = status == HttpServletResponse.SC_OK ? Conditional.etag(body) : null;
        if (etag != null) {
            response.setHeader(HttpHeaders.ETAG, etag);
        }
        cacheControl(response, status, shared);
        vary(response);
        if (key.isPresent()
                && status == HttpServletResponse.SC_OK
                && isPublic(response.getHeader(HttpHeaders.CACHE_CONTROL))) {
            Optional<Dependencies> dependencies =
                    Dependencies.parse(joined(response, Dependencies.VERSIONS), joined(response, Dependencies.TYPES));
            if (dependencies.isPresent()) {
                responses.store(
                        key.get(),
                        new StoredResponse(status, headers(response, outer), body, etag, dependencies.get()),
                        ticket);
            }
        }
        if (etag != null && notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setContentType(null);
            return;
        }
        if (isHead(request)) {
            response.setContentLength(body.length);
            return;
        }
        capture.copyBodyToResponse();
    }

    /**
     * The key of {@code request}, empty when it cannot be told without the controller: more than one
     * {@code locale} parameter, or a locale that does not negotiate (the controller answers the problem).
     */
    private static Optional<CacheKey> keyOf(HttpServletRequest request, Locales locales) {
        String[] asked = request.getParameterValues(CacheKey.LOCALE);
        if (asked != null && asked.length > 1) {
            return Optional.empty();
        }
        String param = asked == null ? null : asked[0];
        String locale;
        if (CacheKey.ALL_LOCALES.equals(param)) {
            locale = CacheKey.ALL_LOCALES;
        } else {
            try {
                locale = locales.negotiate(param, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            } catch (RuntimeException refused) {
                return Optional.empty();
            }
        }
        Map<String, List<String>> query = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(CacheKey.LOCALE)) {
                query.put(name, List.of(values));
            }
        });
        return Optional.of(new CacheKey(request.getRequestURI(), query, locale));
    }

    /**
     * Whether {@code ifNoneMatch} (a list of tags, or {@code *}) matches {@code etag} by weak comparison, as a GET or
     * HEAD is answered; {@code false} for an absent or unparseable header.
     */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || etag == null) {
            return false;
        }
        List<ETag> tags = ETag.parse(ifNoneMatch);
        ETag current = ETag.create(etag);
        return tags.stream().anyMatch(tag -> tag.isWildcard() || tag.compare(current, false));
    }

    /** Answers from memory: no controller, no database. */
    private static void replay(StoredResponse stored, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean notModified = notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), stored.etag());
        for (StoredResponse.Header header : stored.headers()) {
            if (header.name().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                if (!notModified) {
                    response.setContentType(header.value());
                }
            } else {
                response.addHeader(header.name(), header.value());
            }
        }
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(stored.status());
        response.setContentLength(stored.body().length);
        if (!isHead(request)) {
            response.getOutputStream().write(stored.body());
        }
    }

    private void cacheControl(HttpServletResponse response, int status, boolean shared) {
        if (!shared) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
        } else if (response.getHeader(HttpHeaders.CACHE_CONTROL) == null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, status < 400 ? published : NO_STORE);
        }
    }

    private static void vary(HttpServletResponse response) {
        for (String value : response.getHeaders(HttpHeaders.VARY)) {
            for (String token : value.split(",")) {
                String name = token.trim();
                if (name.equalsIgnoreCase(HttpHeaders.ACCEPT_LANGUAGE) || name.equals("*")) {
                    return;
                }
            }
        }
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    private static boolean isPublic(String cacheControl) {
        if (cacheControl == null) {
            return false;
        }
        Set<String> directives = new HashSet<>();
        for (String token : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
            directives.add(token.trim().split("=", 2)[0]);
        }
        return directives.contains("public") && !directives.contains("private") && !directives.contains(NO_STORE);
    }

    /** The headers the chain set, in order, with the content type; never those set before it or per exchange. */
    private static List<StoredResponse.Header> headers(HttpServletResponse response, Set<String> outer) {
        List<StoredResponse.Header> headers = new ArrayList<>();
        if (response.getContentType() != null) {
            headers.add(new StoredResponse.Header(HttpHeaders.CONTENT_TYPE, response.getContentType()));
        }
        for (String name : new LinkedHashSet<>(response.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (outer.contains(lower) || PER_EXCHANGE.contains(lower) || lower.equals("content-type")) {
                continue;
            }
            response.getHeaders(name).forEach(value -> headers.add(new StoredResponse.Header(name, value)));
        }
        return List.copyOf(headers);
    }

    private static String joined(HttpServletResponse response, String name) {
        List<String> values = List.copyOf(response.getHeaders(name));
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static boolean previewAsked(HttpServletRequest request) {
        String[] values = request.getParameterValues("preview");
        if (values == null) {
            return false;
        }
        for (String value : values) {
            if (!NOT_PREVIEW.contains(value.trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHead(HttpServletRequest request) {
        return request.getMethod().equals("HEAD");
    }

    /** A HEAD is produced as the GET it describes, so its ETag and the stored body are the GET's. */
    private static HttpServletRequest asGet(HttpServletRequest request) {
        if (!isHead(request)) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        };
    }
}
