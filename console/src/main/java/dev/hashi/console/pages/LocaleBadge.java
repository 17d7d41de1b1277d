package dev.hashi.console.pages;

/**
 * What the list shows for one locale of a page.
 *
 * @param locale  the locale tag
 * @param state   {@code draft}, {@code in_review}, {@code published}, {@code archived}, or {@code null}
 * @param changed published, with a newer draft waiting to be published
 * @param waiting some localized value lacks this locale (translations waiting)
 */
record LocaleBadge(String locale, String state, boolean changed, boolean waiting) {}
