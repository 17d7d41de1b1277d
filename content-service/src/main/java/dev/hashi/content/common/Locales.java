package dev.hashi.content.common;

import java.util.List;

import dev.hashi.locale.LocaleTag;
import dev.hashi.locale.SupportedLocales;
import dev.hashi.service.locale.LocaleInput;

/**
 * The configured content locales as canonical tags, with the fallback chains. Client-supplied tags are checked by
 * the shared {@link LocaleInput}, so a rejected tag is {@code request.invalid} with a field error naming where it came
 * from.
 */
public final class Locales {

    private final LocaleInput input;

    public Locales(SupportedLocales supported) {
        this.input = new LocaleInput(supported);
    }

    public SupportedLocales supported() {
        return input.supported();
    }

    /** Every supported tag, canonical, in configured order. */
    public List<String> tags() {
        return supported().all().stream().map(LocaleTag::tag).toList();
    }

    public String defaultTag() {
        return supported().defaultLocale().tag();
    }

    /**
     * The canonical tag of a supported locale sent by a client.
     *
     * @param field the parameter or body property the value came from
     * @throws dev.hashi.service.error.InvalidInputException naming {@code field} ({@code required},
     *     {@code locale.invalid}, {@code locale.unsupported})
     */
    public String require(String field, String value) {
        return input.require(field, value).tag();
    }

    /** Like {@link #require} but {@code null} for an absent value. */
    public String optional(String field, String value) {
        LocaleTag tag = input.optional(field, value);
        return tag == null ? null : tag.tag();
    }

    /** The request's locale: {@code ?locale=} wins, else {@code Accept-Language}, else the default. */
    public String negotiate(String queryParam, String acceptLanguage) {
        return input.negotiate(queryParam, acceptLanguage).tag();
    }

    /** The locales to try for {@code tag}, the tag itself first. */
    public List<String> chain(String tag) {
        return supported().fallbackChain(LocaleTag.parse(tag)).stream()
                .map(LocaleTag::tag)
                .toList();
    }
}
