package dev.hashi.content.entry;

import java.util.List;

import dev.hashi.service.error.VersionConflictException;

/**
 * {@code version.conflict} (412) for an edit made against an older version that could not be merged: besides
 * {@code currentVersion} it names {@code baseVersion} (the version the edit was made against) and {@code conflicts},
 * the fields ({@code path} as stored, {@code locale} or {@code null}) and lists ({@code path}, {@code locale}
 * {@code null}) changed both by the edit and since that version; empty when that version is unknown.
 */
public class EditConflict extends VersionConflictException {

    EditConflict(Entry current, long baseVersion, List<ThreeWayMerge.Conflict> conflicts) {
        super(Entries.RESOURCE, current.id(), current.version());
        with("baseVersion", baseVersion);
        with("conflicts", List.copyOf(conflicts));
    }
}
