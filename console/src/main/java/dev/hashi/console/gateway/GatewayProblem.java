package dev.hashi.console.gateway;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A refusal or failure answered by the gateway (an RFC 9457 problem), or the gateway not answering at all
 * ({@value #UNREACHABLE}). Screens render it; it never becomes an error page with a stack trace.
 *
 * @see GatewayApi
 */
public class GatewayProblem extends RuntimeException {

    /** The code of a problem the console made up because the gateway gave none (not reachable, not a problem body). */
    public static final String UNREACHABLE = "console.gateway-unreachable";

    public static final String UNEXPECTED = "console.unexpected-answer";

    private final int status;
    private final String code;
    private final String detail;
    private final JsonNode body;

    public GatewayProblem(int status, String code, String detail, JsonNode body) {
        super(status + " " + code + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.code = code == null ? UNEXPECTED : code;
        this.detail = detail;
        this.body = body == null ? JsonNodeFactory.instance.objectNode() : body;
    }

    /** The HTTP status the gateway answered (503 when it could not be reached). */
    public int status() {
        return status;
    }

    /** The stable problem code ({@code version.conflict}, {@code auth.forbidden}, …). */
    public String code() {
        return code;
    }

    /** The gateway's text for people, in English; may be {@code null}. */
    public String detail() {
        return detail;
    }

    /** The whole problem body, extension members included; an empty object when there was none. */
    public JsonNode body() {
        return body;
    }

    /** The request id to quote, if the gateway sent one. */
    public Optional<String> requestId() {
        return text(body, "requestId");
    }

    /** The field errors of a {@code request.invalid} or {@code publish.invalid} problem. */
    public List<FieldError> errors() {
        return body.path("errors")
                .valueStream()
                .map(error -> new FieldError(
                        text(error, "field").orElse(""),
                        text(error, "code").orElse(""),
                        text(error, "message").orElse("")))
                .toList();
    }

    /** The clashing {@code {path, locale}} of a {@code 412 version.conflict} on an entry write. */
    public List<Conflict> conflicts() {
        return body.path("conflicts")
                .valueStream()
                .map(conflict -> new Conflict(
                        text(conflict, "path").orElse(""),
                        text(conflict, "locale").orElse(null)))
                .toList();
    }

    /** The version the resource has now, as a {@code 412} names it. */
    public Optional<Long> currentVersion() {
        JsonNode version = body.path("currentVersion");
        return version.isNumber() ? Optional.of(version.asLong()) : Optional.empty();
    }

    public boolean is(int status) {
        return this.status == status;
    }

    private static Optional<String> text(JsonNode node, String member) {
        JsonNode value = node.path(member);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }

    /** One value a request was refused for. */
    public record FieldError(String field, String code, String message) {}

    /** A value that changed on both sides of a stale write; {@code locale} is {@code null} for unlocalized values. */
    public record Conflict(String path, String locale) {}
}
