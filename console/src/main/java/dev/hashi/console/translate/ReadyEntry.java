package dev.hashi.console.translate;

import java.util.List;

/** An entry whose locale is published and changed since, with the values that differ. */
record ReadyEntry(String entryId, String type, String state, long version, String title, List<Change> changes) {

    /** One changed value; {@code unitId} when it is a landed translation. */
    record Change(String path, String change, String published, String draft, String author, String unitId) {}
}
