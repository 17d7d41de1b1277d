package dev.hashi.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The rules every paged list follows, whatever its web stack: the query parameters {@code cursor} and
 * {@code limit}, the limit's default and maximum, and the opaque text of a cursor (the sort key of the last item
 * served, or the offset of the next item where a list's order has no stable key). Clients pass a cursor back
 * unchanged; its form is not part of the API.
 */
public final class PagingRules {

    /** Query parameter of the cursor. */
    public static final String CURSOR = "cursor";
    /** Query parameter of the page size. */
    public static final String LIMIT = "limit";
    /** Items per page when the caller names no limit. */
    public static final int DEFAULT_LIMIT = 20;
    /** The largest page any list serves unless it documents another maximum. */
    public static final int MAX_LIMIT = 100;
    /** What a client is told about a cursor the list did not issue. */
    public static final String CURSOR_MESSAGE = "The cursor is not one this list issued; start again without it.";

    private static final String KEY = "k";
    private static final String OFFSET = "o";
    private static final char SEPARATOR = '\u001f';

    private PagingRules() {}

    /** A decoded cursor: a non-empty sort {@code key} (keyset paging), or an empty key and an {@code offset}. */
    public record CursorValue(List<String> key, int offset) {
        public CursorValue {
            key = List.copyOf(key);
        }
    }

    /** The opaque form of a cursor: keyset when {@code key} is not empty, otherwise the offset. */
    public static String encodeCursor(List<String> key, int offset) {
        String plain = key.isEmpty() ? OFFSET + offset : KEY + SEPARATOR + String.join(String.valueOf(SEPARATOR), key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; empty when it is not one {@link #encodeCursor} made. */
    public static Optional<CursorValue> decodeCursor(String opaque) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(opaque), StandardCharsets.UTF_8);
            if (plain.startsWith(OFFSET)) {
                int offset = Integer.parseInt(plain.substring(1));
                return offset < 0 ? Optional.empty() : Optional.of(new CursorValue(List.of(), offset));
            }
            if (plain.startsWith(KEY + SEPARATOR)) {
                List<String> parts = new ArrayList<>();
                int start = 2;
                for (int i = start; i <= plain.length(); i++) {
                    if (i == plain.length() || plain.charAt(i) == SEPARATOR) {
                        parts.add(plain.substring(start, i));
                        start = i + 1;
                    }
                }
                return Optional.of(new CursorValue(parts, 0));
            }
        } catch (IllegalArgumentException e) {
            // not base64url or not a number: not a cursor of ours
        }
        return Optional.empty();
    }

    /**
     * The page size a client asked for: {@code defaultLimit} when {@code limit} is absent or blank, empty when it is
     * not a whole number from 1 to {@code maxLimit} (refused, never clamped).
     */
    public static OptionalInt parseLimit(String limit, int defaultLimit, int maxLimit) {
        if (limit == null || limit.isBlank()) {
            return OptionalInt.of(defaultLimit);
        }
        try {
            int size = Integer.parseInt(limit.trim());
            return size < 1 || size > maxLimit ? OptionalInt.empty() : OptionalInt.of(size);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** What a client is told about a limit out of range. */
    public static String limitMessage(int maxLimit) {
        return "limit must be a whole number from 1 to " + maxLimit + ".";
    }
}
