package dev.hashi.service.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import dev.hashi.paging.PagingRules;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.FieldError;
import dev.hashi.service.error.InvalidInputException;

/**
 * Which page of a list the caller wants: after {@code cursor} ({@code null} for the first page), at most
 * {@code limit} items. Controllers take it as a parameter, read from the query parameters {@code cursor} and
 * {@code limit}.
 */
public record PageRequest(Cursor cursor, int limit) {

    /** Items per page when the caller names no limit. */
    public static final int DEFAULT_LIMIT = PagingRules.DEFAULT_LIMIT;
    /** The largest page any list serves. */
    public static final int MAX_LIMIT = PagingRules.MAX_LIMIT;

    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    /**
     * Parses the query parameters.
     *
     * @throws InvalidInputException naming {@code limit} (code {@code range}) outside 1..max, or an unreadable cursor
     */
    public static PageRequest parse(String cursor, String limit, int defaultLimit, int maxLimit) {
        List<FieldError> errors = new ArrayList<>();
        OptionalInt parsed = PagingRules.parseLimit(limit, defaultLimit, maxLimit);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(
                    PagingRules.LIMIT, ProblemCodes.FIELD_RANGE, PagingRules.limitMessage(maxLimit), limit));
        }
        int size = parsed.orElse(defaultLimit);
        Cursor decoded = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                decoded = Cursor.decode(cursor.trim());
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PageRequest(decoded, size);
    }

    /** The offset this page starts at (0 for the first page or a keyset cursor). */
    public int offset() {
        return cursor == null ? 0 : cursor.offset();
    }

    /** The keyset this page continues after, empty for the first page. */
    public List<String> afterKey() {
        return cursor == null ? List.of() : cursor.key();
    }

    /** The single-part key (an id) this page continues after, {@code null} for the first page. */
    public String afterId() {
        List<String> key = afterKey();
        return key.isEmpty() ? null : key.get(0);
    }

    /** How many to fetch: one more than the limit, to know whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
