package dev.hashi.events.consumer;

import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dev.hashi.events.EventEnvelope;

/**
 * Applies each event's effect at most once per consumer: an event whose id was seen, or whose
 * {@code aggregateVersion} is not newer than the last applied for its aggregate, is skipped.
 *
 * <p>The mark is written after the effect, so a crash in between means the effect runs again on redelivery:
 * effects must themselves be safe to repeat (for example a write guarded by the aggregate version). For the same
 * reason a mark that cannot be written (after {@value #MARK_ATTEMPTS} attempts) is logged, never thrown: the effect
 * was applied, and failing the record would retry it into the dead-letter topic as if it had not been.
 */
public final class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);
    private static final int RECENT_IDS = 64;
    static final int MARK_ATTEMPTS = 3;

    private final String name;
    private final MongoCollection<Document> marks;

    /**
     * @param name  the consumer's name; each consumer keeps its own marks
     * @param marks collection for the marks, owned by the consuming service
     */
    public IdempotentConsumer(String name, MongoCollection<Document> marks) {
        this.name = name;
        this.marks = marks;
    }

    /**
     * Runs {@code effect} unless the event was already applied.
     *
     * @return {@code true} when the effect ran
     */
    public boolean apply(EventEnvelope<?> event, Consumer<EventEnvelope<?>> effect) {
        String markId = name + ":" + event.aggregateId();
        Document mark = marks.find(Filters.eq("_id", markId)).first();
        if (mark != null && seen(mark, event)) {
            return false;
        }
        effect.accept(event);
        for (int attempt = 1; attempt <= MARK_ATTEMPTS; attempt++) {
            try {
                mark(markId, event);
                break;
            } catch (MongoException e) {
                if (attempt == MARK_ATTEMPTS) {
                    log.error(
                            "{} applied event {} ({} v{}) but could not mark it; a redelivery will apply it again",
                            name,
                            event.eventId(),
                            event.aggregateId(),
                            event.aggregateVersion(),
                            e);
                }
            }
        }
        return true;
    }

    private void mark(String markId, EventEnvelope<?> event) {
        try {
            marks.updateOne(
                    Filters.and(Filters.eq("_id", markId), Filters.lt("version", event.aggregateVersion())),
                    Updates.combine(
                            Updates.set("version", event.aggregateVersion()),
                            Updates.pushEach(
                                    "recent",
                                    List.of(event.eventId().toString()),
                                    new PushOptions().slice(-RECENT_IDS))),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static boolean seen(Document mark, EventEnvelope<?> event) {
        Number version = mark.get("version", Number.class);
        if (version != null && event.aggregateVersion() <= version.longValue()) {
            return true;
        }
        return mark.getList("recent", String.class, List.of())
                .contains(event.eventId().toString());
    }
}
