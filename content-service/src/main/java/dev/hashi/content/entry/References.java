package dev.hashi.content.entry;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.hashi.service.web.ApiProblem;

/** Checks that referenced entries exist and have an allowed type. */
final class References {

    private References() {}

    static void check(Entries entries, List<EntryInput.Reference> references) {
        if (references.isEmpty()) {
            return;
        }
        Map<String, String> types = entries.typesOf(
                references.stream().map(EntryInput.Reference::entryId).toList());
        for (EntryInput.Reference reference : references) {
            String type = types.get(reference.entryId());
            if (type == null) {
                throw new ApiProblem(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "entry.reference-missing",
                                "'" + reference.path() + "' refers to an entry that does not exist.")
                        .with("path", reference.path())
                        .with("value", reference.entryId());
            }
            if (!reference.allowedTypes().contains(type)) {
                throw new ApiProblem(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "entry.reference-type",
                                "'" + reference.path() + "' may only refer to " + reference.allowedTypes() + ".")
                        .with("path", reference.path())
                        .with("value", reference.entryId())
                        .with("type", type);
            }
        }
    }
}
