package dev.hashi.console.translate;

import dev.hashi.console.support.Json;

import tools.jackson.databind.JsonNode;

/** A translation unit as the gateway's {@code UnitView} describes it, flattened for the templates. */
record Unit(
        String unitId,
        String entryId,
        String type,
        String path,
        String sourceLocale,
        String targetLocale,
        String state,
        String sourceText,
        String sourceHash,
        long size,
        String sizeUnit,
        String targetText,
        String draftText,
        String draftTranslator,
        String draftComment,
        String sourceTitle,
        String targetTitle,
        String assignee,
        String dueAt,
        boolean openQuestion,
        String oldSourceText,
        long version) {

    static Unit of(JsonNode unit) {
        JsonNode source = unit.path("source");
        JsonNode titles = unit.path("titles");
        String sourceLocale = Json.text(unit, "sourceLocale");
        String targetLocale = Json.text(unit, "targetLocale");
        return new Unit(
                Json.text(unit, "unitId"),
                Json.text(unit, "entryId"),
                Json.text(unit, "type"),
                Json.text(unit, "path"),
                sourceLocale,
                targetLocale,
                Json.text(unit, "state"),
                Json.text(source, "text"),
                Json.text(source, "hash"),
                Json.number(source, "size", 0),
                Json.text(source, "sizeUnit"),
                Json.text(unit.path("target"), "text"),
                Json.text(unit.path("draft"), "text"),
                Json.text(unit.path("draft"), "translator"),
                Json.text(unit.path("draft"), "comment"),
                sourceLocale == null ? null : Json.text(titles, sourceLocale),
                targetLocale == null ? null : Json.text(titles, targetLocale),
                Json.text(unit, "assignee"),
                Json.text(unit, "dueAt"),
                unit.path("openQuestion").asBoolean(false),
                Json.text(unit.path("outdated"), "oldSourceText"),
                Json.number(unit, "version", 0));
    }

    /** The page's title to show: in the source locale, else in the target locale, else {@code null}. */
    public String pageTitle() {
        return sourceTitle != null ? sourceTitle : targetTitle;
    }

    /** The locale {@link #pageTitle()} is in. */
    public String pageTitleLocale() {
        return sourceTitle != null ? sourceLocale : targetLocale;
    }

    /** Whether the size counts characters (Japanese) rather than words. */
    public boolean countsCharacters() {
        return "characters".equals(sizeUnit);
    }

    /** A translator may write (submit) in these states. */
    public boolean open() {
        return state != null
                && switch (state) {
                    case "untranslated", "outdated", "in_progress", "rejected", "translated" -> true;
                    default -> false;
                };
    }

    public boolean awaitingReview() {
        return "translated".equals(state);
    }
}
