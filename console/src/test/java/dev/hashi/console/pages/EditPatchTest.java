package dev.hashi.console.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EditPatchTest {

    @Test
    void onlyChangedValuesOfTheOneLocaleAreSentByPath() {
        Map<String, String> edited = new LinkedHashMap<>();
        edited.put("title", "北九州国際会議 ２００３");
        edited.put("sessions[s-3].presentations[p-1].title", "水俣病の経験");
        edited.put("venue", "小倉");

        List<Map<String, Object>> patch = EditPatch.of(
                "ja",
                edited,
                Map.of("title", "北九州国際会議", "sessions[s-3].presentations[p-1].title", "水俣病の経験", "venue", "小倉"));

        assertThat(patch).containsExactly(Map.of("op", "add", "path", "/fields/title/ja", "value", "北九州国際会議 ２００３"));
    }

    @Test
    void aClearedValueIsRemovedAndANewOneAdded() {
        Map<String, String> edited = new LinkedHashMap<>();
        edited.put("summary", "");
        edited.put("sessions[s-3].presentations[p-1].title", "Minamata");

        List<Map<String, Object>> patch = EditPatch.of("en", edited, Map.of("summary", "old text"));

        assertThat(patch)
                .containsExactly(
                        Map.of("op", "remove", "path", "/fields/summary/en"),
                        Map.of(
                                "op",
                                "add",
                                "path",
                                "/fields/sessions/s-3/presentations/p-1/title/en",
                                "value",
                                "Minamata"));
    }

    @Test
    void textAreaLineBreaksAreNotAChange() {
        assertThat(EditPatch.of("ja", Map.of("body", "一行目\r\n二行目"), Map.of("body", "一行目\n二行目")))
                .isEmpty();
    }

    @Test
    void pointerSegmentsAreEscaped() {
        assertThat(EditPatch.pointer("a/b.c~d", "ja")).isEqualTo("/fields/a~1b/c~0d/ja");
    }
}
