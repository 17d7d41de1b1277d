/**
 * The console's own text in English and Japanese: ICU MessageFormat bundles per area, the UI language from a cookie
 * or {@code Accept-Language}.
 */
package dev.hashi.console.i18n;
