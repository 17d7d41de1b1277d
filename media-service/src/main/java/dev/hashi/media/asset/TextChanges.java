package dev.hashi.media.asset;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import dev.hashi.events.media.MediaTextChange;
import dev.hashi.locale.Texts;

/** The translatable values ({@code title}, {@code alt}, {@code caption}, {@code contact}) one version changed. */
final class TextChanges {

    static final String CONTACT = "contact";

    private TextChanges() {}

    /** What {@code after} wrote or removed compared with {@code before} ({@code null}: everything it has). */
    static List<MediaTextChange> between(Asset before, Asset after) {
        List<MediaTextChange> changes = new ArrayList<>();
        for (MetadataField field : MetadataField.values()) {
            compare(field.wire(), before == null ? Map.of() : before.texts(field), after.texts(field), changes);
        }
        compare(
                CONTACT,
                before == null ? Map.of() : before.availability().contactText(),
                after.availability().contactText(),
                changes);
        return List.copyOf(changes);
    }

    private static void compare(
            String field,
            Map<String, LocalizedText> before,
            Map<String, LocalizedText> after,
            List<MediaTextChange> changes) {
        TreeSet<String> locales = new TreeSet<>(before.keySet());
        locales.addAll(after.keySet());
        for (String locale : locales) {
            LocalizedText was = before.get(locale);
            LocalizedText is = after.get(locale);
            if (Objects.equals(was, is)) {
                continue;
            }
            if (is == null) {
                changes.add(
                        new MediaTextChange(field, locale, was.origin(), null, sourceHash(was, after, before), true));
            } else {
                changes.add(new MediaTextChange(
                        field, locale, is.origin(), nfc(is.text()), sourceHash(is, after, after), false));
            }
        }
    }

    /** The hash of the source text {@code value} is (an original) or was translated from (its origin's text). */
    private static String sourceHash(
            LocalizedText value, Map<String, LocalizedText> texts, Map<String, LocalizedText> fallback) {
        LocalizedText source = texts.get(value.origin());
        if (source == null) {
            source = fallback.get(value.origin());
        }
        return Texts.sourceHash(source == null ? value.text() : source.text());
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
