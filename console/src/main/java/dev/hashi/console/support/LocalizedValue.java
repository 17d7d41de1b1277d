package dev.hashi.console.support;

/** A content value with the locale it is in, rendered with {@code lang="<locale>"}. */
public record LocalizedValue(String locale, String text) {}
