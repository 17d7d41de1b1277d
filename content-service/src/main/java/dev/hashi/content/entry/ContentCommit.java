package dev.hashi.content.entry;

import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.TypeCatalog;

/**
 * One content change of an entry, ready to be committed as its next version.
 *
 * @param before  the stored entry the change is based on
 * @param catalog the content types at the moment of the change
 * @param type    the entry's type
 * @param content the whole content after the change
 * @param itemSeq the last list item number used after the change
 * @param slugs   slugs and slug history after the change
 * @param kind    the revision kind: {@code create}, {@code save}, {@code restore}, {@code translation}
 * @param locale  the locale the change was made in (it becomes a draft); {@code null} for none in particular
 * @param minor   the editor marked a source edit as minor (translations stay current)
 * @param basedOn for an edit merged onto a newer version, the older version it was made against; else {@code null}
 */
record ContentCommit(
        Entry before,
        TypeCatalog catalog,
        ContentType type,
        EntryContent content,
        int itemSeq,
        Slugging.SlugState slugs,
        String kind,
        String locale,
        boolean minor,
        Long basedOn) {}
