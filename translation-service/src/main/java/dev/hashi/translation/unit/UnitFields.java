package dev.hashi.translation.unit;

/** Field names of the unit documents that other features filter, sort and group on. */
public final class UnitFields {

    public static final String ENTRY = "entryId";
    public static final String CONTENT_TYPE = "contentType";
    public static final String PATH = "path";
    public static final String SOURCE_LOCALE = "sourceLocale";
    public static final String TARGET_LOCALE = "targetLocale";
    public static final String STATE = "state";
    public static final String ASSIGNEE = "assignee";
    public static final String DUE_AT = "dueAt";
    public static final String DUE_SORT = "dueSort";
    public static final String PRIORITY = "priority";
    public static final String REMOVED = "removed";
    public static final String SOURCE_SIZE = "source.size";
    public static final String SOURCE_HASH = "source.hash";

    private UnitFields() {}
}
