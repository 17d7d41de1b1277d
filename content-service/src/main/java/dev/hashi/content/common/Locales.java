package dev.hashi.content.common;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.hashi.locale.LocaleException;
import dev.hashi.locale.LocaleNegotiator;
import dev.hashi.locale.LocaleTag;
import dev.hashi.locale.SupportedLocales;
import dev.hashi.locale.UnsupportedLocaleException;
import dev.hashi.service.web.ApiProblem;

/** The configured locales, with client-supplied tags turned into 400 problems that name the offending value. */
public final class Locales {

    private final SupportedLocales supported;
    private final LocaleNegotiator negotiator;

    public Locales(SupportedLocales supported) {
        this.supported = supported;
        this.negotiator = new LocaleNegotiator(supported);
    }

    public SupportedLocales supported() {
        return supported;
    }

    /** Every supported tag, canonical, in configured order. */
    public List<String> tags() {
        return supported.all().stream().map(LocaleTag::tag).toList();
    }

    public String defaultTag() {
        return supported.defaultLocale().tag();
    }

    /**
     * The canonical tag of a supported locale.
     *
     * @throws ApiProblem 400 {@code locale.invalid} or {@code locale.unsupported} with the value
     */
    public String require(String value) {
        if (value == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "locale.missing", "A locale is required.");
        }
        try {
            return supported.require(value).tag();
        } catch (LocaleException e) {
            throw problem(e);
        }
    }

    /** The request's locale: {@code ?locale=} wins, else {@code Accept-Language}, else the default. */
    public String negotiate(String queryParam, String acceptLanguage) {
        try {
            return negotiator.negotiate(queryParam, acceptLanguage).tag();
        } catch (LocaleException e) {
            throw problem(e);
        }
    }

    /** The locales to try for {@code tag}, the tag itself first. */
    public List<String> chain(String tag) {
        return supported.fallbackChain(LocaleTag.parse(tag)).stream()
                .map(LocaleTag::tag)
                .toList();
    }

    private ApiProblem problem(LocaleException e) {
        ApiProblem problem =
                new ApiProblem(HttpStatus.BAD_REQUEST, e.code(), e.getMessage()).with("value", e.rejectedValue());
        if (e instanceof UnsupportedLocaleException unsupported) {
            problem.with(
                    "supported",
                    unsupported.supported().stream().map(LocaleTag::tag).toList());
        }
        return problem;
    }
}
