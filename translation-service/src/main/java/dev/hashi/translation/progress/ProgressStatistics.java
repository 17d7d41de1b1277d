package dev.hashi.translation.progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import dev.hashi.translation.unit.StateTotal;
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
     * @param unitsByState      units per state, keyed by the state's wire name
     * @param sizeUnit          {@code words} or {@code characters}, the unit of the source locale
     * @param size              total size of the sources
     * @param remainingSize     size of the sources still to be done (neither approved nor decided source-only)
     * @param translatedPercent share of the size that is translated, approved or source-only (0–100, one decimal)
     * @param approvedPercent   share of the size that is done: approved or decided source-only
     */
    public record PairProgress(
            String sourceLocale,
            String targetLocale,
            String sizeUnit,
            long units,
            Map<String, Long> unitsByState,
            long size,
            long remainingSize,
            double translatedPercent,
            double approvedPercent) {}

    /**
     * Progress into one target locale over all sources.
     *
     * @param approvedPercent share of units done: approved or decided source-only
     * @param sizes           per unit of measure: total and done ({@code approved}) size
     */
    public record LocaleProgress(
            String targetLocale,
            long units,
            Map<String, Long> unitsByState,
            double approvedPercent,
            Map<String, Map<String, Long>> sizes) {}

    /** Per locale pair (ordered by source, target and size unit), for one entry or ({@code entryId} null) all. */
    public List<PairProgress> byPair(String entryId) {
        Map<String, PairTotals> pairs = new TreeMap<>();
        for (StateTotal total : units.stateTotals(entryId)) {
            String key = total.sourceLocale() + ":" + total.targetLocale() + ":" + total.sizeUnit();
            pairs.computeIfAbsent(
                            key, k -> new PairTotals(total.sourceLocale(), total.targetLocale(), total.sizeUnit()))
                    .add(total.state(), total.units(), total.size());
        }
        return pairs.values().stream().map(PairTotals::toProgress).toList();
    }

    /** The dashboard: one figure per target locale, ordered by locale. */
    public List<LocaleProgress> byTargetLocale() {
        Map<String, List<StateTotal>> byLocale = new TreeMap<>();
        for (StateTotal total : units.stateTotals(null)) {
            byLocale.computeIfAbsent(total.targetLocale(), k -> new ArrayList<>())
                    .add(total);
        }
        List<LocaleProgress> result = new ArrayList<>();
        byLocale.forEach((locale, totals) -> {
            Map<String, Long> states = emptyStates();
            Map<String, Map<String, Long>> sizes = new TreeMap<>();
            long all = 0;
            for (StateTotal total : totals) {
                all += total.units();
                states.merge(total.state().wireName(), total.units(), Long::sum);
                Map<String, Long> perUnit = sizes.computeIfAbsent(
                        total.sizeUnit(), k -> new LinkedHashMap<>(Map.of("total", 0L, "approved", 0L)));
                perUnit.merge("total", total.size(), Long::sum);
                if (done(total.state())) {
                    perUnit.merge("approved", total.size(), Long::sum);
                }
            }
            long done = states.get(UnitState.APPROVED.wireName()) + states.get(UnitState.SOURCE_ONLY.wireName());
            result.add(new LocaleProgress(locale, all, states, percent(done, all), sizes));
        });
        return result;
    }

    static Map<String, Long> emptyStates() {
        Map<String, Long> states = new LinkedHashMap<>();
        for (UnitState state : UnitState.values()) {
            states.put(state.wireName(), 0L);
        }
        return states;
    }

    /** Approved and source-only units need no more work: both count as done. */
    static boolean done(UnitState state) {
        return state == UnitState.APPROVED || state == UnitState.SOURCE_ONLY;
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

        void add(UnitState state, long n, long sum) {
            states.merge(state.wireName(), n, Long::sum);
            units += n;
            size += sum;
            if (done(state)) {
                approvedSize += sum;
                translatedSize += sum;
            } else if (state == UnitState.TRANSLATED) {
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
                    size - approvedSize,
                    percent(translatedSize, size),
                    percent(approvedSize, size));
        }
    }
}
