package dev.hashi.translation.comment;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import dev.hashi.service.mongo.VersionedDocuments;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

/** The comments on units, one document each in {@value #COLLECTION}; the only class that touches it. */
public final class UnitComments {

    public static final String COLLECTION = "unit_comments";
    static final String RESOURCE = "comment";

    private final MongoCollection<Document> comments;
    private final VersionedDocuments writer;

    private UnitComments(MongoCollection<Document> comments) {
        this.comments = comments;
        this.writer = new VersionedDocuments(comments, RESOURCE, "version", null, null);
    }

    public static UnitComments live(MongoDatabase database) {
        MongoCollection<Document> comments = database.getCollection(COLLECTION);
        comments.createIndex(Indexes.ascending("unitId", "createdAt", "_id"));
        comments.createIndex(Indexes.ascending("unitId", "kind", "resolvedBy"));
        return new UnitComments(comments);
    }

    void insert(UnitComment comment) {
        writer.insert(toDocument(comment), List.of());
    }

    /** Writes {@code comment} if the stored one is still at {@code comment.version() - 1}. */
    boolean tryUpdate(UnitComment comment) {
        return writer.tryUpdate(comment.id(), comment.version() - 1, toDocument(comment), List.of(), List.of());
    }

    Optional<UnitComment> find(String unitId, String id) {
        return Optional.ofNullable(comments.find(Filters.and(Filters.eq("_id", id), Filters.eq("unitId", unitId)))
                        .first())
                .map(UnitComments::toComment);
    }

    /** A page of the unit's comments, oldest first, with their total. */
    Page<UnitComment> page(String unitId, PageRequest page) {
        Bson ofUnit = Filters.eq("unitId", unitId);
        List<UnitComment> found = new ArrayList<>();
        comments.find(ofUnit)
                .sort(Sorts.ascending("createdAt", "_id"))
                .skip(page.offset())
                .limit(page.fetchSize())
                .forEach(doc -> found.add(toComment(doc)));
        return Page.offset(found, page, comments.countDocuments(ofUnit));
    }

    /** Whether a question on the unit is still open. */
    boolean hasOpenQuestion(String unitId) {
        return comments.find(Filters.and(
                                Filters.eq("unitId", unitId),
                                Filters.eq("kind", UnitComment.Kind.QUESTION.wireName()),
                                Filters.eq("resolvedBy", null)))
                        .first()
                != null;
    }

    private static Document toDocument(UnitComment comment) {
        return new Document("_id", comment.id())
                .append("unitId", comment.unitId())
                .append("kind", comment.kind().wireName())
                .append("text", comment.text())
                .append("replyTo", comment.replyTo())
                .append("createdBy", comment.createdBy())
                .append("createdAt", Date.from(comment.createdAt()))
                .append("resolvedBy", comment.resolvedBy())
                .append("resolvedAt", comment.resolvedAt() == null ? null : Date.from(comment.resolvedAt()))
                .append("version", comment.version());
    }

    private static UnitComment toComment(Document doc) {
        Date resolvedAt = doc.getDate("resolvedAt");
        return new UnitComment(
                doc.getString("_id"),
                doc.getString("unitId"),
                UnitComment.Kind.fromWire(doc.getString("kind")).orElseThrow(),
                doc.getString("text"),
                doc.getString("replyTo"),
                doc.getString("createdBy"),
                doc.getDate("createdAt").toInstant(),
                doc.getString("resolvedBy"),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                doc.get("version", Number.class).longValue());
    }
}
