package dev.hashi.content.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.hashi.content.common.Locales;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.EventPayload;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.DomainException;

/**
 * Turns one change of an entry into its next version: the revision, the workflow effect, the derived index fields,
 * at most one event, all stored in one compare-and-set.
 */
@Component
public class EntryCommits {

    private final Entries entries;
    private final RevisionLog revisions;
    private final Locales locales;
    private final ContentTypes types;

    EntryCommits(Entries entries, RevisionLog revisions, Locales locales, ContentTypes types) {
        this.entries = entries;
        this.revisions = revisions;
        this.locales = locales;
        this.types = types;
    }

    /**
     * A workflow change: same content, new workflow, snapshots or slugs, by {@code context}'s caller at its instant.
     *
     * @param kind   the revision kind (the workflow action)
     * @param locale the locale acted on
     * @param event  the event the change causes, {@code null} for none
     * @throws dev.hashi.service.error.VersionConflictException when the entry changed since {@code before}
     */
    public Entry commitWorkflow(
            Entry before,
            String kind,
            String locale,
            Map<String, LocaleState> workflow,
            Map<String, PublishedLocale> published,
            Slugging.SlugState slugs,
            EventPayload event,
            CommandContext context) {
        return commitWorkflow(before, kind, locale, workflow, published, slugs, event, null, context);
    }

    /**
     * Like {@link #commitWorkflow(Entry, String, String, Map, Map, Slugging.SlugState, EventPayload, CommandContext)}
     * for scheduled job {@code jobId} ({@code null} for none), which the entry then remembers as applied in the same
     * write.
     */
    public Entry commitWorkflow(
            Entry before,
            String kind,
            String locale,
            Map<String, LocaleState> workflow,
            Map<String, PublishedLocale> published,
            Slugging.SlugState slugs,
            EventPayload event,
            String jobId,
            CommandContext context) {
        Instant now = context.at();
        String actor = context.actor();
        Revision revision = new Revision(
                Revision.idOf(before.id(), before.version() + 1),
                before.id(),
                before.version() + 1,
                kind,
                locale,
                actor,
                now,
                List.of(),
                before.content(),
                slugs.slugs(),
                null);
        Entry after = before.next(
                before.content(),
                before.itemSeq(),
                slugs.slugs(),
                slugs.history(),
                workflow,
                published,
                revision,
                new Entry.Derived(before.missing(), before.refs(), before.mediaRefs()));
        return store(before, jobId == null ? after : after.applying(jobId), revision, event, types.catalog(), context);
    }

    /** A content change. Returns {@code before} unchanged when nothing differs. */
    Entry commitContent(ContentCommit commit, CommandContext context) {
        Entry before = commit.before();
        EntryContent content = commit.content();
        Slugging.SlugState slugs = commit.slugs();
        String locale = commit.locale();
        List<Revision.Change> changes = Changes.between(before.content(), content);
        if (changes.isEmpty() && slugs.slugs().equals(before.slugs())) {
            return before;
        }
        Instant now = context.at();
        String actor = context.actor();
        long version = before.version() + 1;
        Map<String, LocaleState> workflow = new LinkedHashMap<>(before.workflow());
        for (String touched : touchedLocales(changes, locale, workflow.keySet())) {
            if (before.state(touched) != WorkflowState.DRAFT || !workflow.containsKey(touched)) {
                workflow.put(touched, new LocaleState(WorkflowState.DRAFT, now, actor));
            }
        }
        Revision revision = new Revision(
                Revision.idOf(before.id(), version),
                before.id(),
                version,
                commit.kind(),
                locale,
                actor,
                now,
                changes,
                content,
                slugs.slugs(),
                commit.basedOn());
        Entry after = before.next(
                content,
                commit.itemSeq(),
                slugs.slugs(),
                slugs.history(),
                workflow,
                before.published(),
                revision,
                derive(commit.catalog(), commit.type(), content));
        EventPayload event = Changes.event(after, commit.type(), before.content(), content, commit.minor());
        return store(before, after, revision, event, commit.catalog(), context);
    }

    /**
     * Stores {@code after} with its {@code revision}: the revision is staged, the entry written pointing at it, then
     * the revision confirmed (see {@link RevisionLog}). The change's event goes into the same write, preceded by
     * {@code content.entry.references-changed} (same version) when the assets the draft or the published locales
     * reference changed: a consumer that marks every event of a version as seen still gets the references, which
     * media-service depends on.
     */
    private Entry store(
            Entry before,
            Entry after,
            Revision revision,
            EventPayload event,
            TypeCatalog catalog,
            CommandContext context) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        EventPayload references = AssetReferences.changed(before, after, catalog);
        if (references != null) {
            events.add(envelope(references, after, context));
        }
        if (event != null) {
            events.add(envelope(event, after, context));
        }
        revisions.settle(before);
        revisions.stage(revision);
        try {
            entries.save(before, after, events);
        } catch (DomainException refused) {
            revisions.discard(revision.id());
            throw refused;
        }
        revisions.confirm(revision.id());
        return after;
    }

    private static EventEnvelope<?> envelope(EventPayload payload, Entry after, CommandContext context) {
        return EventEnvelope.of(payload, after.id(), after.version(), context.traceId(), context.actor(), context.at());
    }

    private Set<String> touchedLocales(List<Revision.Change> changes, String locale, Set<String> known) {
        Set<String> touched = new LinkedHashSet<>();
        if (locale != null) {
            touched.add(locale);
        }
        for (Revision.Change change : changes) {
            if (change.locale() != null) {
                touched.add(change.locale());
            } else {
                touched.addAll(known);
            }
        }
        return touched;
    }

    /** Index fields derived from the content: missing locales, referenced entries and assets. */
    Entry.Derived derive(TypeCatalog catalog, ContentType type, EntryContent content) {
        Map<String, FieldDefinition> kinds = new LinkedHashMap<>();
        new ContentTree(catalog, content::items).leaves(type).forEach(l -> kinds.put(l.path(), l.definition()));
        Set<String> missing = new LinkedHashSet<>();
        List<String> refs = new ArrayList<>();
        List<String> media = new ArrayList<>();
        Map<String, Set<String>> localesByPath = new LinkedHashMap<>();
        for (FieldValue value : content.values()) {
            FieldDefinition definition = kinds.get(value.path());
            if (definition == null) {
                continue;
            }
            if (value.locale() != null) {
                localesByPath
                        .computeIfAbsent(value.path(), p -> new LinkedHashSet<>())
                        .add(value.locale());
            } else if (definition.kind().refersToEntries()) {
                refs.addAll(AssetReferences.ids(value.value()));
            } else if (definition.kind().refersToMedia()) {
                media.addAll(AssetReferences.ids(value.value()));
            }
        }
        for (Set<String> present : localesByPath.values()) {
            locales.tags().stream().filter(tag -> !present.contains(tag)).forEach(missing::add);
        }
        return new Entry.Derived(
                List.copyOf(missing),
                refs.stream().distinct().toList(),
                media.stream().filter(Objects::nonNull).distinct().toList());
    }
}
