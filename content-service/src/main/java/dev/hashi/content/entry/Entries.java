package dev.hashi.content.entry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.hashi.content.common.Documents;
import dev.hashi.content.common.Versions;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.service.kafka.OutboxRelayScheduler;
import dev.hashi.service.web.ApiProblem;

/**
 * The entries, in {@code entries}. Every change is one compare-and-set on {@code version} that also appends the
 * change's events to the document's outbox. Slugs are unique per type and locale through a unique index on
 * {@code slugKeys} ({@code type/locale/slug} of every current and historic slug).
 */
@Component
public class Entries {

    static final String DELETED = "deleted";

    private final MongoCollection<Document> collection;
    private final Outbox outbox;
    private final OutboxRelayScheduler relay;

    Entries(MongoDatabase database, Outbox outbox, OutboxRelayScheduler relay) {
        this.collection = database.getCollection("entries");
        this.outbox = outbox;
        this.relay = relay;
        collection.createIndex(
                Indexes.ascending("slugKeys"),
                new IndexOptions().name("slug_unique").unique(true).sparse(true));
        collection.createIndex(Indexes.ascending("type"), new IndexOptions().name("type"));
        collection.createIndex(Indexes.ascending("refs"), new IndexOptions().name("refs"));
        collection.createIndex(Indexes.ascending("mediaRefs"), new IndexOptions().name("media_refs"));
    }

    public Optional<Entry> find(String id) {
        Document document = collection
                .find(Filters.and(Filters.eq("_id", id), Filters.ne(DELETED, true)))
                .first();
        return Optional.ofNullable(document).map(Entries::read);
    }

    /** @throws ApiProblem 404 {@code entry.not-found} */
    public Entry require(String id) {
        return find(id).orElseThrow(() -> dev.hashi.content.common.Access.notFound(id));
    }

    public Optional<Entry> findBySlug(String type, String locale, String slug) {
        Document document = collection
                .find(Filters.eq("slugKeys", slugKey(type, locale, slug)))
                .first();
        return Optional.ofNullable(document)
                .filter(d -> !d.getBoolean(DELETED, false))
                .map(Entries::read);
    }

    /** Whether {@code slug} is taken for (type, locale) by an entry other than {@code entryId}. */
    public boolean slugTaken(String type, String locale, String slug, String entryId) {
        Document holder = collection
                .find(Filters.eq("slugKeys", slugKey(type, locale, slug)))
                .projection(Projections.include("_id"))
                .first();
        return holder != null && !entryId.equals(holder.getString("_id"));
    }

    /** The types of those of {@code ids} that exist, by id. */
    public Map<String, String> typesOf(Collection<String> ids) {
        Map<String, String> types = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return types;
        }
        collection
                .find(Filters.and(Filters.in("_id", ids), Filters.ne(DELETED, true)))
                .projection(Projections.include("type"))
                .forEach(d -> types.put(d.getString("_id"), d.getString("type")));
        return types;
    }

    /**
     * Entries in id order after {@code afterId}, filtered by type, by workflow state in any of {@code stateLocales},
     * and by a locale some localized value lacks; {@code null} filters are not applied.
     */
    public List<Entry> search(
            String type,
            WorkflowState state,
            List<String> stateLocales,
            String missingLocale,
            String afterId,
            int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.exists("_id"));
        if (type != null) {
            filters.add(Filters.eq("type", type));
        }
        if (missingLocale != null) {
            filters.add(Filters.eq("missing", missingLocale));
        }
        if (state != null) {
            String wire = state.name().toLowerCase(java.util.Locale.ROOT);
            filters.add(Filters.or(stateLocales.stream()
                    .map(l -> Filters.eq("workflow." + l + ".state", wire))
                    .toList()));
        }
        return page(Filters.and(filters), afterId, limit);
    }

    /** Every entry in id order after {@code afterId}. */
    public List<Entry> all(String afterId, int limit) {
        return page(Filters.exists("_id"), afterId, limit);
    }

    /** Entries after {@code afterId} in id order. */
    private List<Entry> page(Bson filter, String afterId, int limit) {
        Bson where = Filters.and(
                filter,
                Filters.ne(DELETED, true),
                afterId == null ? Filters.exists("_id") : Filters.gt("_id", afterId));
        List<Entry> page = new ArrayList<>();
        collection.find(where).sort(Sorts.ascending("_id")).limit(limit).forEach(d -> page.add(read(d)));
        return page;
    }

    /**
     * Stores {@code after} in place of {@code before} if the stored version is still {@code before.version()},
     * with {@code events} in the same write. A {@code before} of version 0 is a new entry.
     *
     * @throws ApiProblem 412 {@code entry.version-conflict} when the entry changed meanwhile; 409
     *                    {@code slug.taken} when a slug was taken meanwhile
     */
    public void save(Entry before, Entry after, List<? extends EventEnvelope<?>> events, Bson extraUpdate) {
        Document state = Documents.toDocument(after);
        List<String> keys = slugKeys(after);
        try {
            if (before.version() == 0) {
                if (!keys.isEmpty()) {
                    state.append("slugKeys", keys);
                }
                collection.insertOne(events.isEmpty() ? state : outbox.withEvents(state, events));
            } else {
                List<Bson> updates = new ArrayList<>();
                state.forEach((field, value) -> {
                    if (!field.equals("_id")) {
                        updates.add(Updates.set(field, value));
                    }
                });
                updates.add(keys.isEmpty() ? Updates.unset("slugKeys") : Updates.set("slugKeys", keys));
                if (!events.isEmpty()) {
                    updates.add(outbox.append(events));
                }
                if (extraUpdate != null) {
                    updates.add(extraUpdate);
                }
                long matched = collection
                        .updateOne(
                                Filters.and(
                                        Filters.eq("_id", before.id()),
                                        Filters.eq("version", before.version()),
                                        Filters.ne(DELETED, true)),
                                Updates.combine(updates))
                        .getMatchedCount();
                if (matched == 0) {
                    throw Versions.conflict(
                            before.id(), find(before.id()).map(Entry::version).orElse(-1L));
                }
            }
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                if (before.version() == 0 && e.getError().getMessage().contains("_id")) {
                    throw e;
                }
                throw new ApiProblem(
                                HttpStatus.CONFLICT,
                                "slug.taken",
                                "A slug of this entry was taken by another entry meanwhile.")
                        .with("value", after.slugs());
            }
            throw e;
        }
        if (!events.isEmpty()) {
            relay.nudge("entries", after.id());
        }
    }

    /** Marks an entry deleted; the outbox relay removes it after publishing {@code events}. */
    public void delete(Entry before, List<? extends EventEnvelope<?>> events) {
        long matched = collection
                .updateOne(
                        Filters.and(
                                Filters.eq("_id", before.id()),
                                Filters.eq("version", before.version()),
                                Filters.ne(DELETED, true)),
                        Updates.combine(
                                Updates.set(DELETED, true),
                                Updates.inc("version", 1),
                                Updates.unset("slugKeys"),
                                Outbox.deleteWhenRelayed(),
                                outbox.append(events)))
                .getMatchedCount();
        if (matched == 0) {
            throw Versions.conflict(
                    before.id(), find(before.id()).map(Entry::version).orElse(-1L));
        }
        relay.nudge("entries", before.id());
    }

    public static String slugKey(String type, String locale, String slug) {
        return type + "/" + locale + "/" + slug;
    }

    private static List<String> slugKeys(Entry entry) {
        Set<String> keys = new HashSet<>();
        entry.slugs().forEach((locale, slug) -> keys.add(slugKey(entry.type(), locale, slug)));
        entry.slugHistory().forEach(h -> keys.add(slugKey(entry.type(), h.locale(), h.slug())));
        entry.published().forEach((locale, p) -> keys.add(slugKey(entry.type(), locale, p.slug())));
        return keys.stream().sorted().toList();
    }

    static Entry read(Document document) {
        return Documents.fromDocument(document, Entry.class);
    }
}
