package dev.hashi.console.pages;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EntryFieldsTest {

    private static final JsonNode FIELDS = JsonMapper.builder().build().readTree("""
            {"title": {"en": {"value": "Kitakyushu", "originLocale": "en", "updatedBy": "ed", "source": true,
                              "outdated": false},
                       "ja": {"value": "北九州", "originLocale": "en", "updatedBy": "tr", "unitId": "u-1",
                              "source": false, "outdated": true}},
             "date": {"value": "2003-10-28", "source": false, "outdated": false},
             "sessions": [{"id": "s-1", "presentations": [
                 {"id": "p-1", "title": {"ja": {"value": "水俣", "originLocale": "ja", "updatedBy": "ed",
                                               "source": true, "outdated": false}}}]}]}
            """);

    @Test
    void everyFieldIsOneRowInDocumentOrderWithItemsNamedById() {
        List<FieldRow> rows = EntryFields.rows(FIELDS, List.of("en", "ja"));

        assertThat(rows)
                .extracting(FieldRow::path)
                .containsExactly("title", "date", "sessions[s-1].presentations[p-1].title");
        assertThat(rows.get(2).label()).isEqualTo("sessions › s-1 › presentations › p-1 › title");
    }

    @Test
    void eachValueKnowsItsOriginAndAMissingOneItsFallback() {
        List<FieldRow> rows = EntryFields.rows(FIELDS, List.of("en", "ja"));

        Cell english = rows.get(0).cell("en");
        Cell japanese = rows.get(0).cell("ja");
        assertThat(english.source()).isTrue();
        assertThat(japanese.source()).isFalse();
        assertThat(japanese.originLocale()).isEqualTo("en");
        assertThat(japanese.outdated()).isTrue();
        assertThat(japanese.unitId()).isEqualTo("u-1");
        Cell japaneseOnly = rows.get(2).cell("en");
        assertThat(japaneseOnly.present()).isFalse();
        assertThat(japaneseOnly.editable()).isTrue();
        assertThat(japaneseOnly.fallback()).isEqualTo("ja");
    }

    @Test
    void aValueEveryLocaleSharesIsOneReadOnlyCell() {
        FieldRow date = EntryFields.rows(FIELDS, List.of("en", "ja")).get(1);

        assertThat(date.localized()).isFalse();
        assertThat(date.cells()).singleElement().satisfies(cell -> {
            assertThat(cell.text()).isEqualTo("2003-10-28");
            assertThat(cell.editable()).isFalse();
        });
    }
}
