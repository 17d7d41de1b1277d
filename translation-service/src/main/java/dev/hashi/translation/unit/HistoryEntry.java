package dev.hashi.translation.unit;

import java.time.Instant;

/**
 * One line of a unit's history.
 *
 * @param action  what happened, e.g. {@code created}, {@code source-changed}, {@code submitted}, {@code approved}
 * @param from    state before, {@code null} for a new unit
 * @param to      state after
 * @param oldText the text replaced (source or translation, depending on the action); may be {@code null}
 * @param newText the new text; may be {@code null}
 * @param comment a reviewer's comment or other note; may be {@code null}
 */
public record HistoryEntry(
        Instant at,
        String actor,
        String action,
        String from,
        String to,
        String oldText,
        String newText,
        String comment) {}
