package dev.hashi.service.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.InvalidInputException;

/**
 * An opaque paging cursor: the sort key of the last item served (keyset paging) or, where a list's order has no
 * stable key, the offset of the next item. Clients pass it back unchanged; its form is not part of the API.
 */
public record Cursor(List<String> key, int offset) {

    private static final String KEY = "k";
    private static final String OFFSET = "o";
    private static final char SEPARATOR = '\u001f';

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
        String plain = isKeyset() ? KEY + SEPARATOR + String.join(String.valueOf(SEPARATOR), key) : OFFSET + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a client sent back.
     *
     * @throws InvalidInputException {@code cursor} / {@code format} when it is not one this service issued
     */
    public static Cursor decode(String opaque) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(opaque), StandardCharsets.UTF_8);
            if (plain.startsWith(OFFSET)) {
                int offset = Integer.parseInt(plain.substring(1));
                if (offset < 0) {
                    throw new IllegalArgumentException("negative offset");
                }
                return atOffset(offset);
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
                return new Cursor(parts, 0);
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw InvalidInputException.field(
                "cursor",
                ProblemCodes.FIELD_FORMAT,
                "The cursor is not one this list issued; start again without it.",
                opaque);
    }
}
