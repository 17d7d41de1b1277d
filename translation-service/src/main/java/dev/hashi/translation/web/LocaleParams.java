package dev.hashi.translation.web;

import org.springframework.http.HttpStatus;

import dev.hashi.locale.LocaleException;
import dev.hashi.locale.LocaleTag;
import dev.hashi.locale.SupportedLocales;
import dev.hashi.locale.UnsupportedLocaleException;
import dev.hashi.service.web.ApiProblem;

/** Validates locale tags sent by clients; a bad one is a 400 problem with the toolkit's code and the value. */
public final class LocaleParams {

    private LocaleParams() {}

    /** The supported locale {@code value} names, or {@code null} when {@code value} is {@code null} or blank. */
    public static LocaleTag optional(SupportedLocales locales, String name, String value) {
        return value == null || value.isBlank() ? null : require(locales, name, value);
    }

    public static LocaleTag require(SupportedLocales locales, String name, String value) {
        try {
            return locales.require(value);
        } catch (LocaleException failure) {
            ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, failure.code(), failure.getMessage())
                    .with("parameter", name)
                    .with("value", failure.rejectedValue());
            if (failure instanceof UnsupportedLocaleException unsupported) {
                problem.with(
                        "supported",
                        unsupported.supported().stream().map(LocaleTag::tag).toList());
            }
            throw problem;
        }
    }
}
