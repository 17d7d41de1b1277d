package dev.hashi.content.entry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowStateTest {

    @Test
    void wireNamesAreSnakeCaseAndReadBack() {
        assertThat(WorkflowState.IN_REVIEW.wireName()).isEqualTo("in_review");
        for (WorkflowState state : WorkflowState.values()) {
            assertThat(WorkflowState.fromWire(state.wireName())).contains(state);
        }
    }

    @Test
    void unknownOrJavaStyleNamesAreNoState() {
        assertThat(WorkflowState.fromWire("IN_REVIEW")).isEmpty();
        assertThat(WorkflowState.fromWire("in-review")).isEmpty();
        assertThat(WorkflowState.fromWire(null)).isEmpty();
    }
}
