package dev.hashi.content.entry;

import java.util.List;
import java.util.Set;

import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.TypeCatalog;

/**
 * One editor's change of an entry's content, applied to a draft of the version the editor read; that version may be
 * older than the stored one, and {@link EntryEditing} then merges the result (see {@link ThreeWayMerge}).
 */
interface ContentEdit {

    /** The locale the edit was made in (its workflow returns to draft), {@code null} for none in particular. */
    String locale();

    /** The slug requested for {@link #locale()}, {@code null} for none. */
    String slug();

    /** Whether the editor marked source edits as minor. */
    boolean minor();

    /**
     * Applies the edit to {@code draft}.
     *
     * @throws dev.hashi.service.error.DomainException when the edit is invalid; the draft is then discarded
     */
    Applied apply(ContentDraft draft, ContentType type, TypeCatalog catalog);

    /**
     * What applying the edit found out besides its changes.
     *
     * @param references entry references to check against the stored entries
     * @param tested     value keys ({@code path|locale}) the edit only read (JSON Patch {@code test}): a concurrent
     *                   change of one of them is a conflict too
     */
    record Applied(List<EntryInput.Reference> references, Set<String> tested) {}
}
