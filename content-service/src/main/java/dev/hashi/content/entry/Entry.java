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
 * @param lastRevision only in documents written before revisions moved out of the entry: the newest revision, which
 *                     readers store in {@code revisions} before anything else; {@code null} in every new write
 * @param revisionId  the id of the revision that produced this version, in {@code revisions}
 * @param appliedJobs the scheduled jobs that changed this entry most recently (at most {@value #APPLIED_JOBS}), so a
 *                    job run again after its runner died sees that its action is done
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
        String revisionId,
        List<String> missing,
        List<String> refs,
        List<String> mediaRefs,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        List<AppliedJob> appliedJobs) {

    /** How many applied scheduled jobs an entry remembers. */
    public static final int APPLIED_JOBS = 20;

    /** A scheduled job that produced {@code version} of the entry. */
    public record AppliedJob(String jobId, long version) {}

    public Entry {
        content = content == null ? EntryContent.EMPTY : content;
        slugs = slugs == null ? Map.of() : Map.copyOf(slugs);
        slugHistory = slugHistory == null ? List.of() : List.copyOf(slugHistory);
        workflow = workflow == null ? Map.of() : Map.copyOf(workflow);
        published = published == null ? Map.of() : Map.copyOf(published);
        missing = missing == null ? List.of() : List.copyOf(missing);
        refs = refs == null ? List.of() : List.copyOf(refs);
        mediaRefs = mediaRefs == null ? List.of() : List.copyOf(mediaRefs);
        appliedJobs = appliedJobs == null ? List.of() : List.copyOf(appliedJobs);
    }

    /** The version scheduled job {@code jobId} produced, if this entry remembers applying it. */
    public java.util.Optional<Long> appliedBy(String jobId) {
        return appliedJobs.stream()
                .filter(j -> j.jobId().equals(jobId))
                .map(AppliedJob::version)
                .findFirst();
    }

    /** This entry remembering that scheduled job {@code jobId} produced its current version. */
    public Entry applying(String jobId) {
        List<AppliedJob> jobs = new java.util.ArrayList<>(appliedJobs);
        jobs.add(new AppliedJob(jobId, version));
        if (jobs.size() > APPLIED_JOBS) {
            jobs = jobs.subList(jobs.size() - APPLIED_JOBS, jobs.size());
        }
        return new Entry(
                id,
                type,
                version,
                itemSeq,
                content,
                slugs,
                slugHistory,
                workflow,
                published,
                lastRevision,
                revisionId,
                missing,
                refs,
                mediaRefs,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy,
                jobs);
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
                null,
                revision.id(),
                derived.missing(),
                derived.refs(),
                derived.mediaRefs(),
                createdAt,
                createdBy,
                revision.at(),
                revision.author(),
                appliedJobs);
    }

    /** Indexed facts derived from the content. */
    public record Derived(List<String> missing, List<String> refs, List<String> mediaRefs) {}
}
