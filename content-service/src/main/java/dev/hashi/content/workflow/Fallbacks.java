package dev.hashi.content.workflow;

import java.util.List;
import java.util.Optional;

import dev.hashi.content.entry.ContentTree;
import dev.hashi.content.entry.EntryContent;
import dev.hashi.content.entry.FieldValue;
import dev.hashi.content.entry.PublishedLocale;

/**
 * A field's value for a locale: the locale's own value, else the first along its fallback chain; a localized value
 * keeps its origin.
 */
public final class Fallbacks {

    private Fallbacks() {}

    /** The resolved value, or {@code null} when no locale of the chain has one. */
    public static PublishedLocale.Resolved resolve(EntryContent content, ContentTree.Leaf leaf, List<String> chain) {
        if (!leaf.definition().localized()) {
            return content.value(leaf.path(), null)
                    .map(v -> new PublishedLocale.Resolved(leaf.path(), v.value(), null))
                    .orElse(null);
        }
        for (String locale : chain) {
            Optional<FieldValue> value = content.value(leaf.path(), locale);
            if (value.isPresent()) {
                return new PublishedLocale.Resolved(
                        leaf.path(), value.get().value(), locale, value.get().origin());
            }
        }
        return null;
    }
}
