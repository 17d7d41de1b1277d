package dev.hashi.console.pages;

/**
 * One value of the editor: a field in one locale.
 *
 * @param locale       the locale tag, {@code null} for a value every locale shares
 * @param text         the value as text (the editor's input); {@code null} when the locale has none
 * @param editable     a localized text value (or its absence) the editor can change
 * @param source       the value other locales are translated from
 * @param originLocale for a translation, the locale it was translated from
 * @param updatedBy    who wrote it
 * @param outdated     a translation whose source changed since
 * @param unitId       the translation unit it landed from, if any
 * @param fallback     for a missing value: the locale delivery shows instead, else {@code null}
 * @param current      after a conflict: the text stored now, shown under the editor's own; else {@code null}
 * @param clash        the field changed on both sides since the editor's version
 */
record Cell(
        String locale,
        String text,
        boolean editable,
        boolean source,
        String originLocale,
        String updatedBy,
        boolean outdated,
        String unitId,
        String fallback,
        String current,
        boolean clash) {

    public boolean present() {
        return text != null;
    }

    /** Long or multi-line values get a text area. */
    public boolean longText() {
        return text != null && (text.length() > 80 || text.contains("\n"));
    }

    Cell withEdit(String edited, String currentText, boolean clashes) {
        return new Cell(
                locale,
                edited,
                editable,
                source,
                originLocale,
                updatedBy,
                outdated,
                unitId,
                fallback,
                currentText,
                clashes);
    }
}
