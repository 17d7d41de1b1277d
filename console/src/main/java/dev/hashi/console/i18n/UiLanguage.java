package dev.hashi.console.i18n;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

/**
 * The console's UI language: the {@value #COOKIE} cookie set by the language switch, else the first of the
 * browser's {@code Accept-Language} languages the console speaks, else English. Only {@code en} and {@code ja} are
 * ever chosen, whatever the cookie says.
 */
public final class UiLanguage implements LocaleResolver {

    public static final String COOKIE = "hashi_ui_lang";

    private final boolean secureCookie;

    public UiLanguage(boolean secureCookie) {
        this.secureCookie = secureCookie;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    Locale chosen = supported(cookie.getValue());
                    if (chosen != null) {
                        return chosen;
                    }
                }
            }
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale wanted : Collections.list(request.getLocales())) {
                Locale chosen = supported(wanted.getLanguage());
                if (chosen != null) {
                    return chosen;
                }
            }
        }
        return IcuMessageSource.LANGUAGES.get(0);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = locale == null ? null : supported(locale.getLanguage());
        Cookie cookie = new Cookie(COOKIE, chosen == null ? "" : chosen.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookie);
        cookie.setMaxAge(chosen == null ? 0 : 365 * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** The UI language for a language code, or {@code null} if the console does not speak it. */
    public static Locale supported(String language) {
        if (language == null) {
            return null;
        }
        for (Locale candidate : IcuMessageSource.LANGUAGES) {
            if (candidate.getLanguage().equalsIgnoreCase(language.trim())) {
                return candidate;
            }
        }
        return null;
    }
}
