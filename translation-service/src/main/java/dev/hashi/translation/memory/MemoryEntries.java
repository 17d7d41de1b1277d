package dev.hashi.translation.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

import dev.hashi.digest.Sha256;

/**
 * The translation memory's entries, one MongoDB document each, mapped by hand like the unit documents; the only
 * class that touches the {@value #COLLECTION} collection. Entries are not versioned: an entry's id is the hash of
 * what it holds, so writing it again changes nothing but its time.
 */
@Repository
class MemoryEntries {

    static final String COLLECTION = "memory";
    /** At most this many entries are scored for one unit's suggestions. */
    static final int MAX_CANDIDATES = 500;

    /**
     * One approved translation of one locale pair.
     *
     * @param tokens how many similarity tokens the source has, to narrow fuzzy candidates by length
     */
    record Entry(
            String sourceLocale,
            String targetLocale,
            String sourceText,
            String sourceHash,
            String targetText,
            int tokens,
            String unitId,
            Instant at) {

        String id() {
            return Sha256.hex(String.join("\u0000", sourceLocale, targetLocale, sourceHash, targetText));
        }
    }

    private final MongoCollection<Document> memory;

    MemoryEntries(MongoDatabase database) {
        this.memory = database.getCollection(COLLECTION);
        memory.createIndex(Indexes.ascending("sourceLocale", "targetLocale", "sourceHash"));
    }

    void save(Entry entry) {
        String id = entry.id();
        memory.replaceOne(Filters.eq("_id", id), toDocument(id, entry), new ReplaceOptions().upsert(true));
    }

    /**
     * The entries of one locale pair whose source has {@code sourceHash} or between {@code minTokens} and
     * {@code maxTokens} tokens; at most {@value #MAX_CANDIDATES} of them.
     */
    List<Entry> candidates(String sourceLocale, String targetLocale, String sourceHash, int minTokens, int maxTokens) {
        List<Entry> found = new ArrayList<>();
        memory.find(Filters.and(
                        Filters.eq("sourceLocale", sourceLocale),
                        Filters.eq("targetLocale", targetLocale),
                        Filters.or(
                                Filters.eq("sourceHash", sourceHash),
                                Filters.and(Filters.gte("tokens", minTokens), Filters.lte("tokens", maxTokens)))))
                .limit(MAX_CANDIDATES)
                .forEach(doc -> found.add(toEntry(doc)));
        return found;
    }

    private static Document toDocument(String id, Entry entry) {
        return new Document("_id", id)
                .append("sourceLocale", entry.sourceLocale())
                .append("targetLocale", entry.targetLocale())
                .append("sourceText", entry.sourceText())
                .append("sourceHash", entry.sourceHash())
                .append("targetText", entry.targetText())
                .append("tokens", entry.tokens())
                .append("unitId", entry.unitId())
                .append("at", Date.from(entry.at()));
    }

    private static Entry toEntry(Document doc) {
        Date at = doc.getDate("at");
        return new Entry(
                doc.getString("sourceLocale"),
                doc.getString("targetLocale"),
                doc.getString("sourceText"),
                doc.getString("sourceHash"),
                doc.getString("targetText"),
                doc.getInteger("tokens", 0),
                doc.getString("unitId"),
                at == null ? null : at.toInstant());
    }
}
