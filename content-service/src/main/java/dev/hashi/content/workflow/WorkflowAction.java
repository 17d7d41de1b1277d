package dev.hashi.content.workflow;

import java.util.Locale;
import java.util.Optional;

/** What an editor can do to one locale of an entry. */
public enum WorkflowAction {
    SUBMIT,
    PUBLISH,
    UNPUBLISH,
    ARCHIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WorkflowAction> fromWire(String value) {
        for (WorkflowAction action : values()) {
            if (action.wireName().equals(value)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
