package dev.hashi.content.entry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An entry as stored. {@code version} increases by one with every change that produces a revision and an event;
 * it is the entry's ETag and the events' aggregate version.
 *
 * @param itemSeq     last number used for a generated list item id
 * @param slugs       current slug per locale
 * @param slugHistory earlier slugs of published locales, still resolving
 * @param workflow    state per locale
 * @param published   the delivered snapshot per published locale
 * @param missing     locales some localized value of the entry lacks
 * @param refs        ids of referenced entries
 * @param mediaRefs   ids of referenced media assets
 */
public record Entry(
        @JsonProperty("_id") String id,
        String type,
        long version,
        int itemSeq,
        EntryContent content,
        Map<String, String> slugs,
        List<SlugRecord> slugHistory,
        Map<String, LocaleState> workflow,
        Map<String, PublishedLocale> published,
        Revision lastRevision,
        List<String> missing,
        List<String> refs,
        List<String> mediaRefs,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public Entry {
        content = content == null ? EntryContent.EMPTY : content;
        slugs = slugs == null ? Map.of() : Map.copyOf(slugs);
        slugHistory = slugHistory == null ? List.of() : List.copyOf(slugHistory);
        workflow = workflow == null ? Map.of() : Map.copyOf(workflow);
        published = published == null ? Map.of() : Map.copyOf(published);
        missing = missing == null ? List.of() : List.copyOf(missing);
        refs = refs == null ? List.of() : List.copyOf(refs);
        mediaRefs = mediaRefs == null ? List.of() : List.copyOf(mediaRefs);
    }

    public WorkflowState state(String locale) {
        LocaleState state = workflow.get(locale);
        return state == null ? WorkflowState.DRAFT : state.state();
    }

    /** This entry as the next version, with the given state. */
    public Entry next(
            EntryContent content,
            int itemSeq,
            Map<String, String> slugs,
            List<SlugRecord> slugHistory,
            Map<String, LocaleState> workflow,
            Map<String, PublishedLocale> published,
            Revision revision,
            Derived derived) {
        return new Entry(
                id,
                type,
                version + 1,
                itemSeq,
                content,
                slugs,
                slugHistory,
                workflow,
                published,
                revision,
                derived.missing(),
                derived.refs(),
                derived.mediaRefs(),
                createdAt,
                createdBy,
                revision.at(),
                revision.author());
    }

    /** Indexed facts derived from the content. */
    public record Derived(List<String> missing, List<String> refs, List<String> mediaRefs) {}
}
