package dev.hashi.content.entry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.hashi.content.common.Documents;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.identity.Identity;
import dev.hashi.service.access.Access;
import dev.hashi.service.error.ConflictException;
import dev.hashi.service.error.NotFoundException;
import dev.hashi.service.error.VersionConflictException;
import dev.hashi.service.kafka.OutboxRelayScheduler;
import dev.hashi.service.mongo.VersionedDocuments;

/**
 * The entries, in {@code entries}. Every change goes through {@link VersionedDocuments}: one compare-and-set on
 * {@code version} that also appends the change's events to the document's outbox. A slug names one entry of its type
 * in every locale (an entry may share a slug between its locales) through a unique index on {@code slugKeys}
 * ({@code type/slug} of every current and historic slug).
 */
@Component
public class Entries {

    /** The resource name in problems. */
    public static final String RESOURCE = "entry";

    static final String DELETED = "deleted";
    private static final Bson LIVE = Filters.ne(DELETED, true);

    private final MongoCollection<Document> collection;
    private final VersionedDocuments writer;

    private final ApplicationEventPublisher written;

    Entries(MongoDatabase database, Outbox outbox, OutboxRelayScheduler relay, ApplicationEventPublisher written) {
        this.written = written;
        this.collection = database.getCollection("entries");
        this.writer = new VersionedDocuments(collection, RESOURCE, "version", outbox, relay::nudge)
                .onlyWhere(LIVE)
                .onDuplicateKey(e -> new ConflictException(
                        "slug.taken", "A slug of this entry was taken by another entry meanwhile."));
        collection.createIndex(
                Indexes.ascending("slugKeys"),
                new IndexOptions().name("slug_unique").unique(true).sparse(true));
        collection.createIndex(Indexes.ascending("type"), new IndexOptions().name("type"));
        collection.createIndex(Indexes.ascending("refs"), new IndexOptions().name("refs"));
        collection.createIndex(Indexes.ascending("mediaRefs"), new IndexOptions().name("media_refs"));
    }

    /**
     * Which entries a list shows; {@code null} members are not applied.
     *
     * @param state         a workflow state some locale of {@code stateLocales} is in
     * @param stateLocales  the locales {@code state} is looked for in
     * @param missingLocale a locale some localized value of the entry lacks
     */
    public record Query(String type, WorkflowState state, List<String> stateLocales, String missingLocale) {

        public static final Query ALL = new Query(null, null, List.of(), null);
    }

    public Optional<Entry> find(String id) {
        Document document =
                collection.find(Filters.and(Filters.eq("_id", id), LIVE)).first();
        return Optional.ofNullable(document).map(Entries::read);
    }

    /** @throws NotFoundException {@code entry.not-found} */
    public Entry require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
    }

    /**
     * The entry, for a caller who may read drafts; everyone else gets the same {@code entry.not-found} as for an
     * entry that does not exist, so drafts are never revealed.
     */
    public Entry requireVisibleTo(Identity caller, String id) {
        if (!Access.isStaff(caller)) {
            throw new NotFoundException(RESOURCE, id);
        }
        return require(id);
    }

    /**
     * The entry of {@code type} that holds or held {@code slug} in any locale: one read of the unique
     * {@code slugKeys} index. Documents written before slugs became unique per type are found by their per-locale
     * keys (one more key read per {@code legacyLocales} member).
     */
    public Optional<Entry> findBySlug(String type, String slug, List<String> legacyLocales) {
        Document document = collection
                .find(Filters.in("slugKeys", lookupKeys(type, slug, legacyLocales)))
                .first();
        return Optional.ofNullable(document)
                .filter(d -> !d.getBoolean(DELETED, false))
                .map(Entries::read);
    }

    /** Whether {@code slug} is taken for {@code type}, in any locale, by an entry other than {@code entryId}. */
    public boolean slugTaken(String type, String slug, String entryId, List<String> legacyLocales) {
        Document holder = collection
                .find(Filters.in("slugKeys", lookupKeys(type, slug, legacyLocales)))
                .projection(Projections.include("_id"))
                .first();
        return holder != null && !entryId.equals(holder.getString("_id"));
    }

    /** The live entries of {@code ids} that exist, by id (one {@code _id} read). */
    public Map<String, Entry> findAll(Collection<String> ids) {
        Map<String, Entry> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        collection.find(Filters.and(Filters.in("_id", ids), LIVE)).forEach(d -> found.put(d.getString("_id"), read(d)));
        return found;
    }

    private static List<String> lookupKeys(String type, String slug, List<String> legacyLocales) {
        List<String> keys = new ArrayList<>();
        keys.add(slugKey(type, slug));
        legacyLocales.forEach(locale -> keys.add(legacySlugKey(type, locale, slug)));
        return keys;
    }

    /** The types of those of {@code ids} that exist, by id. */
    public Map<String, String> typesOf(Collection<String> ids) {
        Map<String, String> types = new HashMap<>();
        if (ids.isEmpty()) {
            return types;
        }
        collection
                .find(Filters.and(Filters.in("_id", ids), LIVE))
                .projection(Projections.include("type"))
                .forEach(d -> types.put(d.getString("_id"), d.getString("type")));
        return types;
    }

    /** Up to {@code limit} entries matching {@code query} in id order, after {@code afterId} ({@code null}: from the start). */
    public List<Entry> search(Query query, String afterId, int limit) {
        Bson where =
                Filters.and(filter(query), LIVE, afterId == null ? Filters.exists("_id") : Filters.gt("_id", afterId));
        List<Entry> page = new ArrayList<>();
        collection.find(where).sort(Sorts.ascending("_id")).limit(limit).forEach(d -> page.add(read(d)));
        return page;
    }

    /** How many entries match {@code query}. */
    public long count(Query query) {
        return collection.countDocuments(Filters.and(filter(query), LIVE));
    }

    private static Bson filter(Query query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.exists("_id"));
        if (query.type() != null) {
            filters.add(Filters.eq("type", query.type()));
        }
        if (query.missingLocale() != null) {
            filters.add(Filters.eq("missing", query.missingLocale()));
        }
        if (query.state() != null) {
            String wire = query.state().wireName();
            List<Bson> perLocale = query.stateLocales().stream()
                    .map(l -> Filters.eq("workflow." + l + ".state", wire))
                    .toList();
            filters.add(perLocale.isEmpty() ? Filters.exists("_id", false) : Filters.or(perLocale));
        }
        return Filters.and(filters);
    }

    /**
     * Stores {@code after} in place of {@code before} if the stored version is still {@code before.version()},
     * with {@code events} in the same write. A {@code before} of version 0 is a new entry.
     *
     * @throws VersionConflictException when the entry changed meanwhile
     * @throws ConflictException        {@code slug.taken} when a slug was taken meanwhile
     */
    public void save(Entry before, Entry after, List<? extends EventEnvelope<?>> events) {
        Document state = Documents.toDocument(after);
        List<String> keys = slugKeys(after);
        if (before.version() == 0) {
            if (!keys.isEmpty()) {
                state.append("slugKeys", keys);
            }
            writer.insert(state, events);
        } else {
            Bson slugs = keys.isEmpty() ? Updates.unset("slugKeys") : Updates.set("slugKeys", keys);
            writer.update(before.id(), before.version(), state, List.of(slugs), events);
        }
        announce(events);
    }

    /** Marks an entry deleted; the outbox relay removes it after publishing {@code events}. */
    public void delete(Entry before, List<? extends EventEnvelope<?>> events) {
        writer.apply(
                before.id(),
                before.version(),
                List.of(
                        Updates.set(DELETED, true),
                        Updates.inc("version", 1),
                        Updates.unset("slugKeys"),
                        Outbox.deleteWhenRelayed()),
                events);
        announce(events);
    }

    /**
     * Tells this replica's listeners (its delivery cache and index) about events just written, before the outbox
     * relay brings them to Kafka and to the other replicas: a reader's next request on this replica sees the write.
     */
    private void announce(List<? extends EventEnvelope<?>> events) {
        events.forEach(written::publishEvent);
    }

    /** The key that makes {@code slug} name one entry of {@code type}, whatever its locale. */
    public static String slugKey(String type, String slug) {
        return type + "/" + slug;
    }

    /** The per-locale key of documents written before slugs became unique per type. */
    static String legacySlugKey(String type, String locale, String slug) {
        return type + "/" + locale + "/" + slug;
    }

    private static List<String> slugKeys(Entry entry) {
        Set<String> keys = new HashSet<>();
        entry.slugs().values().forEach(slug -> keys.add(slugKey(entry.type(), slug)));
        entry.slugHistory().forEach(h -> keys.add(slugKey(entry.type(), h.slug())));
        entry.published().values().forEach(p -> keys.add(slugKey(entry.type(), p.slug())));
        return keys.stream().sorted().toList();
    }

    static Entry read(Document document) {
        return Documents.fromDocument(document, Entry.class);
    }
}
