package dev.hashi.translation.unit;

import java.time.Instant;
import java.util.List;

/**
 * One line of a unit's history.
 *
 * @param action  what happened, e.g. {@code created}, {@code source-changed}, {@code submitted}, {@code approved}
 * @param from    state before, {@code null} for a new unit
 * @param to      state after
 * @param oldText the text replaced (source or translation, depending on the action); may be {@code null}
 * @param newText the new text; may be {@code null}
 * @param comment a reviewer's comment or other note; may be {@code null}
 * @param diff    for a reviewer's correction, how {@code newText} differs from {@code oldText} (the submission), word
 *                by word (character by character in Chinese and Japanese); {@code null} otherwise
 */
public record HistoryEntry(
        Instant at,
        String actor,
        String action,
        String from,
        String to,
        String oldText,
        String newText,
        String comment,
        List<Edit> diff) {

    /**
     * One run of a diff.
     *
     * @param op   {@code equal}, {@code delete} (only in the old text) or {@code insert} (only in the new text)
     * @param text the run's text
     */
    public record Edit(String op, String text) {}
}
