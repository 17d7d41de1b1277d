package dev.hashi.console.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * HTTP sessions as documents of the collection {@code sessions}: {@code _id} (the session id), {@code creationTime},
 * {@code lastAccessedTime}, {@code maxInactiveInterval} (seconds; negative: never expires), {@code expireAt} (with a
 * TTL index, so MongoDB removes idle sessions) and {@code attributes} (the attribute map, JDK-serialized).
 *
 * <p>A session is read only while it has not expired; an expired one found on reading is deleted (a server without TTL
 * support never removes it otherwise). A save replaces the whole document. Ending a session (sign-out, a changed id)
 * leaves a marker until the session would have expired, so a request that loaded it before cannot save it back.
 */
final class MongoSessions implements SessionRepository<MapSession> {

    static final String COLLECTION = "sessions";
    static final String EXPIRE_AT = "expireAt";
    static final String ENDED = "ended";

    private static final Logger log = LoggerFactory.getLogger(MongoSessions.class);

    private final MongoCollection<Document> sessions;
    private final Duration timeout;
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer;

    /**
     * @param database    the console's database
     * @param timeout     how long a new session lives without a request
     * @param classLoader where the attributes' classes are loaded from
     */
    MongoSessions(MongoDatabase database, Duration timeout, ClassLoader classLoader) {
        this.sessions = database.getCollection(COLLECTION);
        this.timeout = timeout;
        this.deserializer = new DeserializingConverter(classLoader);
    }

    /** The TTL index on {@code expireAt}: MongoDB removes a document once that time has passed. */
    void createIndexes() {
        sessions.createIndex(
                Indexes.ascending(EXPIRE_AT),
                new IndexOptions().name("sessions_ttl").expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public MapSession createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(timeout);
        return session;
    }

    @Override
    public void save(MapSession session) {
        if (!session.getId().equals(session.getOriginalId())) {
            end(session.getOriginalId());
        }
        try {
            sessions.replaceOne(live(session.getId()), document(session), new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            log.debug("Session ended by another request; not saved again");
        }
    }

    @Override
    public MapSession findById(String id) {
        Document found = sessions.find(live(id)).first();
        if (found == null) {
            return null;
        }
        MapSession session;
        try {
            session = session(found);
        } catch (SerializationFailedException e) {
            log.warn(
                    "Session attributes no longer readable (a changed class?); the session is dropped: {}",
                    e.toString());
            sessions.deleteOne(Filters.eq("_id", id));
            return null;
        }
        if (session.isExpired()) {
            sessions.deleteOne(Filters.eq("_id", id));
            return null;
        }
        return session;
    }

    /** Ends the session: it is never found again, and a later save of it is dropped. */
    @Override
    public void deleteById(String id) {
        end(id);
    }

    private void end(String id) {
        sessions.updateOne(
                Filters.eq("_id", id),
                Updates.combine(
                        Updates.set(ENDED, true),
                        Updates.unset("attributes"),
                        Updates.set(EXPIRE_AT, Date.from(Instant.now().plus(timeout)))));
    }

    private static Bson live(String id) {
        return Filters.and(Filters.eq("_id", id), Filters.exists(ENDED, false));
    }

    private Document document(MapSession session) {
        Map<String, Object> attributes = new HashMap<>();
        for (String name : session.getAttributeNames()) {
            attributes.put(name, session.getAttribute(name));
        }
        Document document = new Document("_id", session.getId())
                .append("creationTime", Date.from(session.getCreationTime()))
                .append("lastAccessedTime", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveInterval", session.getMaxInactiveInterval().toSeconds())
                .append("attributes", new Binary(serializer.convert(attributes)));
        if (!session.getMaxInactiveInterval().isNegative()) {
            document.append(EXPIRE_AT, Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval())));
        }
        return document;
    }

    private MapSession session(Document document) {
        MapSession session = new MapSession(document.getString("_id"));
        session.setCreationTime(document.getDate("creationTime").toInstant());
        session.setLastAccessedTime(document.getDate("lastAccessedTime").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(
                document.get("maxInactiveInterval", Number.class).longValue()));
        Map<?, ?> attributes = (Map<?, ?>)
                deserializer.convert(document.get("attributes", Binary.class).getData());
        attributes.forEach((name, value) -> session.setAttribute((String) name, value));
        return session;
    }
}
