package dev.hashi.translation.unit;

import java.time.Instant;
import java.util.List;

import dev.hashi.events.EventPayload;

/**
 * A decided change to a unit: its next form, what to record in its history and which events beyond the
 * state change to publish with it.
 *
 * @param action  history action name
 * @param oldText replaced text for the history line, may be {@code null}
 * @param newText new text for the history line, may be {@code null}
 * @param comment note for the history line, may be {@code null}
 * @param events  payloads published together with the write (a state change event is added automatically)
 */
public record UnitChange(
        Unit after,
        String action,
        String oldText,
        String newText,
        String comment,
        List<EventPayload> events,
        Actor by) {

    /** Who caused a change, when, and the request or trace it belongs to ({@code traceId} may be {@code null}). */
    public record Actor(String subject, Instant at, String traceId) {}

    public UnitChange {
        events = List.copyOf(events);
    }

    public static UnitChange of(Unit after, String action, Actor by) {
        return new UnitChange(after, action, null, null, null, List.of(), by);
    }

    public UnitChange texts(String previous, String next) {
        return new UnitChange(after, action, previous, next, comment, events, by);
    }

    public UnitChange comment(String note) {
        return new UnitChange(after, action, oldText, newText, note, events, by);
    }

    public UnitChange publishing(List<EventPayload> payloads) {
        return new UnitChange(after, action, oldText, newText, comment, payloads, by);
    }
}
