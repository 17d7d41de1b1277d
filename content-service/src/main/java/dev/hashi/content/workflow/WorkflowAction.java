package dev.hashi.content.workflow;

import java.util.Locale;
import java.util.Optional;

/**
 * What can be done to one locale of an entry: editors submit, publish, unpublish and archive; reviewers (and
 * editors) approve a locale in review, which publishes it, or return it to draft.
 */
public enum WorkflowAction {
    SUBMIT,
    PUBLISH,
    UNPUBLISH,
    ARCHIVE,
    APPROVE,
    RETURN;

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
