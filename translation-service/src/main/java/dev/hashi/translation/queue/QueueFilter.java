package dev.hashi.translation.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;

import dev.hashi.locale.LocaleTag;
import dev.hashi.translation.unit.UnitFields;
import dev.hashi.translation.unit.UnitState;

/**
 * Which units a queue shows; every criterion is optional ({@code null} or empty means any).
 *
 * @param states    any of these states
 * @param dueBefore units due strictly before this instant
 */
public record QueueFilter(
        LocaleTag target,
        LocaleTag source,
        Set<UnitState> states,
        String contentType,
        String entryId,
        String assignee,
        Instant dueBefore) {

    public QueueFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    Bson toBson() {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq(UnitFields.REMOVED, false));
        if (target != null) {
            filters.add(Filters.eq(UnitFields.TARGET_LOCALE, target.tag()));
        }
        if (source != null) {
            filters.add(Filters.eq(UnitFields.SOURCE_LOCALE, source.tag()));
        }
        if (!states.isEmpty()) {
            filters.add(Filters.in(
                    UnitFields.STATE, states.stream().map(UnitState::wireName).toList()));
        }
        if (contentType != null) {
            filters.add(Filters.eq(UnitFields.CONTENT_TYPE, contentType));
        }
        if (entryId != null) {
            filters.add(Filters.eq(UnitFields.ENTRY, entryId));
        }
        if (assignee != null) {
            filters.add(Filters.eq(UnitFields.ASSIGNEE, assignee));
        }
        if (dueBefore != null) {
            filters.add(Filters.lt(UnitFields.DUE_AT, Date.from(dueBefore)));
        }
        return Filters.and(filters);
    }
}
