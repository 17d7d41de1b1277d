package dev.hashi.content.entry;

import java.time.Instant;
import java.util.Optional;

import dev.hashi.locale.Texts;

/**
 * The source-locale rule: a localized field's source is the locale of its first value. Writing that locale again
 * is a source write; writing any other locale is a translation of the current source text.
 */
final class Origins {

    private Origins() {}

    static void assign(ContentDraft draft, String author, Instant at) {
        for (String key : draft.written()) {
            FieldValue value = draft.values().get(key);
            if (value == null) {
                continue;
            }
            draft.values()
                    .put(
                            key,
                            new FieldValue(
                                    value.path(), value.locale(), value.value(), origin(draft, value, author, at)));
        }
    }

    private static Origin origin(ContentDraft draft, FieldValue value, String author, Instant at) {
        if (value.locale() == null) {
            return new Origin(null, author, at, null, null);
        }
        Optional<FieldValue> source = draft.values().values().stream()
                .filter(v -> v.path().equals(value.path())
                        && v.isSource()
                        && !v.locale().equals(value.locale()))
                .findFirst();
        if (source.isPresent()) {
            String sourceText = (String) source.get().value();
            return new Origin(source.get().locale(), author, at, null, Texts.sourceHash(sourceText));
        }
        return new Origin(value.locale(), author, at, null, Texts.sourceHash((String) value.value()));
    }
}
