package dev.hashi.translation.unit;

import java.time.Instant;
import java.util.Set;

import dev.hashi.locale.LocaleTag;

/**
 * Which live units a list shows; every criterion is optional ({@code null} or empty means any).
 *
 * @param type      content type key of the entry
 * @param states    any of these states
 * @param dueBefore units due strictly before this instant
 */
public record UnitFilter(
        LocaleTag target,
        LocaleTag source,
        Set<UnitState> states,
        String type,
        String entryId,
        String assignee,
        Instant dueBefore) {

    public UnitFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
    }
}
