package dev.hashi.content.entry;

import java.time.Instant;

/** The workflow state of one locale, when it was reached and by whom. */
public record LocaleState(WorkflowState state, Instant at, String by) {}
