package dev.hashi.translation.unit;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/**
 * The source-only rules ({@value #COLLECTION}), one document each, its id derived from its scope; the only class
 * that touches the collection.
 */
public final class SourceOnlyRules {

    public static final String COLLECTION = "source_only_rules";

    private final MongoCollection<Document> rules;

    private SourceOnlyRules(MongoCollection<Document> rules) {
        this.rules = rules;
    }

    public static SourceOnlyRules live(MongoDatabase database) {
        MongoCollection<Document> rules = database.getCollection(COLLECTION);
        rules.createIndex(Indexes.ascending("type", "fieldPath", "targetLocale"));
        rules.createIndex(Indexes.ascending("entryId", "targetLocale"));
        return new SourceOnlyRules(rules);
    }

    /** Stores {@code rule}; {@code false} when a rule of the same scope exists. */
    public boolean insert(SourceOnlyRule rule) {
        try {
            rules.insertOne(toDocument(rule));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<SourceOnlyRule> find(String id) {
        return Optional.ofNullable(rules.find(Filters.eq("_id", id)).first()).map(SourceOnlyRules::toRule);
    }

    /** Removes the rule; {@code false} when there was none. */
    public boolean delete(String id) {
        return rules.deleteOne(Filters.eq("_id", id)).getDeletedCount() > 0;
    }

    /** Up to {@code limit} rules in id order after {@code afterId} ({@code null}: from the start). */
    public List<SourceOnlyRule> list(String afterId, int limit) {
        List<SourceOnlyRule> found = new ArrayList<>();
        rules.find(afterId == null ? Filters.empty() : Filters.gt("_id", afterId))
                .sort(Sorts.ascending("_id"))
                .limit(limit)
                .forEach(doc -> found.add(toRule(doc)));
        return found;
    }

    /** The rule covering {@code unit}: one for its field path first, else one for its entry. */
    public Optional<SourceOnlyRule> covering(Unit unit) {
        Document byPath = rules.find(Filters.and(
                        Filters.eq("type", unit.type()),
                        Filters.eq("fieldPath", FieldPaths.fieldPath(unit.path())),
                        Filters.eq("targetLocale", unit.targetLocale())))
                .first();
        Document found = byPath != null
                ? byPath
                : rules.find(Filters.and(
                                Filters.eq("entryId", unit.entryId()), Filters.eq("targetLocale", unit.targetLocale())))
                        .first();
        return Optional.ofNullable(found).map(SourceOnlyRules::toRule);
    }

    private static Document toDocument(SourceOnlyRule rule) {
        return new Document("_id", rule.id())
                .append("type", rule.type())
                .append("fieldPath", rule.fieldPath())
                .append("entryId", rule.entryId())
                .append("targetLocale", rule.targetLocale())
                .append("reason", rule.reason())
                .append("createdBy", rule.createdBy())
                .append("createdAt", Date.from(rule.createdAt()));
    }

    private static SourceOnlyRule toRule(Document doc) {
        return new SourceOnlyRule(
                doc.getString("_id"),
                doc.getString("type"),
                doc.getString("fieldPath"),
                doc.getString("entryId"),
                doc.getString("targetLocale"),
                doc.getString("reason"),
                doc.getString("createdBy"),
                doc.getDate("createdAt").toInstant());
    }
}
