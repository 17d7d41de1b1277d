package dev.hashi.translation.progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;

import dev.hashi.translation.unit.UnitFields;
import dev.hashi.translation.unit.UnitState;
import dev.hashi.translation.unit.Units;

/**
 * Counts units per state and sums their source sizes. Sizes are summed per unit of measure (words or
 * characters) and never mixed: a percentage is of the words or characters of the sources.
 */
@Service
public class ProgressStatistics {

    private final Units units;

    ProgressStatistics(Units units) {
        this.units = units;
    }

    /**
     * Progress of one locale pair.
     *
     * @param sizeUnit          {@code words} or {@code characters}, the unit of the source locale
     * @param size              total size of the sources
     * @param translatedPercent share of the size that is translated or approved (0–100, one decimal)
     * @param approvedPercent   share of the size that is approved
     */
    public record PairProgress(
            String sourceLocale,
            String targetLocale,
            String sizeUnit,
            long units,
            Map<String, Long> unitsByState,
            long size,
            double translatedPercent,
            double approvedPercent) {}

    /**
     * Progress into one target locale over all sources.
     *
     * @param approvedPercent share of units approved
     * @param sizes           per unit of measure: total and approved size
     */
    public record LocaleProgress(
            String targetLocale,
            long units,
            Map<String, Long> unitsByState,
            double approvedPercent,
            Map<String, Map<String, Long>> sizes) {}

    /** Per locale pair, for one entry or ({@code entryId} null) for everything. */
    public List<PairProgress> byPair(String entryId) {
        Bson match = entryId == null
                ? Filters.eq(UnitFields.REMOVED, false)
                : Filters.and(Filters.eq(UnitFields.REMOVED, false), Filters.eq(UnitFields.ENTRY, entryId));
        Map<String, PairTotals> pairs = new TreeMap<>();
        for (Document group : groups(match)) {
            Document id = group.get("_id", Document.class);
            String key = id.getString("s") + ":" + id.getString("t") + ":" + id.getString("u");
            pairs.computeIfAbsent(key, k -> new PairTotals(id.getString("s"), id.getString("t"), id.getString("u")))
                    .add(
                            id.getString("st"),
                            group.get("n", Number.class).longValue(),
                            group.get("size", Number.class).longValue());
        }
        return pairs.values().stream().map(PairTotals::toProgress).toList();
    }

    /** The dashboard: one figure per target locale. */
    public List<LocaleProgress> byTargetLocale() {
        Map<String, List<Document>> byLocale = new TreeMap<>();
        for (Document group : groups(Filters.eq(UnitFields.REMOVED, false))) {
            byLocale.computeIfAbsent(group.get("_id", Document.class).getString("t"), k -> new ArrayList<>())
                    .add(group);
        }
        List<LocaleProgress> result = new ArrayList<>();
        byLocale.forEach((locale, groups) -> {
            Map<String, Long> states = emptyStates();
            Map<String, Map<String, Long>> sizes = new TreeMap<>();
            long total = 0;
            for (Document group : groups) {
                Document id = group.get("_id", Document.class);
                long n = group.get("n", Number.class).longValue();
                long size = group.get("size", Number.class).longValue();
                total += n;
                states.merge(id.getString("st"), n, Long::sum);
                Map<String, Long> perUnit = sizes.computeIfAbsent(
                        id.getString("u"), k -> new LinkedHashMap<>(Map.of("total", 0L, "approved", 0L)));
                perUnit.merge("total", size, Long::sum);
                if (UnitState.APPROVED.wireName().equals(id.getString("st"))) {
                    perUnit.merge("approved", size, Long::sum);
                }
            }
            result.add(new LocaleProgress(
                    locale, total, states, percent(states.get(UnitState.APPROVED.wireName()), total), sizes));
        });
        return result;
    }

    private List<Document> groups(Bson match) {
        return units.aggregate(List.of(
                Aggregates.match(match),
                Aggregates.group(
                        new Document("s", "$" + UnitFields.SOURCE_LOCALE)
                                .append("t", "$" + UnitFields.TARGET_LOCALE)
                                .append("st", "$" + UnitFields.STATE)
                                .append("u", "$source.sizeUnit"),
                        Accumulators.sum("n", 1),
                        Accumulators.sum("size", "$" + UnitFields.SOURCE_SIZE))));
    }

    static Map<String, Long> emptyStates() {
        Map<String, Long> states = new LinkedHashMap<>();
        for (UnitState state : UnitState.values()) {
            states.put(state.wireName(), 0L);
        }
        return states;
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static final class PairTotals {
        private final String source;
        private final String target;
        private final String unit;
        private final Map<String, Long> states = emptyStates();
        private long units;
        private long size;
        private long translatedSize;
        private long approvedSize;

        PairTotals(String source, String target, String unit) {
            this.source = source;
            this.target = target;
            this.unit = unit;
        }

        void add(String state, long n, long sum) {
            states.merge(state, n, Long::sum);
            units += n;
            size += sum;
            if (UnitState.APPROVED.wireName().equals(state)) {
                approvedSize += sum;
                translatedSize += sum;
            } else if (UnitState.TRANSLATED.wireName().equals(state)) {
                translatedSize += sum;
            }
        }

        PairProgress toProgress() {
            return new PairProgress(
                    source,
                    target,
                    unit,
                    units,
                    states,
                    size,
                    percent(translatedSize, size),
                    percent(approvedSize, size));
        }
    }
}
