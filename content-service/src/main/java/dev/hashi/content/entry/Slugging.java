package dev.hashi.content.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.hashi.content.common.Locales;
import dev.hashi.content.type.ContentType;
import dev.hashi.locale.Slugs;
import dev.hashi.service.error.ConflictException;
import dev.hashi.service.error.InvalidInputException;

/**
 * Slugs per locale, unique per type and locale. A locale gets one when it first has a title (its own, else one along
 * its fallback chain): from the title, or,
 * for a title with kanji (never read as pinyin), the slug of another locale, else a short id. Editors may set one.
 * Once set, a slug stays until an editor changes it; a published locale's old slug keeps resolving.
 */
@Component
public class Slugging {

    private final TakenSlugs taken;
    private final Locales locales;

    /** Whether a slug is held, for (type, locale), by an entry other than the one named. */
    @FunctionalInterface
    interface TakenSlugs {
        boolean taken(String type, String locale, String slug, String entryId);
    }

    @Autowired
    Slugging(Entries entries, Locales locales) {
        this(entries::slugTaken, locales);
    }

    Slugging(TakenSlugs taken, Locales locales) {
        this.taken = taken;
        this.locales = locales;
    }

    /** Slugs and slug history after a write. */
    public record SlugState(Map<String, String> slugs, List<SlugRecord> history) {}

    SlugState afterWrite(
            ContentType type, Entry before, EntryContent content, String requested, String locale, Instant now) {
        Map<String, String> slugs = new LinkedHashMap<>(before.slugs());
        List<SlugRecord> history = new ArrayList<>(before.slugHistory());
        if (requested != null) {
            if (!Slugs.isValid(requested)) {
                throw InvalidInputException.field(
                        "slug",
                        "slug.invalid",
                        "Slugs are lower-case ASCII letters and digits joined by single hyphens, at most "
                                + Slugs.MAX_LENGTH + " characters.",
                        requested);
            }
            if (taken.taken(type.key(), locale, requested, before.id())) {
                throw new ConflictException(
                                "slug.taken", "Another " + type.key() + " already uses this slug in " + locale + ".")
                        .with("value", requested)
                        .with("locale", locale);
            }
            String old = slugs.put(locale, requested);
            if (old != null && !old.equals(requested) && before.published().containsKey(locale)) {
                history.add(new SlugRecord(locale, old, now));
            }
        }
        if (type.titleField() != null) {
            for (String tag : locales.tags()) {
                if (!slugs.containsKey(tag)) {
                    locales.chain(tag).stream()
                            .map(l -> content.value(type.titleField(), l))
                            .flatMap(Optional::stream)
                            .findFirst()
                            .ifPresent(title ->
                                    slugs.put(tag, generate(type, before.id(), tag, (String) title.value(), slugs)));
                }
            }
        }
        return new SlugState(slugs, history);
    }

    /**
     * A free slug for {@code locale}: from {@code title} when it gives one, else another locale's slug, else a short
     * id of the entry and locale; suffixed {@code -2}, {@code -3}… while taken.
     */
    public String generate(ContentType type, String entryId, String locale, String title, Map<String, String> others) {
        Optional<String> fromTitle = title == null ? Optional.empty() : Slugs.fromTitle(title);
        String base = fromTitle
                .or(() -> others.values().stream().findFirst())
                .orElseGet(() -> Slugs.shortId(entryId + "/" + locale));
        String candidate = base;
        for (int n = 2; taken.taken(type.key(), locale, candidate, entryId); n++) {
            String suffix = "-" + n;
            candidate = base.substring(0, Math.min(base.length(), Slugs.MAX_LENGTH - suffix.length())) + suffix;
        }
        return candidate;
    }
}
