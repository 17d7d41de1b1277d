package dev.hashi.paging;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagingRulesTest {

    @Test
    void aKeysetCursorComesBackAsItsKeyWithAnyCharacters() {
        List<String> key = List.of("2026-12-03T01:00:00Z", "東京都 港区|α");

        String opaque = PagingRules.encodeCursor(key, 0);

        assertThat(opaque).matches("[A-Za-z0-9_-]+");
        assertThat(PagingRules.decodeCursor(opaque)).contains(new PagingRules.CursorValue(key, 0));
    }

    @Test
    void anOffsetCursorComesBackAsItsOffset() {
        assertThat(PagingRules.decodeCursor(PagingRules.encodeCursor(List.of(), 40)))
                .contains(new PagingRules.CursorValue(List.of(), 40));
    }

    @Test
    void textThatNoListIssuedIsNoCursor() {
        assertThat(PagingRules.decodeCursor("not a cursor!")).isEmpty();
        assertThat(PagingRules.decodeCursor("eA"))
                .as("base64 of an unknown form")
                .isEmpty();
        assertThat(PagingRules.decodeCursor("by0x"))
                .as("base64 of o-1, a negative offset")
                .isEmpty();
    }

    @Test
    void aLimitOutsideOneToTheMaximumIsRefusedNotClamped() {
        assertThat(PagingRules.parseLimit(null, 20, 100)).hasValue(20);
        assertThat(PagingRules.parseLimit(" 100 ", 20, 100)).hasValue(100);
        assertThat(PagingRules.parseLimit("1", 20, 100)).hasValue(1);
        for (String bad : List.of("0", "101", "-3", "ten", "1.5")) {
            assertThat(PagingRules.parseLimit(bad, 20, 100)).as(bad).isEmpty();
        }
    }
}
