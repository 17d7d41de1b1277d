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

    private UnitFields() {}
}
