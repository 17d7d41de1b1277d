package dev.hashi.translation.comment;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A comment on a unit.
 *
 * @param replyTo    for an answer, the question it answers; {@code null} otherwise
 * @param resolvedBy for a resolved question, who resolved it; {@code null} while it is open and for other kinds
 * @param version    1 when written, incremented when resolved
 */
public record UnitComment(
        String id,
        String unitId,
        Kind kind,
        String text,
        String replyTo,
        String createdBy,
        Instant createdAt,
        String resolvedBy,
        Instant resolvedAt,
        long version) {

    /** Maximum length of a comment's text, in UTF-16 characters. */
    public static final int MAX_TEXT = 4000;

    /** What a comment is; the wire name is the lower-case name. */
    public enum Kind {
        QUESTION,
        ANSWER,
        NOTE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> fromWire(String value) {
            for (Kind kind : values()) {
                if (kind.wireName().equals(value)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public boolean isOpenQuestion() {
        return kind == Kind.QUESTION && resolvedBy == null;
    }

    UnitComment resolved(String by, Instant at) {
        return new UnitComment(id, unitId, kind, text, replyTo, createdBy, createdAt, by, at, version + 1);
    }
}
