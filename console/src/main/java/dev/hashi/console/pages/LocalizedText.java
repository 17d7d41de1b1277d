package dev.hashi.console.pages;

/** A content value and the locale it is in, rendered with {@code lang}. */
record LocalizedText(String locale, String text) {}
