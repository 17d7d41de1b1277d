package dev.hashi.content.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.hashi.content.common.Locales;
import dev.hashi.content.type.ContentType;
import dev.hashi.locale.Slugs;
import dev.hashi.service.error.ConflictException;
import dev.hashi.service.error.InvalidInputException;

/**
 * Slugs per locale; a slug names one entry of its type in every locale (an entry may share one between its
 * locales). A locale's slug comes from its own title in its own script ({@code 北九州市}, never pinyin), else from
 * the first title along its fallback chain, else another locale's slug, else a short id. A generated slug follows
 * the title: when the title it would now come from gives another slug, it is generated again. A slug an editor set
 * stays until an editor changes it (a slug that is exactly what some title of the entry gives counts as generated).
 * A published locale's old slug goes to the history when the locale is published again and keeps resolving.
 */
@Component
public class Slugging {

    private static final Pattern NUMBER_SUFFIX = Pattern.compile("-[0-9]+$");

    private final TakenSlugs taken;
    private final Locales locales;

    /** Whether a slug is held, for a type and in any locale, by an entry other than the one named. */
    @FunctionalInterface
    interface TakenSlugs {
        boolean taken(String type, String slug, String entryId);
    }

    @Autowired
    Slugging(Entries entries, Locales locales) {
        this((type, slug, entryId) -> entries.slugTaken(type, slug, entryId, locales.tags()), locales);
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
                        "Slugs are lower-case letters and digits (of any script, NFKC-normalised) joined by single"
                                + " hyphens, at most " + Slugs.MAX_LENGTH + " characters.",
                        requested);
            }
            if (taken.taken(type.key(), requested, before.id())) {
                throw new ConflictException("slug.taken", "Another " + type.key() + " already uses this slug.")
                        .with("value", requested)
                        .with("locale", locale);
            }
            String old = slugs.put(locale, requested);
            if (old != null && !old.equals(requested) && before.published().containsKey(locale)) {
                history.add(new SlugRecord(locale, old, now));
            }
        }
        if (type.titleField() != null) {
            Set<String> generatedBases = generatedBases(type, before);
            for (String tag : locales.tags()) {
                if (requested != null && tag.equals(locale)) {
                    continue;
                }
                Optional<String> title = title(type, content, tag);
                if (title.isEmpty()) {
                    continue;
                }
                String current = slugs.get(tag);
                if (current == null) {
                    slugs.put(tag, generate(type, before.id(), tag, title.get(), slugs));
                } else if (generatedBases.stream().anyMatch(b -> derives(current, b))) {
                    Optional<String> wanted = Slugs.fromTitle(title.get());
                    if (wanted.isPresent() && !derives(current, wanted.get())) {
                        slugs.put(tag, generate(type, before.id(), tag, title.get(), slugs));
                    }
                }
            }
        }
        return new SlugState(slugs, history);
    }

    /**
     * A free slug for {@code locale}: from {@code title} when it gives one, else another locale's slug, else a short
     * id of the entry and locale; suffixed {@code -2}, {@code -3}… while another entry holds it.
     */
    public String generate(ContentType type, String entryId, String locale, String title, Map<String, String> others) {
        Optional<String> fromTitle = title == null ? Optional.empty() : Slugs.fromTitle(title);
        String base = fromTitle
                .or(() -> others.entrySet().stream()
                        .filter(e -> !e.getKey().equals(locale))
                        .map(Map.Entry::getValue)
                        .findFirst())
                .orElseGet(() -> Slugs.shortId(entryId + "/" + locale));
        String candidate = base;
        for (int n = 2; taken.taken(type.key(), candidate, entryId); n++) {
            String suffix = "-" + n;
            candidate = cut(base, Slugs.MAX_LENGTH - suffix.length()) + suffix;
        }
        return candidate;
    }

    /** The title {@code locale} shows: its own, else the first along its fallback chain. */
    private Optional<String> title(ContentType type, EntryContent content, String locale) {
        return locales.chain(locale).stream()
                .map(l -> content.value(type.titleField(), l))
                .flatMap(Optional::stream)
                .map(v -> (String) v.value())
                .findFirst();
    }

    /** What generation could have made from the entry before the write: its titles' slugs and its short ids. */
    private Set<String> generatedBases(ContentType type, Entry before) {
        Set<String> bases = new HashSet<>();
        for (String tag : locales.tags()) {
            before.content()
                    .value(type.titleField(), tag)
                    .flatMap(v -> Slugs.fromTitle((String) v.value()))
                    .ifPresent(bases::add);
            bases.add(Slugs.shortId(before.id() + "/" + tag));
        }
        return bases;
    }

    /** Whether {@code slug} is {@code base}, or {@code base} with the {@code -n} a taken slug is given. */
    private static boolean derives(String slug, String base) {
        return slug.equals(base) || NUMBER_SUFFIX.matcher(slug).replaceFirst("").equals(base);
    }

    private static String cut(String slug, int codePoints) {
        return slug.codePointCount(0, slug.length()) <= codePoints
                ? slug
                : slug.substring(0, slug.offsetByCodePoints(0, codePoints));
    }
}
