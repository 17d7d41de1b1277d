package dev.hashi.translation.memory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

import dev.hashi.locale.LocaleTag;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.Units;

/**
 * Every approved translation, kept per locale pair after its unit moves on, and suggestions from them for a
 * unit: exact matches of the source hash first, then fuzzy matches scoring at least {@value #FUZZY_PERCENT} %.
 */
@Service
public class TranslationMemory {

    static final String COLLECTION = "memory";
    static final int FUZZY_PERCENT = 75;

    private final MongoCollection<Document> memory;
    private final Clock clock;

    TranslationMemory(MongoDatabase database, Units units, Clock clock) {
        this.memory = database.getCollection(COLLECTION);
        this.clock = clock;
        memory.createIndex(Indexes.ascending("sourceLocale", "targetLocale", "sourceHash"));
        units.onApproved(this::remember);
    }

    /**
     * A suggestion.
     *
     * @param score similarity of its source to the unit's source, 0–100; 100 for an exact match
     */
    public record Suggestion(String sourceText, String targetText, int score, boolean exact, String fromUnit) {}

    void remember(Unit unit) {
        String target = unit.approvedText();
        String id =
                id(unit.source().locale(), unit.targetLocale(), unit.source().hash(), target);
        LocaleTag locale = LocaleTag.parse(unit.source().locale());
        Document entry = new Document("_id", id)
                .append("sourceLocale", unit.source().locale())
                .append("targetLocale", unit.targetLocale())
                .append("sourceText", unit.source().text())
                .append("sourceHash", unit.source().hash())
                .append("targetText", target)
                .append(
                        "tokens",
                        Similarity.tokens(unit.source().text(), locale).size())
                .append("unitId", unit.id())
                .append("at", Date.from(clock.instant()));
        memory.replaceOne(Filters.eq("_id", id), entry, new ReplaceOptions().upsert(true));
    }

    /** Up to {@code limit} suggestions for {@code unit}, best first. */
    public List<Suggestion> suggest(Unit unit, int limit) {
        LocaleTag locale = LocaleTag.parse(unit.source().locale());
        List<String> tokens = Similarity.tokens(unit.source().text(), locale);
        int min = (int) Math.floor(tokens.size() * FUZZY_PERCENT / 100.0);
        int max = (int) Math.ceil(tokens.size() * 100.0 / FUZZY_PERCENT);
        List<Suggestion> found = new ArrayList<>();
        memory.find(Filters.and(
                        Filters.eq("sourceLocale", unit.source().locale()),
                        Filters.eq("targetLocale", unit.targetLocale()),
                        Filters.or(
                                Filters.eq("sourceHash", unit.source().hash()),
                                Filters.and(Filters.gte("tokens", min), Filters.lte("tokens", max)))))
                .forEach(entry -> {
                    boolean exact =
                            entry.getString("sourceHash").equals(unit.source().hash());
                    int score = exact
                            ? 100
                            : (int) Math.floor(100
                                    * Similarity.score(
                                            tokens, Similarity.tokens(entry.getString("sourceText"), locale)));
                    if (exact || score >= FUZZY_PERCENT) {
                        found.add(new Suggestion(
                                entry.getString("sourceText"),
                                entry.getString("targetText"),
                                score,
                                exact,
                                entry.getString("unitId")));
                    }
                });
        return found.stream()
                .sorted(Comparator.comparing(Suggestion::exact)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingInt(Suggestion::score).reversed())
                        .thenComparing(Suggestion::targetText))
                .limit(limit)
                .toList();
    }

    private static String id(String... parts) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
