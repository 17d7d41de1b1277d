package dev.hashi.translation.unit;

import java.util.List;

import dev.hashi.events.EventPayload;
import dev.hashi.service.command.CommandContext;

/**
 * A decided change to a unit: its next form, what to record in its history and which events beyond the
 * state change to publish with it.
 *
 * @param action  history action name; {@code null} for a change that adds no history line (the entry's titles)
 * @param oldText replaced text for the history line, may be {@code null}
 * @param newText new text for the history line, may be {@code null}
 * @param comment note for the history line, may be {@code null}
 * @param diff    edits of the history line (a reviewer's correction), may be {@code null}
 * @param events  payloads published together with the write (a state change event is added automatically)
 * @param by      who caused the change, when, and the trace it belongs to
 */
public record UnitChange(
        Unit after,
        String action,
        String oldText,
        String newText,
        String comment,
        List<HistoryEntry.Edit> diff,
        List<EventPayload> events,
        CommandContext by) {

    public UnitChange {
        events = List.copyOf(events);
    }

    public static UnitChange of(Unit after, String action, CommandContext by) {
        return new UnitChange(after, action, null, null, null, null, List.of(), by);
    }

    /** A change that the unit's history does not list. */
    static UnitChange unrecorded(Unit after, CommandContext by) {
        return new UnitChange(after, null, null, null, null, null, List.of(), by);
    }

    /** The same change leading to {@code next} instead. */
    public UnitChange withAfter(Unit next) {
        return new UnitChange(next, action, oldText, newText, comment, diff, events, by);
    }

    public UnitChange texts(String previous, String next) {
        return new UnitChange(after, action, previous, next, comment, diff, events, by);
    }

    public UnitChange comment(String note) {
        return new UnitChange(after, action, oldText, newText, note, diff, events, by);
    }

    /** The same change with {@code edits} as the diff of its history line. */
    public UnitChange diff(List<HistoryEntry.Edit> edits) {
        return new UnitChange(after, action, oldText, newText, comment, edits, events, by);
    }

    public UnitChange publishing(List<EventPayload> payloads) {
        return new UnitChange(after, action, oldText, newText, comment, diff, payloads, by);
    }

    boolean recorded() {
        return action != null;
    }
}
