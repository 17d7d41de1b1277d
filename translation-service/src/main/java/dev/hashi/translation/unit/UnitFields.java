package dev.hashi.translation.unit;

/** Field names of the unit documents that the named queries filter, sort and group on. */
final class UnitFields {

    static final String ENTRY = "entryId";
    /** The content type key; stored under its earlier name so existing unit documents stay readable. */
    static final String TYPE = "contentType";

    static final String PATH = "path";
    static final String SOURCE_LOCALE = "sourceLocale";
    static final String TARGET_LOCALE = "targetLocale";
    static final String STATE = "state";
    static final String ASSIGNEE = "assignee";
    static final String DUE_AT = "dueAt";
    static final String DUE_SORT = "dueSort";
    static final String PRIORITY = "priority";
    static final String REMOVED = "removed";
    static final String SOURCE_SIZE = "source.size";
    static final String SOURCE_SIZE_UNIT = "source.sizeUnit";
    static final String TITLES = "titles";
    static final String VERSIONS = "versions";
    static final String REV = "rev";
    static final String HISTORY = "history";
    /** The path with item ids left out ({@code sessions[].title}), the key of source-only rules. */
    static final String FIELD_PATH = "fieldPath";
    /** The path with its numbers made to sort in document order ({@code p-2} before {@code p-10}). */
    static final String PATH_KEY = "pathKey";

    static final String DECISION = "decision";
    /** The source-only rule a unit's decision comes from, at the top level so it can be indexed sparsely. */
    static final String RULE = "decisionRule";

    static final String OPEN_QUESTION = "openQuestion";

    private UnitFields() {}
}
