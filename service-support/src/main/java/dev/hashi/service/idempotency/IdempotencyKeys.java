package dev.hashi.service.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/**
 * Remembered {@code Idempotency-Key}s, in the service's own {@code idempotency_keys} collection: a key is claimed
 * before the request runs (a unique {@code _id}, so two replicas cannot both run it), and completed with the
 * response to replay. Records expire after the configured time to live (a TTL index where the server has them,
 * and a check on read everywhere).
 */
public final class IdempotencyKeys {

    /** A claim that was not completed within this time is taken to be abandoned (its runner died). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final MongoCollection<Document> collection;
    private final Duration ttl;
    private final Clock clock;

    /** What a claim found. */
    public sealed interface Claim {}

    /** The key was free and is now held by this request. */
    public record Claimed() implements Claim {}

    /** The key is held by a request with another fingerprint. */
    public record Reused() implements Claim {}

    /** The key is held by a request with this fingerprint that has not finished. */
    public record InProgress() implements Claim {}

    /** A finished response to replay. */
    public record Completed(int status, Map<String, String> headers, byte[] body) implements Claim {}

    public IdempotencyKeys(MongoDatabase database, Duration ttl, Clock clock) {
        this.collection = database.getCollection("idempotency_keys");
        this.ttl = ttl;
        this.clock = clock;
        try {
            collection.createIndex(
                    Indexes.ascending("expiresAt"),
                    new IndexOptions().name("expires").expireAfter(0L, TimeUnit.SECONDS));
        } catch (MongoException e) {
            // a server without TTL indexes: expired records are ignored on read and replaced on claim
        }
    }

    /** Claims {@code id} for a request with {@code fingerprint}, or says what holds it. */
    public Claim claim(String id, String fingerprint) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            try {
                collection.insertOne(new Document("_id", id)
                        .append("fingerprint", fingerprint)
                        .append("state", "pending")
                        .append("claimedAt", Date.from(now))
                        .append("expiresAt", Date.from(now.plus(ttl))));
                return new Claimed();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document held = collection.find(Filters.eq("_id", id)).first();
            if (held == null) {
                continue;
            }
            boolean expired = held.getDate("expiresAt").toInstant().isBefore(now);
            boolean abandoned = "pending".equals(held.getString("state"))
                    && held.getDate("claimedAt")
                            .toInstant()
                            .plus(ABANDONED_AFTER)
                            .isBefore(now);
            if (expired || abandoned) {
                collection.deleteOne(
                        Filters.and(Filters.eq("_id", id), Filters.eq("claimedAt", held.getDate("claimedAt"))));
                continue;
            }
            if (!fingerprint.equals(held.getString("fingerprint"))) {
                return new Reused();
            }
            if (!"complete".equals(held.getString("state"))) {
                return new InProgress();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            held.get("headers", Document.class).forEach((name, value) -> headers.put(name, (String) value));
            return new Completed(
                    held.getInteger("status"),
                    headers,
                    held.get("body", Binary.class).getData());
        }
        return new InProgress();
    }

    /** Stores the response of a claimed key, for replay. */
    public void complete(String id, int status, Map<String, String> headers, byte[] body) {
        collection.updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("state", "pending")),
                Updates.combine(
                        Updates.set("state", "complete"),
                        Updates.set("status", status),
                        Updates.set("headers", new Document(new LinkedHashMap<String, Object>(headers))),
                        Updates.set("body", new Binary(body))));
    }

    /** Releases a claimed key whose request failed, so it can be retried. */
    public void release(String id) {
        collection.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "pending")));
    }

    /** The stored record, for tests and diagnostics. */
    Optional<Document> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first());
    }
}
