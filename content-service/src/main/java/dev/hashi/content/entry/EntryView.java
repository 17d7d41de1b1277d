package dev.hashi.content.entry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.TypeCatalog;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An entry for editors and translators: every locale's value of every field with its origin.
 *
 * @param fields nested by field key; a localized field maps locale tags to {@link ValueView}s, other fields are one
 *               {@link ValueView}; component lists are arrays of items with their {@code id}
 */
public record EntryView(
        String entryId,
        String type,
        long version,
        Map<String, String> slugs,
        Map<String, LocaleStatus> workflow,
        List<String> missing,
        Map<String, Object> fields,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /**
     * @param originLocale the locale the value was written in (for a translation, its source locale)
     * @param updatedBy    who wrote the value
     * @param updatedAt    when
     * @param source       whether this is the value the field's other locales are translated from
     * @param outdated     for a translation: the source changed since it was made
     */
    @Schema(name = "EntryValue")
    public record ValueView(
            Object value,
            String originLocale,
            String updatedBy,
            Instant updatedAt,
            String unitId,
            String sourceHash,
            boolean source,
            boolean outdated) {}

    /**
     * A locale's workflow state and what delivery currently serves for it.
     *
     * @param updatedAt        when the locale reached {@code state}
     * @param updatedBy        who moved it there
     * @param publishedVersion the entry version delivery serves for the locale, {@code null} when unpublished
     */
    @Schema(name = "EntryLocaleStatus")
    public record LocaleStatus(
            WorkflowState state,
            Instant updatedAt,
            String updatedBy,
            Long publishedVersion,
            Instant publishedAt,
            String publishedSlug) {}

    public static EntryView of(Entry entry, TypeCatalog catalog, List<String> locales) {
        ContentType type = catalog.require(entry.type());
        EntryContent content = entry.content();
        Map<String, Object> fields = new ContentTree(catalog, content::items).render(type, (path, definition) -> {
            if (!definition.localized()) {
                return content.value(path, null).map(v -> view(v, content)).orElse(null);
            }
            Map<String, ValueView> perLocale = new LinkedHashMap<>();
            content.valuesAt(path).forEach(v -> perLocale.put(v.locale(), view(v, content)));
            return perLocale.isEmpty() ? null : perLocale;
        });
        Map<String, LocaleStatus> workflow = new LinkedHashMap<>();
        for (String locale : locales) {
            LocaleState state = entry.workflow().get(locale);
            PublishedLocale published = entry.published().get(locale);
            workflow.put(
                    locale,
                    new LocaleStatus(
                            entry.state(locale),
                            state == null ? null : state.at(),
                            state == null ? null : state.by(),
                            published == null ? null : published.revision(),
                            published == null ? null : published.at(),
                            published == null ? null : published.slug()));
        }
        return new EntryView(
                entry.id(),
                entry.type(),
                entry.version(),
                entry.slugs(),
                workflow,
                entry.missing(),
                fields,
                entry.createdAt(),
                entry.createdBy(),
                entry.updatedAt(),
                entry.updatedBy());
    }

    private static ValueView view(FieldValue value, EntryContent content) {
        Origin origin = value.origin();
        boolean outdated = false;
        if (value.locale() != null && !value.isSource()) {
            outdated = content.source(value.path())
                    .map(s -> !s.origin().sourceHash().equals(origin.sourceHash()))
                    .orElse(false);
        }
        return new ValueView(
                value.value(),
                origin.locale(),
                origin.author(),
                origin.at(),
                origin.unitId(),
                origin.sourceHash(),
                value.isSource(),
                outdated);
    }
}
