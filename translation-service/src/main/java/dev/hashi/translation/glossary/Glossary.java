package dev.hashi.translation.glossary;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import dev.hashi.service.error.ConflictException;
import dev.hashi.service.mongo.VersionedDocuments;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

/** The glossary terms, one document each in {@value #COLLECTION}; the only class that touches it. */
public final class Glossary {

    public static final String COLLECTION = "glossary_terms";
    static final String RESOURCE = "glossary-term";

    private final MongoCollection<Document> terms;
    private final VersionedDocuments writer;

    private Glossary(MongoCollection<Document> terms) {
        this.terms = terms;
        this.writer = new VersionedDocuments(terms, RESOURCE, "version", null, null)
                .onDuplicateKey(e ->
                        new ConflictException("glossary.term-exists", "The pair's glossary has this term already."));
    }

    public static Glossary live(MongoDatabase database) {
        MongoCollection<Document> terms = database.getCollection(COLLECTION);
        terms.createIndex(Indexes.ascending("sourceLocale", "targetLocale", "key"), new IndexOptions().unique(true));
        terms.createIndex(Indexes.ascending("sourceLocale", "targetLocale", "key", "_id"));
        return new Glossary(terms);
    }

    void insert(GlossaryTerm term) {
        writer.insert(toDocument(term), List.of());
    }

    /** Writes {@code term} over version {@code expectedVersion}; {@code false} when it is at another one. */
    boolean tryUpdate(GlossaryTerm term, long expectedVersion) {
        return writer.tryUpdate(term.id(), expectedVersion, toDocument(term), List.of(), List.of());
    }

    boolean delete(String id, long expectedVersion) {
        return terms.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion)))
                        .getDeletedCount()
                > 0;
    }

    Optional<GlossaryTerm> find(String id) {
        return Optional.ofNullable(terms.find(Filters.eq("_id", id)).first()).map(Glossary::toTerm);
    }

    /** A page of the pair's terms in term order, with their total. */
    Page<GlossaryTerm> page(String source, String target, PageRequest page) {
        Bson pair = pair(source, target);
        List<GlossaryTerm> found = new ArrayList<>();
        terms.find(pair)
                .sort(Sorts.ascending("key", "_id"))
                .skip(page.offset())
                .limit(page.fetchSize())
                .forEach(doc -> found.add(toTerm(doc)));
        return Page.offset(found, page, terms.countDocuments(pair));
    }

    /** Every term of the pair (a glossary is small: hundreds, not millions). */
    List<GlossaryTerm> all(String source, String target) {
        List<GlossaryTerm> found = new ArrayList<>();
        terms.find(pair(source, target)).sort(Sorts.ascending("key", "_id")).forEach(doc -> found.add(toTerm(doc)));
        return found;
    }

    private static Bson pair(String source, String target) {
        return Filters.and(Filters.eq("sourceLocale", source), Filters.eq("targetLocale", target));
    }

    private static Document toDocument(GlossaryTerm term) {
        return new Document("_id", term.id())
                .append("sourceLocale", term.sourceLocale())
                .append("targetLocale", term.targetLocale())
                .append("term", term.term())
                .append("key", term.key())
                .append("translation", term.translation())
                .append("note", term.note())
                .append("forbidden", term.forbidden())
                .append("updatedBy", term.updatedBy())
                .append("updatedAt", Date.from(term.updatedAt()))
                .append("version", term.version());
    }

    private static GlossaryTerm toTerm(Document doc) {
        return new GlossaryTerm(
                doc.getString("_id"),
                doc.getString("sourceLocale"),
                doc.getString("targetLocale"),
                doc.getString("term"),
                doc.getString("translation"),
                doc.getString("note"),
                doc.getList("forbidden", String.class, List.of()),
                doc.getString("updatedBy"),
                doc.getDate("updatedAt").toInstant(),
                doc.get("version", Number.class).longValue());
    }
}
