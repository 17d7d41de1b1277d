package dev.hashi.events.consumer;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionFloorsTest {

    @Test
    void aValueReadBeforeTheEventIsNotAdmitted() {
        VersionFloors floors = new VersionFloors(10);
        assertThat(floors.admits(Map.of("e-1", 4L))).isTrue();
        floors.raise("e-1", 5);
        floors.raise("e-1", 3);
        assertThat(floors.floor("e-1")).isEqualTo(5);
        assertThat(floors.admits(Map.of("e-1", 4L, "a-1", 1L))).isFalse();
        assertThat(floors.admits(Map.of("e-1", 5L, "a-1", 1L))).isTrue();
    }

    @Test
    void pastCapacityTheFloorsAreDroppedAndTheEpochMoves() {
        VersionFloors floors = new VersionFloors(2);
        long epoch = floors.epoch();
        floors.raise("e-1", 1);
        floors.raise("e-2", 1);
        assertThat(floors.epoch()).isEqualTo(epoch);
        floors.raise("e-3", 7);
        assertThat(floors.epoch()).isGreaterThan(epoch);
        assertThat(floors.floor("e-1")).isZero();
        assertThat(floors.floor("e-3")).isEqualTo(7);
    }
}
