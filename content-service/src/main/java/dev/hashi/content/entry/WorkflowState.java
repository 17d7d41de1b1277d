package dev.hashi.content.entry;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where one locale of an entry stands. A published locale that was edited again is a draft with a published snapshot. */
public enum WorkflowState {
    @JsonProperty("draft")
    DRAFT,
    @JsonProperty("in_review")
    IN_REVIEW,
    @JsonProperty("published")
    PUBLISHED,
    @JsonProperty("archived")
    ARCHIVED
}
