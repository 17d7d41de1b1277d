package dev.hashi.content.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.FieldKind;
import dev.hashi.locale.Texts;

/** Object mother for entry contents and entries in unit tests. */
final class Contents {

    static final Instant AT = Instant.parse("2003-10-28T01:00:00Z");

    /** An organisation-like type titled by its localized {@code name}. */
    static final ContentType ORGANISATION = new ContentType(
            "organisation",
            "Organisation",
            false,
            "name",
            List.of(
                    new FieldDefinition("name", FieldKind.TEXT, true, true, 200, null, List.of(), null, null),
                    new FieldDefinition("date", FieldKind.DATE, false, false, null, null, List.of(), null, null)),
            1,
            AT,
            "ada");

    private Contents() {}

    /** A source value of {@code path} in {@code locale}. */
    static FieldValue source(String path, String locale, String text) {
        return new FieldValue(path, locale, text, new Origin(locale, "eri", AT, null, Texts.sourceHash(text)));
    }

    /** A translation of {@code path} into {@code locale} from {@code sourceLocale}'s {@code sourceText}. */
    static FieldValue translation(String path, String locale, String text, String sourceLocale, String sourceText) {
        return new FieldValue(
                path, locale, text, new Origin(sourceLocale, "taro", AT, "u-1", Texts.sourceHash(sourceText)));
    }

    /** A value of a field that is not localized. */
    static FieldValue plain(String path, Object value) {
        return new FieldValue(path, null, value, new Origin(null, "eri", AT, null, null));
    }

    static EntryContent content(List<ItemList> lists, FieldValue... values) {
        return new EntryContent(lists, List.of(values));
    }

    static EntryContent content(FieldValue... values) {
        return content(List.of(), values);
    }

    /** A stored organisation entry with {@code content} and {@code slugs}. */
    static Entry entry(String id, EntryContent content, Map<String, String> slugs) {
        return new Entry(
                id,
                ORGANISATION.key(),
                1,
                0,
                content,
                slugs,
                new ArrayList<>(),
                Map.of(),
                Map.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                AT,
                "eri",
                AT,
                "eri",
                List.of());
    }
}
