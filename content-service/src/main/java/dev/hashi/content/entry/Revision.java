package dev.hashi.content.entry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An immutable record of one entry version.
 *
 * @param revision the entry version this revision produced
 * @param kind     {@code create}, {@code save}, {@code restore}, {@code translation}, or a workflow action
 * @param locale   for workflow actions, the locale acted on
 * @param changes  values changed, per field path and locale
 * @param content  the whole content after the change
 * @param basedOn  for an edit made against an older version and merged onto the newer one, that older version;
 *                 {@code null} otherwise
 */
public record Revision(
        @JsonProperty("_id") String id,
        String entryId,
        long revision,
        String kind,
        String locale,
        String author,
        Instant at,
        List<Change> changes,
        EntryContent content,
        Map<String, String> slugs,
        Long basedOn) {

    /** One value's before and after; {@code null} for absent. */
    @Schema(name = "RevisionChange")
    public record Change(String path, String locale, Object before, Object after) {}

    /**
     * A new revision id for version {@code revision} of an entry, never used before: of two writes racing for the same
     * version, each stages its own revision and only the winner's is ever committed.
     */
    static String idOf(String entryId, long revision) {
        return entryId + ":" + revision + ":" + java.util.UUID.randomUUID();
    }
}
