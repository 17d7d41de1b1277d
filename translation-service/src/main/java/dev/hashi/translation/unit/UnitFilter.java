package dev.hashi.translation.unit;

import java.time.Instant;
import java.util.Set;

import dev.hashi.locale.LocaleTag;

/**
 * Which live units a list shows; every criterion is optional ({@code null} or empty means any).
 *
 * @param type      content type key of the entry
 * @param states       any of these states; none named means every state but {@code source_only} (decided units
 *                     leave the queue)
 * @param dueBefore    units due strictly before this instant
 * @param openQuestion units with ({@code true}) or without ({@code false}) an open question; {@code null} for any
 */
public record UnitFilter(
        LocaleTag target,
        LocaleTag source,
        Set<UnitState> states,
        String type,
        String entryId,
        String assignee,
        Instant dueBefore,
        Boolean openQuestion) {

    public UnitFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    /** The filter without an open-question criterion. */
    public UnitFilter(
            LocaleTag target,
            LocaleTag source,
            Set<UnitState> states,
            String type,
            String entryId,
            String assignee,
            Instant dueBefore) {
        this(target, source, states, type, entryId, assignee, dueBefore, null);
    }
}
