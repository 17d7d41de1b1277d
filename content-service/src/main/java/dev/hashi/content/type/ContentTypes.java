package dev.hashi.content.type;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

import dev.hashi.content.common.Documents;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentTypeChanged;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.identity.Identity;
import dev.hashi.service.kafka.OutboxRelayScheduler;
import dev.hashi.service.web.ApiProblem;
import dev.hashi.service.web.RequestIdFilter;

/** The content types, stored in {@code content_types}; each change announces {@code content.type.changed}. */
@Component
public class ContentTypes {

    private final MongoCollection<Document> collection;
    private final Outbox outbox;
    private final OutboxRelayScheduler relay;
    private final Clock clock;

    ContentTypes(MongoDatabase database, Outbox outbox, OutboxRelayScheduler relay, Clock clock) {
        this.collection = database.getCollection("content_types");
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /** Every type, read now. */
    public TypeCatalog catalog() {
        Map<String, ContentType> types = new HashMap<>();
        for (Document document : collection.find()) {
            ContentType type = read(document);
            types.put(type.key(), type);
        }
        return new TypeCatalog(types);
    }

    public Optional<ContentType> find(String key) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", key)).first())
                .map(ContentTypes::read);
    }

    /**
     * Creates or replaces a type. A definition equal to the stored one changes nothing and emits nothing.
     *
     * @return the stored type
     */
    public ContentType define(String key, ContentTypeRequest request, Identity caller) {
        TypeCatalog catalog = catalog();
        DefinitionRules.check(key, request, catalog);
        Optional<ContentType> current = catalog.find(key);
        if (current.isPresent() && sameDefinition(current.get(), request)) {
            return current.get();
        }
        long version = current.map(ContentType::version).orElse(0L) + 1;
        Instant now = clock.instant();
        ContentType type = new ContentType(
                key,
                request.name(),
                request.component(),
                request.titleField(),
                request.fields(),
                version,
                now,
                caller.subject());
        List<String> localized = catalog.with(type).localizedPaths(type);
        EventEnvelope<ContentTypeChanged> event = EventEnvelope.of(
                new ContentTypeChanged(key, localized),
                "type:" + key,
                version,
                RequestIdFilter.current(),
                caller.subject(),
                now);
        Document state = Documents.toDocument(type);
        try {
            if (current.isEmpty()) {
                collection.insertOne(outbox.withEvents(state.append("_id", key), List.of(event)));
            } else {
                List<Bson> sets = state.entrySet().stream()
                        .map(e -> Updates.set(e.getKey(), e.getValue()))
                        .toList();
                UpdateResult result = collection.updateOne(
                        Filters.and(Filters.eq("_id", key), Filters.eq("version", version - 1)),
                        Updates.combine(Updates.combine(sets), outbox.append(List.of(event))));
                if (result.getMatchedCount() == 0) {
                    throw changedMeanwhile(key);
                }
            }
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw changedMeanwhile(key);
            }
            throw e;
        }
        relay.nudge("content_types", key);
        return type;
    }

    private static boolean sameDefinition(ContentType stored, ContentTypeRequest request) {
        return stored.name().equals(request.name())
                && stored.component() == request.component()
                && Objects.equals(stored.titleField(), request.titleField())
                && stored.fields().equals(request.fields());
    }

    private static ContentType read(Document document) {
        return Documents.fromDocument(document, ContentType.class);
    }

    private static ApiProblem changedMeanwhile(String key) {
        return new ApiProblem(
                        HttpStatus.CONFLICT,
                        "type.changed-meanwhile",
                        "Another change to this type was saved at the same time; retry.")
                .with("value", key);
    }
}
