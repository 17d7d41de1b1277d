package dev.hashi.translation.queue;

import java.util.List;

import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Sorts;

import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitFields;
import dev.hashi.translation.unit.Units;

/** What translators see: units filtered, sorted and paged. */
@Service
public class TranslationQueue {

    /** Queue order. */
    public enum Order {
        /** Highest priority first, then earliest due date (undated last), then page order. */
        PRIORITY,
        /** Earliest due date first (undated last), then highest priority, then page order. */
        DUE,
        /** Page order: by entry, then by field path. */
        PAGE
    }

    /** One page of units; {@code hasMore} tells whether a next page exists. */
    public record Page(List<Unit> units, int page, int size, boolean hasMore) {}

    private final Units units;

    TranslationQueue(Units units) {
        this.units = units;
    }

    /** Page {@code page} (from 0) of {@code size} units matching {@code filter}, in {@code order}. */
    public Page find(QueueFilter filter, Order order, int page, int size) {
        List<Unit> found = units.query(filter.toBson(), sort(order), page * size, size + 1);
        boolean more = found.size() > size;
        return new Page(more ? found.subList(0, size) : found, page, size, more);
    }

    private static Bson sort(Order order) {
        Bson pageOrder = Sorts.ascending(UnitFields.ENTRY, UnitFields.PATH);
        return switch (order) {
            case PRIORITY ->
                Sorts.orderBy(Sorts.descending(UnitFields.PRIORITY), Sorts.ascending(UnitFields.DUE_SORT), pageOrder);
            case DUE ->
                Sorts.orderBy(Sorts.ascending(UnitFields.DUE_SORT), Sorts.descending(UnitFields.PRIORITY), pageOrder);
            case PAGE -> pageOrder;
        };
    }
}
