package dev.hashi.service.locale;

import dev.hashi.locale.LocaleException;
import dev.hashi.locale.LocaleNegotiator;
import dev.hashi.locale.LocaleTag;
import dev.hashi.locale.SupportedLocales;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.InvalidInputException;

/**
 * Locale tags sent by clients, checked against the supported locales: the one place where a rejected tag becomes
 * {@code request.invalid} with a field error naming where it came from, the toolkit's code
 * ({@code locale.invalid}, {@code locale.unsupported}) and the value.
 */
public final class LocaleInput {

    private final SupportedLocales supported;
    private final LocaleNegotiator negotiator;

    public LocaleInput(SupportedLocales supported) {
        this.supported = supported;
        this.negotiator = new LocaleNegotiator(supported);
    }

    public SupportedLocales supported() {
        return supported;
    }

    /**
     * The supported locale {@code value} names.
     *
     * @param field where the value came from (a parameter or body property), for the field error
     * @throws InvalidInputException {@code required} when absent, else the toolkit's code
     */
    public LocaleTag require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.field(field, ProblemCodes.FIELD_REQUIRED, "A locale is required.");
        }
        try {
            return supported.require(value);
        } catch (LocaleException e) {
            throw invalid(field, e);
        }
    }

    /** The supported locale {@code value} names, or {@code null} when it is absent or blank. */
    public LocaleTag optional(String field, String value) {
        return value == null || value.isBlank() ? null : require(field, value);
    }

    /** The request's locale: {@code ?locale=} wins, else {@code Accept-Language}, else the default. */
    public LocaleTag negotiate(String queryParam, String acceptLanguage) {
        try {
            return negotiator.negotiate(queryParam, acceptLanguage);
        } catch (LocaleException e) {
            throw invalid("locale", e);
        }
    }

    private static InvalidInputException invalid(String field, LocaleException e) {
        return InvalidInputException.field(field, e.code(), e.getMessage(), e.rejectedValue());
    }
}
