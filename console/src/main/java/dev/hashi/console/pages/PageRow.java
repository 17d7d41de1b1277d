package dev.hashi.console.pages;

import java.util.List;

/**
 * One page in the list.
 *
 * @param titles each title with the locale it is written in, for its {@code lang} attribute
 */
record PageRow(String entryId, String type, List<LocalizedText> titles, List<LocaleBadge> badges, String updatedAt) {}
