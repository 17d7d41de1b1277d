package dev.hashi.translation.rebuild;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * Leases in the {@value #COLLECTION} collection, shared by every replica: one document per lease name holding its
 * owner and expiry, taken by insert or by a compare-and-set on an expired one, released only by its owner. The only
 * class that touches the collection.
 */
@Repository
class RebuildLocks {

    static final String COLLECTION = "locks";

    private final MongoCollection<Document> locks;

    RebuildLocks(MongoDatabase database) {
        this.locks = database.getCollection(COLLECTION);
    }

    /** Takes lease {@code name} for {@code owner} until {@code expiresAt}; false when another owner holds it. */
    boolean tryAcquire(String name, String owner, Instant now, Instant expiresAt) {
        Document lease = new Document("_id", name).append("owner", owner).append("expiresAt", Date.from(expiresAt));
        try {
            locks.insertOne(lease);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return locks.updateOne(
                                Filters.and(Filters.eq("_id", name), Filters.lt("expiresAt", Date.from(now))),
                                Updates.combine(
                                        Updates.set("owner", owner), Updates.set("expiresAt", Date.from(expiresAt))))
                        .getMatchedCount()
                == 1;
    }

    /** Releases lease {@code name} if {@code owner} still holds it. */
    void release(String name, String owner) {
        locks.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("owner", owner)));
    }
}
