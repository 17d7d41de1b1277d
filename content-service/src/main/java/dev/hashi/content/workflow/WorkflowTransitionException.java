package dev.hashi.content.workflow;

import dev.hashi.content.entry.WorkflowState;
import dev.hashi.service.error.InvalidTransitionException;

/** {@code workflow.invalid-transition}: the locale's state does not allow the action; members {@code state}, {@code action}. */
class WorkflowTransitionException extends InvalidTransitionException {

    private final String detail;

    WorkflowTransitionException(WorkflowState state, WorkflowAction action) {
        super(Publishing.RESOURCE, state.wireName(), action.wireName());
        this.detail = "Cannot " + action.wireName() + " a locale that is " + state.wireName() + ".";
    }

    @Override
    public String getMessage() {
        return detail;
    }
}
