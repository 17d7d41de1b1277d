package dev.hashi.service.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A failure the caller can act on, thrown by domain code: it names its {@link Kind}, a stable {@code code} from the
 * catalogue ({@link dev.hashi.problem.ProblemCodes}), a human-readable detail and the offending values. It knows
 * nothing of HTTP; the web edge maps it to an RFC 9457 problem once, in one place.
 */
public class DomainException extends RuntimeException {

    /** What went wrong, independent of any protocol. */
    public enum Kind {
        /** The input is invalid; nothing was changed. */
        INVALID_INPUT,
        /** The caller is not known. */
        UNAUTHENTICATED,
        /** The caller is known but may not do this. */
        FORBIDDEN,
        /** The named thing does not exist (or is hidden from the caller). */
        NOT_FOUND,
        /** The request contradicts the current state (taken slug, wrong state for an action, reused key). */
        CONFLICT,
        /** The caller's version of the resource is not the current one. */
        VERSION_CONFLICT,
        /** The write must name the version it is based on. */
        VERSION_REQUIRED,
        /** The input is well-formed but breaks a business rule (e.g. a locale cannot be published yet). */
        RULE_VIOLATION,
        /** Something the operation depends on could not answer. */
        UNAVAILABLE
    }

    /** Members of a problem that belong to RFC 9457 or to the platform's problem shape; details never use them. */
    public static final Set<String> RESERVED =
            Set.of("type", "title", "status", "detail", "instance", "code", "errors", "requestId");

    private final Kind kind;
    private final String code;
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<FieldError> errors;

    public DomainException(Kind kind, String code, String detail) {
        this(kind, code, detail, List.of());
    }

    protected DomainException(Kind kind, String code, String detail, List<FieldError> errors) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /**
     * Adds an extension member (e.g. the offending value) to the problem this becomes.
     *
     * @throws IllegalArgumentException when {@code name} is one of {@link #RESERVED}
     */
    public DomainException with(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a reserved problem member");
        }
        details.put(name, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The extension members, in the order they were added. */
    public Map<String, Object> details() {
        return java.util.Collections.unmodifiableMap(details);
    }

    /** The invalid fields, empty unless {@link Kind#INVALID_INPUT}. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Whether a retry with fresh state may succeed (a version conflict). */
    public boolean isVersionConflict() {
        return kind == Kind.VERSION_CONFLICT;
    }
}
