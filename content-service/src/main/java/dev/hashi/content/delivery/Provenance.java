package dev.hashi.content.delivery;

import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.FieldValue;
import dev.hashi.content.entry.Origin;
import dev.hashi.content.entry.PublishedLocale;
import dev.hashi.locale.Texts;

/**
 * Where a delivered value came from: for a translation, its source locale, its unit and when it was written, and
 * whether the source has changed since. The source compared with is the one the reader could see: the source locale's
 * published value, or for an editor's preview the current draft's.
 */
final class Provenance {

    private Provenance() {}

    /**
     * The provenance of {@code value} of {@code entry}, or {@code null} when it is not a translation or its origin is
     * not known (a field that is not localized, a snapshot published before origins were kept).
     */
    static DeliveredEntry.Translation of(PublishedLocale.Resolved value, Entry entry, boolean drafts) {
        Origin origin = value.origin();
        if (value.locale() == null
                || origin == null
                || origin.locale() == null
                || origin.locale().equals(value.locale())) {
            return null;
        }
        String current =
                drafts ? draftSourceHash(entry, value.path()) : publishedSourceHash(entry, value.path(), origin);
        boolean outdated = current != null && origin.sourceHash() != null && !current.equals(origin.sourceHash());
        return new DeliveredEntry.Translation(
                origin.locale(),
                origin.unitId() == null ? DeliveredEntry.Translation.VIA_EDITOR : DeliveredEntry.Translation.VIA_UNIT,
                origin.unitId(),
                origin.at(),
                outdated ? Boolean.TRUE : null);
    }

    private static String draftSourceHash(Entry entry, String path) {
        return entry.content()
                .source(path)
                .map(FieldValue::origin)
                .map(Origin::sourceHash)
                .orElse(null);
    }

    /** The hash of the source locale's published value at {@code path}; {@code null} when that is not published. */
    private static String publishedSourceHash(Entry entry, String path, Origin origin) {
        PublishedLocale source = entry.published().get(origin.locale());
        if (source == null) {
            return null;
        }
        for (PublishedLocale.Resolved candidate : source.values()) {
            if (candidate.path().equals(path) && origin.locale().equals(candidate.locale())) {
                if (candidate.origin() != null
                        && origin.locale().equals(candidate.origin().locale())) {
                    return candidate.origin().sourceHash();
                }
                return candidate.value() instanceof String text ? Texts.sourceHash(text) : null;
            }
        }
        return null;
    }
}
