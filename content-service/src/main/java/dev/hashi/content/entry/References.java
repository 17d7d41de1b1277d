package dev.hashi.content.entry;

import java.util.List;
import java.util.Map;

import dev.hashi.service.error.FieldError;
import dev.hashi.service.error.InvalidInputException;

/**
 * Checks that referenced entries exist and have an allowed type: {@code request.invalid} with a field error per bad
 * reference ({@code entry.reference-missing}, {@code entry.reference-type}).
 */
final class References {

    private References() {}

    static void check(Entries entries, List<EntryInput.Reference> references) {
        if (references.isEmpty()) {
            return;
        }
        Map<String, String> types = entries.typesOf(
                references.stream().map(EntryInput.Reference::entryId).toList());
        List<FieldError> errors = new java.util.ArrayList<>();
        for (EntryInput.Reference reference : references) {
            String type = types.get(reference.entryId());
            if (type == null) {
                errors.add(new FieldError(
                        EntryInput.field(reference.path()),
                        "entry.reference-missing",
                        "'" + reference.path() + "' refers to an entry that does not exist.",
                        reference.entryId()));
            } else if (!reference.allowedTypes().contains(type)) {
                errors.add(new FieldError(
                        EntryInput.field(reference.path()),
                        "entry.reference-type",
                        "'" + reference.path() + "' may only refer to " + reference.allowedTypes() + ", not " + type
                                + ".",
                        reference.entryId()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
