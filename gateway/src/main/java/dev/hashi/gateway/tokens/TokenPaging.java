package dev.hashi.gateway.tokens;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.http.HttpStatus;
import org.springframework.web.util.UriComponentsBuilder;

import dev.hashi.gateway.problem.EdgeRejection;
import dev.hashi.paging.PagingRules;
import dev.hashi.problem.ProblemCodes;

/**
 * The paging convention for the token list, on the shared {@link PagingRules}: a keyset cursor of the last served
 * token's creation instant and id, {@code limit} 1 to {@link PagingRules#MAX_LIMIT}, and the {@code Link} of the next
 * page. Bad input is refused with {@code request.invalid} naming each bad parameter in {@code errors}.
 */
final class TokenPaging {

    private TokenPaging() {}

    /** Which page: after the token created at {@code afterCreatedAt} with {@code afterId} (null: the first page). */
    record Request(Instant afterCreatedAt, String afterId, int limit) {}

    static Request parse(String cursor, String limit) {
        List<Map<String, Object>> errors = new ArrayList<>();
        OptionalInt size = PagingRules.parseLimit(limit, PagingRules.DEFAULT_LIMIT, PagingRules.MAX_LIMIT);
        if (size.isEmpty()) {
            errors.add(error(
                    PagingRules.LIMIT,
                    ProblemCodes.FIELD_RANGE,
                    PagingRules.limitMessage(PagingRules.MAX_LIMIT),
                    limit));
        }
        Instant afterCreatedAt = null;
        String afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            Optional<Instant> at = Optional.empty();
            Optional<PagingRules.CursorValue> decoded = PagingRules.decodeCursor(cursor.trim());
            if (decoded.isPresent() && decoded.get().key().size() == 2) {
                at = instant(decoded.get().key().get(0));
            }
            if (at.isEmpty()) {
                errors.add(error(PagingRules.CURSOR, ProblemCodes.FIELD_FORMAT, PagingRules.CURSOR_MESSAGE, cursor));
            } else {
                afterCreatedAt = at.get();
                afterId = decoded.get().key().get(1);
            }
        }
        if (!errors.isEmpty()) {
            throw new EdgeRejection(
                            HttpStatus.BAD_REQUEST, ProblemCodes.REQUEST_INVALID, "The paging parameters are invalid.")
                    .with("errors", errors);
        }
        return new Request(afterCreatedAt, afterId, size.getAsInt());
    }

    /** The cursor of the page after {@code last}. */
    static String cursorAfter(ApiToken last) {
        return PagingRules.encodeCursor(List.of(last.createdAt().toString(), last.id()), 0);
    }

    /** {@code Link} of the next page: the same path and query with this cursor. */
    static String nextLink(URI request, String next) {
        // the cursor is base64url, so the already-encoded query stays as it is
        URI uri = UriComponentsBuilder.fromUri(request)
                .replaceQueryParam(PagingRules.CURSOR, next)
                .build(true)
                .toUri();
        return "<" + uri.getRawPath() + "?" + uri.getRawQuery() + ">; rel=\"next\"";
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> error(String field, String code, String message, String value) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("code", code);
        error.put("message", message);
        error.put("value", value);
        return error;
    }
}
