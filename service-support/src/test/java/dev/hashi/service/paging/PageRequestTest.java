package dev.hashi.service.paging;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hashi.service.error.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @Test
    void cursorsRoundTripKeysWithAnyCharactersAndOffsets() {
        Cursor keyset = Cursor.after("2003-10-28", "水俣/p-10", "");
        assertThat(Cursor.decode(keyset.encode())).isEqualTo(keyset);
        assertThat(keyset.encode()).matches("[A-Za-z0-9_-]+");
        Cursor offset = Cursor.atOffset(40);
        assertThat(Cursor.decode(offset.encode())).isEqualTo(offset);
    }

    @Test
    void limitsOutsideTheRangeAreRefusedNeverClamped() {
        for (String limit : List.of("0", "-1", "101", "abc", "1e3")) {
            assertThatThrownBy(() -> PageRequest.parse(null, limit, 20, 100))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("limit"));
        }
        assertThat(PageRequest.parse(null, null, 20, 100).limit()).isEqualTo(20);
        assertThat(PageRequest.parse(null, "100", 20, 100).limit()).isEqualTo(100);
    }

    @Test
    void cursorsThisServiceDidNotIssueAreRefused() {
        for (String forged :
                List.of("$where", "eyJ4Ijox", "bzEx.", Cursor.atOffset(3).encode() + "!")) {
            assertThatThrownBy(() -> Cursor.decode(forged)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void aPageKnowsWhetherANextOneExists() {
        PageRequest request = PageRequest.first(2);
        Page<String> full = Page.keyset(List.of("a", "b", "c"), request, Cursor::after, null);
        assertThat(full.items()).containsExactly("a", "b");
        assertThat(Cursor.decode(full.next()).key()).containsExactly("b");
        Page<String> last = Page.keyset(List.of("a", "b"), request, Cursor::after, 2L);
        assertThat(last.next()).isNull();
        Page<String> byOffset = Page.offset(List.of("a", "b", "c"), request, null);
        assertThat(Cursor.decode(byOffset.next()).offset()).isEqualTo(2);
    }
}
