package dev.hashi.gateway.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the gateway refuses itself (authentication, authorization, rate limit, size, hostile input), answered
 * as problem+json with a stable {@code code}; extra response headers (e.g. {@code Retry-After}) go with it. It carries
 * no stack trace: it is an answer, never logged with one, and filling one in cost every refusal a walk of a deep
 * reactive stack.
 */
public class EdgeRejection extends ResponseStatusException {

    private final String code;
    private final HttpHeaders extraHeaders = new HttpHeaders();
    private final Map<String, Object> members = new LinkedHashMap<>();

    public EdgeRejection(HttpStatus status, String code, String detail) {
        super(status, detail);
        this.code = code;
    }

    /** Adds a response header. */
    public EdgeRejection withHeader(String name, String value) {
        extraHeaders.add(name, value);
        return this;
    }

    /**
     * Adds an extension member such as {@code errors} ({@code [{field, code, message, value?}]}), {@code key} or
     * {@code id}; values are strings, numbers, lists and maps of them.
     */
    public EdgeRejection with(String name, Object value) {
        members.put(name, value);
        return this;
    }

    /** The extension members, in the order they were added. */
    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public String code() {
        return code;
    }

    @Override
    public HttpHeaders getHeaders() {
        return extraHeaders;
    }
}
