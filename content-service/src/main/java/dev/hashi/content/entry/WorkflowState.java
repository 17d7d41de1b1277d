package dev.hashi.content.entry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where one locale of an entry stands. A published locale that was edited again is a draft with a published
 * snapshot. The wire names ({@code draft}, {@code in_review}, …) are the stored and API form, made here only.
 */
public enum WorkflowState {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    ARCHIVED;

    /** The snake_case name used in documents, queries, responses and configuration. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state named {@code value}, empty when there is none. */
    public static Optional<WorkflowState> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }

    @JsonCreator
    static WorkflowState ofWire(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown workflow state " + value));
    }
}
