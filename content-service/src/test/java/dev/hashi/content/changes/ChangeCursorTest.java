package dev.hashi.content.changes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hashi.service.error.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeCursorTest {

    static String opaque(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCursorComesBackAsTheSameOffsetsAndIsUrlSafe() {
        ChangeCursor cursor = ChangeCursor.of(Map.of(2, 30L, 0, 12L, 1, 7L));
        String encoded = cursor.encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(ChangeCursor.decode(encoded).offsets())
                .containsExactly(Map.entry(0, 12L), Map.entry(1, 7L), Map.entry(2, 30L));
        assertThat(ChangeCursor.decode(ChangeCursor.beginning().encode()).offsets())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "!!!",
                "not a cursor",
                "YWJj", // abc
                "c1:0.1",
            })
    void garbageIsRefusedAsAFormatErrorOfSince(String garbage) {
        assertThatThrownBy(() -> ChangeCursor.decode(garbage))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("since");
                        assertThat(error.code()).isEqualTo("format");
                    });
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "c1:0.01", // leading zero
                "c1:1.5,0.3", // out of partition order
                "c1:0.3,0.4", // partition twice
                "c1:0.-1",
                "c1:0.99999999999999999999", // beyond a long
                "c1:99999999.0",
                "c2:0.1",
                "c1:0.1,",
                "c1:0.1\n",
                "c1:０.1", // full-width digit
            })
    void forgedCursorsThatDecodeButWereNeverWrittenAreRefused(String plain) {
        assertThatThrownBy(() -> ChangeCursor.decode(opaque(plain))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void paddedOrOverlongCursorsAreRefused() {
        String encoded = ChangeCursor.of(Map.of(0, 1L)).encode();
        assertThatThrownBy(() -> ChangeCursor.decode(encoded + "=")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ChangeCursor.decode("A".repeat(5000)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).value()).isNull());
    }
}
