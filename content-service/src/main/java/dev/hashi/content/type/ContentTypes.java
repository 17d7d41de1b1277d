package dev.hashi.content.type;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.hashi.content.common.Documents;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentTypeChanged;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.VersionConflictException;
import dev.hashi.service.error.VersionRequiredException;
import dev.hashi.service.kafka.OutboxRelayScheduler;
import dev.hashi.service.mongo.VersionedDocuments;

/**
 * The content types, stored in {@code content_types} and written through {@link VersionedDocuments}; each change
 * announces {@code content.type.changed}.
 */
@Component
@EnableConfigurationProperties(ContentLimits.class)
public class ContentTypes {

    /** The resource name in problems. */
    public static final String RESOURCE = "type";

    private final MongoCollection<Document> collection;
    private final VersionedDocuments writer;
    private final ContentLimits limits;

    ContentTypes(MongoDatabase database, Outbox outbox, OutboxRelayScheduler relay, ContentLimits limits) {
        this.limits = limits;
        this.collection = database.getCollection("content_types");
        this.writer = new VersionedDocuments(collection, RESOURCE, "version", outbox, relay::nudge);
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

    /** What one entry may hold. */
    public ContentLimits limits() {
        return limits;
    }

    public Optional<ContentType> find(String key) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", key)).first())
                .map(ContentTypes::read);
    }

    /**
     * Creates or replaces a type. A definition equal to the stored one changes nothing and emits nothing.
     *
     * @param expectedVersion the version the change is based on; {@code null} to create, or to change a type without
     *                        naming its version (only the seed does that)
     * @return the stored type
     * @throws dev.hashi.service.error.InvalidInputException {@code request.invalid} listing every invalid definition
     *                                                       value
     * @throws VersionConflictException                      when the type is not at {@code expectedVersion}
     */
    public ContentType define(String key, ContentTypeRequest request, Long expectedVersion, CommandContext context) {
        TypeCatalog catalog = catalog();
        DefinitionRules.check(key, request, catalog, limits);
        Optional<ContentType> current = catalog.find(key);
        long currentVersion = current.map(ContentType::version).orElse(0L);
        if (expectedVersion != null && expectedVersion != currentVersion) {
            throw new VersionConflictException(RESOURCE, key, current.isEmpty() ? -1 : currentVersion);
        }
        if (current.isPresent() && sameDefinition(current.get(), request)) {
            return current.get();
        }
        long version = currentVersion + 1;
        ContentType type = new ContentType(
                key,
                request.name(),
                request.component(),
                request.titleField(),
                request.fields(),
                version,
                context.at(),
                context.actor(),
                request.publishPolicy());
        List<String> localized = catalog.with(type).localizedPaths(type);
        EventEnvelope<ContentTypeChanged> event = EventEnvelope.of(
                new ContentTypeChanged(key, localized),
                "type:" + key,
                version,
                context.traceId(),
                context.actor(),
                context.at());
        Document state = Documents.toDocument(type).append("_id", key);
        if (current.isEmpty()) {
            writer.insert(state, List.of(event));
        } else {
            writer.update(key, currentVersion, state, List.of(), List.of(event));
        }
        return type;
    }

    /**
     * Like {@link #define} for a change over the API: replacing an existing type with another definition names the
     * version it is based on.
     *
     * @throws VersionRequiredException when the type exists, the definition differs and no version is named
     */
    public ContentType defineNamingVersion(
            String key, ContentTypeRequest request, Long expectedVersion, CommandContext context) {
        if (expectedVersion == null) {
            Optional<ContentType> current = find(key);
            if (current.isPresent() && !sameDefinition(current.get(), request)) {
                throw new VersionRequiredException(RESOURCE);
            }
        }
        return define(key, request, expectedVersion, context);
    }

    private static boolean sameDefinition(ContentType stored, ContentTypeRequest request) {
        return stored.name().equals(request.name())
                && stored.component() == request.component()
                && Objects.equals(stored.titleField(), request.titleField())
                && stored.fields().equals(request.fields())
                && stored.publishPolicy().equals(request.publishPolicy());
    }

    private static ContentType read(Document document) {
        return Documents.fromDocument(document, ContentType.class);
    }
}
