package dev.hashi.service.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid value in a request.
 *
 * @param field   where it is: a body property path ({@code fields.title}), a query parameter or a header name
 * @param code    stable reason, e.g. {@code required}, {@code range}, {@code format}, {@code locale.unsupported}
 * @param message human-readable explanation
 * @param value   the rejected value, {@code null} when absent or not worth echoing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String code, String message, Object value) {

    public static FieldError of(String field, String code, String message) {
        return new FieldError(field, code, message, null);
    }
}
