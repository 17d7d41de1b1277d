package dev.hashi.media.asset;

import java.util.Objects;

/**
 * One locale's text of a localizable field.
 *
 * @param text   the text, never blank
 * @param origin the locale it was written in: the locale it is stored under for an original, the source locale
 *               for a translation
 */
public record LocalizedText(String text, String origin) {

    public LocalizedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }
}
