package dev.hashi.service.paging;

import java.util.List;

import dev.hashi.paging.PagingRules;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.InvalidInputException;

/**
 * An opaque paging cursor: the sort key of the last item served (keyset paging) or, where a list's order has no
 * stable key, the offset of the next item. Clients pass it back unchanged; its form is not part of the API.
 */
public record Cursor(List<String> key, int offset) {

    public Cursor {
        key = List.copyOf(key);
    }

    /** Continue after the item whose sort key is {@code parts} (e.g. its id, or sort value then id). */
    public static Cursor after(String... parts) {
        return new Cursor(List.of(parts), 0);
    }

    /** Continue at item number {@code offset} (0-based). */
    public static Cursor atOffset(int offset) {
        return new Cursor(List.of(), offset);
    }

    public boolean isKeyset() {
        return !key.isEmpty();
    }

    /** The opaque form clients see. */
    public String encode() {
        return PagingRules.encodeCursor(key, offset);
    }

    /**
     * The cursor a client sent back.
     *
     * @throws InvalidInputException {@code cursor} / {@code format} when it is not one this service issued
     */
    public static Cursor decode(String opaque) {
        return PagingRules.decodeCursor(opaque)
                .map(value -> new Cursor(value.key(), value.offset()))
                .orElseThrow(() -> InvalidInputException.field(
                        PagingRules.CURSOR, ProblemCodes.FIELD_FORMAT, PagingRules.CURSOR_MESSAGE, opaque));
    }
}
