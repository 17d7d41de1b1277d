package dev.hashi.translation.memory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.hashi.locale.LocaleTag;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.Units;

/**
 * Every approved translation, kept per locale pair after its unit moves on, and suggestions from them for a
 * unit: exact matches of the source hash first, then fuzzy matches scoring at least {@value #FUZZY_PERCENT} %.
 */
@Service
public class TranslationMemory {

    static final int FUZZY_PERCENT = 75;

    private final MemoryEntries entries;
    private final Clock clock;

    TranslationMemory(MemoryEntries entries, Units units, Clock clock) {
        this.entries = entries;
        this.clock = clock;
        units.onApproved(this::remember);
    }

    /**
     * A suggestion.
     *
     * @param score    similarity of its source to the unit's source, 0–100; 100 for an exact match
     * @param unitId   the unit whose approval it comes from
     */
    public record Suggestion(String sourceText, String targetText, int score, boolean exact, String unitId) {}

    void remember(Unit unit) {
        LocaleTag locale = LocaleTag.parse(unit.source().locale());
        entries.save(new MemoryEntries.Entry(
                unit.source().locale(),
                unit.targetLocale(),
                unit.source().text(),
                unit.source().hash(),
                unit.approvedText(),
                Similarity.tokens(unit.source().text(), locale).size(),
                unit.id(),
                clock.instant()));
    }

    /** Every suggestion for {@code unit}, best first. */
    public List<Suggestion> suggest(Unit unit) {
        LocaleTag locale = LocaleTag.parse(unit.source().locale());
        List<String> tokens = Similarity.tokens(unit.source().text(), locale);
        int min = (int) Math.floor(tokens.size() * FUZZY_PERCENT / 100.0);
        int max = (int) Math.ceil(tokens.size() * 100.0 / FUZZY_PERCENT);
        List<Suggestion> found = new ArrayList<>();
        for (MemoryEntries.Entry entry : entries.candidates(
                unit.source().locale(), unit.targetLocale(), unit.source().hash(), min, max)) {
            boolean exact = entry.sourceHash().equals(unit.source().hash());
            int score = exact
                    ? 100
                    : (int) Math.floor(100
                            * Similarity.scoreAtLeast(
                                    tokens, Similarity.tokens(entry.sourceText(), locale), FUZZY_PERCENT / 100.0));
            if (exact || score >= FUZZY_PERCENT) {
                found.add(new Suggestion(entry.sourceText(), entry.targetText(), score, exact, entry.unitId()));
            }
        }
        return found.stream()
                .sorted(Comparator.comparing(Suggestion::exact)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingInt(Suggestion::score).reversed())
                        .thenComparing(Suggestion::targetText)
                        .thenComparing(Suggestion::unitId, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }
}
