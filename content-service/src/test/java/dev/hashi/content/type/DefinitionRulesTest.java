package dev.hashi.content.type;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.service.error.FieldError;
import dev.hashi.service.error.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefinitionRulesTest {

    static final TypeCatalog EMPTY = new TypeCatalog(Map.of());

    static FieldDefinition text(String key, boolean localized) {
        return new FieldDefinition(key, FieldKind.TEXT, localized, false, 300, null, List.of(), null, null);
    }

    @Test
    void aValidDefinitionPasses() {
        ContentTypeRequest note = new ContentTypeRequest("お知らせ / Notice", false, "title", List.of(text("title", true)));

        assertThatCode(() -> DefinitionRules.check("notice", note, EMPTY, ContentLimits.DEFAULTS))
                .doesNotThrowAnyException();
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceWithWhereItIs() {
        ContentTypeRequest broken = new ContentTypeRequest(
                "Broken",
                false,
                "date",
                List.of(
                        text("title", true),
                        text("title", false),
                        new FieldDefinition("date", FieldKind.DATE, true, false, null, "\\d+", List.of(), null, null),
                        new FieldDefinition("pattern", FieldKind.TEXT, false, false, null, "([", List.of(), null, null),
                        new FieldDefinition(
                                "organiser", FieldKind.REFERENCE, false, false, null, null, List.of(), null, null),
                        new FieldDefinition(
                                "sessions",
                                FieldKind.COMPONENTS,
                                false,
                                false,
                                null,
                                null,
                                List.of(),
                                "session",
                                null)));

        assertThatThrownBy(() -> DefinitionRules.check("Broken Key", broken, EMPTY, ContentLimits.DEFAULTS))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("request.invalid");
                    assertThat(e.errors())
                            .extracting(FieldError::field, FieldError::code)
                            .containsExactlyInAnyOrder(
                                    org.assertj.core.groups.Tuple.tuple("key", "type.key-invalid"),
                                    org.assertj.core.groups.Tuple.tuple("fields[1].key", "type.field-duplicate"),
                                    org.assertj.core.groups.Tuple.tuple(
                                            "fields[2].localized", "type.field-not-localizable"),
                                    org.assertj.core.groups.Tuple.tuple("fields[2].kind", "type.field-validation"),
                                    org.assertj.core.groups.Tuple.tuple("fields[3].pattern", "type.field-pattern"),
                                    org.assertj.core.groups.Tuple.tuple(
                                            "fields[4].referenceTypes", "type.reference-types"),
                                    org.assertj.core.groups.Tuple.tuple(
                                            "fields[5].componentType", "type.component-type-unknown"),
                                    org.assertj.core.groups.Tuple.tuple("titleField", "type.title-field-kind"));
                });
    }

    @Test
    void aReferenceMayPointAtItsOwnTypeButNotAtAComponent() {
        ContentType session = new ContentType(
                "session", "Session", true, "title", List.of(text("title", true)), 1, Instant.EPOCH, "ada");
        TypeCatalog catalog = new TypeCatalog(Map.of("session", session));
        ContentTypeRequest page = new ContentTypeRequest(
                "Page",
                false,
                null,
                List.of(new FieldDefinition(
                        "related",
                        FieldKind.REFERENCE,
                        false,
                        false,
                        null,
                        null,
                        List.of("page", "session"),
                        null,
                        null)));

        assertThatThrownBy(() -> DefinitionRules.check("page", page, catalog, ContentLimits.DEFAULTS))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.code()).isEqualTo("type.reference-type-unknown");
                            assertThat(error.value()).isEqualTo("session");
                        }));
    }
}
