package dev.hashi.translation.unit;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/** The MongoDB filters, sorts and pipelines behind the named queries of {@link Units}. */
final class UnitQueries {

    private UnitQueries() {}

    static Bson live() {
        return Filters.eq(UnitFields.REMOVED, false);
    }

    static Bson ofEntry(String entryId) {
        return Filters.eq(UnitFields.ENTRY, entryId);
    }

    static Bson ofFieldPath(String type, String fieldPath, String targetLocale) {
        return Filters.and(
                Filters.eq(UnitFields.TYPE, type),
                Filters.eq(UnitFields.FIELD_PATH, fieldPath),
                Filters.eq(UnitFields.TARGET_LOCALE, targetLocale),
                live());
    }

    static Bson filter(UnitFilter filter) {
        List<Bson> filters = new ArrayList<>();
        filters.add(live());
        if (filter.target() != null) {
            filters.add(Filters.eq(UnitFields.TARGET_LOCALE, filter.target().tag()));
        }
        if (filter.source() != null) {
            filters.add(Filters.eq(UnitFields.SOURCE_LOCALE, filter.source().tag()));
        }
        if (!filter.states().isEmpty()) {
            filters.add(Filters.in(
                    UnitFields.STATE,
                    filter.states().stream().map(UnitState::wireName).toList()));
        } else {
            filters.add(Filters.ne(UnitFields.STATE, UnitState.SOURCE_ONLY.wireName()));
        }
        if (filter.openQuestion() != null) {
            filters.add(Filters.eq(UnitFields.OPEN_QUESTION, filter.openQuestion()));
        }
        if (filter.type() != null) {
            filters.add(Filters.eq(UnitFields.TYPE, filter.type()));
        }
        if (filter.entryId() != null) {
            filters.add(ofEntry(filter.entryId()));
        }
        if (filter.assignee() != null) {
            filters.add(Filters.eq(UnitFields.ASSIGNEE, filter.assignee()));
        }
        if (filter.dueBefore() != null) {
            filters.add(Filters.lt(UnitFields.DUE_AT, Date.from(filter.dueBefore())));
        }
        return Filters.and(filters);
    }

    /**
     * The indexes behind the queue and the statistics, equality fields first, then each order's sort fields (as
     * MongoDB uses them): live units of a locale pair with or without a state filter, and all live units, in each
     * of the three orders; and live units by pair and state for the totals; the units of a
     * field path across a type and those decided by one source-only rule. Queries scoped to one entry or one
     * assignee use those single-field indexes and sort their few units in memory.
     */
    static List<Bson> indexes() {
        List<Bson> indexes = new java.util.ArrayList<>();
        indexes.add(Indexes.ascending(
                UnitFields.TYPE, UnitFields.FIELD_PATH, UnitFields.TARGET_LOCALE, UnitFields.REMOVED));
        indexes.add(Indexes.ascending(UnitFields.RULE));
        indexes.add(Indexes.ascending(
                UnitFields.REMOVED, UnitFields.TARGET_LOCALE, UnitFields.SOURCE_LOCALE, UnitFields.STATE));
        for (UnitOrder order : UnitOrder.values()) {
            Bson sort = sort(order);
            indexes.add(Indexes.compoundIndex(
                    Indexes.ascending(
                            UnitFields.REMOVED, UnitFields.TARGET_LOCALE, UnitFields.SOURCE_LOCALE, UnitFields.STATE),
                    sort));
            indexes.add(Indexes.compoundIndex(
                    Indexes.ascending(UnitFields.REMOVED, UnitFields.TARGET_LOCALE, UnitFields.SOURCE_LOCALE), sort));
            indexes.add(Indexes.compoundIndex(Indexes.ascending(UnitFields.REMOVED), sort));
        }
        return indexes;
    }

    static Bson sort(UnitOrder order) {
        Bson pageOrder = Sorts.ascending(UnitFields.ENTRY, UnitFields.PATH_KEY, "_id");
        return switch (order) {
            case PRIORITY ->
                Sorts.orderBy(Sorts.descending(UnitFields.PRIORITY), Sorts.ascending(UnitFields.DUE_SORT), pageOrder);
            case DUE ->
                Sorts.orderBy(Sorts.ascending(UnitFields.DUE_SORT), Sorts.descending(UnitFields.PRIORITY), pageOrder);
            case PAGE -> pageOrder;
        };
    }

    /** Live units grouped by source locale, target locale, state and size unit, for {@code match}. */
    static List<Bson> stateTotals(Bson match) {
        return List.of(
                Aggregates.match(match),
                Aggregates.group(
                        new Document("s", "$" + UnitFields.SOURCE_LOCALE)
                                .append("t", "$" + UnitFields.TARGET_LOCALE)
                                .append("st", "$" + UnitFields.STATE)
                                .append("u", "$" + UnitFields.SOURCE_SIZE_UNIT),
                        Accumulators.sum("n", 1),
                        Accumulators.sum("size", "$" + UnitFields.SOURCE_SIZE)));
    }

    static StateTotal stateTotal(Document group) {
        Document id = group.get("_id", Document.class);
        return new StateTotal(
                id.getString("s"),
                id.getString("t"),
                UnitState.fromWire(id.getString("st")).orElseThrow(),
                id.getString("u"),
                group.get("n", Number.class).longValue(),
                group.get("size", Number.class).longValue());
    }
}
