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
    void referenceListsNameTheirTypesMayBeCappedAndAreNeverLocalized() {
        TypeCatalog organisations = new TypeCatalog(Map.of(
                "organisation",
                new ContentType(
                        "organisation",
                        "Organisation",
                        false,
                        "name",
                        List.of(text("name", true)),
                        1,
                        Instant.EPOCH,
                        "ada")));
        ContentTypeRequest page = new ContentTypeRequest(
                "Page",
                false,
                null,
                List.of(
                        new FieldDefinition(
                                "organisers",
                                FieldKind.REFERENCE_LIST,
                                false,
                                false,
                                null,
                                null,
                                List.of("organisation"),
                                null,
                                20),
                        new FieldDefinition(
                                "contacts", FieldKind.REFERENCE_LIST, false, false, null, null, List.of(), null, null),
                        new FieldDefinition(
                                "attachments", FieldKind.MEDIA_LIST, true, false, null, null, List.of(), null, 5),
                        new FieldDefinition("venue", FieldKind.TEXT, false, false, null, null, List.of(), null, 5)));

        assertThatThrownBy(() -> DefinitionRules.check("page", page, organisations, ContentLimits.DEFAULTS))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field, FieldError::code)
                                .containsExactlyInAnyOrder(
                                        org.assertj.core.groups.Tuple.tuple(
                                                "fields[1].referenceTypes", "type.reference-types"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "fields[2].localized", "type.field-not-localizable"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "fields[3].maxItems", "type.field-validation")));
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

    static FieldDefinition patterned(String key, String pattern) {
        return new FieldDefinition(key, FieldKind.TEXT, false, false, null, pattern, List.of(), null, null);
    }

    static FieldDefinition list(String key, String componentType) {
        return new FieldDefinition(key, FieldKind.COMPONENTS, false, false, null, null, List.of(), componentType, null);
    }

    static ContentType component(String key, FieldDefinition... fields) {
        return new ContentType(key, key, true, null, List.of(fields), 1, Instant.EPOCH, "ada");
    }

    static List<FieldError> errorsOf(String key, ContentTypeRequest request, TypeCatalog catalog) {
        try {
            DefinitionRules.check(key, request, catalog, ContentLimits.DEFAULTS);
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        }
    }

    @Test
    void nestedRepetitionsAndOverlongPatternsAreRefusedWhenDefined() {
        ContentTypeRequest request = new ContentTypeRequest(
                "Patterns",
                false,
                null,
                List.of(
                        patterned("a", "(a+)+"),
                        patterned("b", "(\\w*,?)*x"),
                        patterned("c", "((ab)*c)+"),
                        patterned("d", "([a-z]+\\.){2,}com"),
                        patterned("e", "x".repeat(501)),
                        patterned("f", "[A-Z]{2}-\\d{3,}(-[a-z]+)?"),
                        patterned("g", "(ab)+[+*]+"),
                        patterned("h", "(a{1,3})+")));

        assertThat(errorsOf("patterns", request, EMPTY))
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("fields[0].pattern", "type.field-pattern-nested"),
                        org.assertj.core.groups.Tuple.tuple("fields[1].pattern", "type.field-pattern-nested"),
                        org.assertj.core.groups.Tuple.tuple("fields[2].pattern", "type.field-pattern-nested"),
                        org.assertj.core.groups.Tuple.tuple("fields[3].pattern", "type.field-pattern-nested"),
                        org.assertj.core.groups.Tuple.tuple("fields[4].pattern", "type.field-pattern"),
                        org.assertj.core.groups.Tuple.tuple("fields[7].pattern", "type.field-pattern-nested"));
    }

    @Test
    void aMatchThatBacktracksForeverIsCutOffInTime() {
        long started = System.nanoTime();
        assertThat(FieldPatterns.matches(".*a".repeat(12) + "b", "a".repeat(60)))
                .isEqualTo(FieldPatterns.Match.TOO_SLOW);
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
        assertThat(FieldPatterns.matches("[a-z]+", "abc")).isEqualTo(FieldPatterns.Match.MATCHES);
        assertThat(FieldPatterns.matches("[a-z]+", "ABC")).isEqualTo(FieldPatterns.Match.DOES_NOT_MATCH);
    }

    @Test
    void aComponentTypeThatContainsItselfIsRefused() {
        ContentType talk = component("talk", text("title", true));
        TypeCatalog catalog = new TypeCatalog(Map.of("talk", talk));

        ContentTypeRequest selfNested =
                new ContentTypeRequest("Talk", true, null, List.of(text("title", true), list("talks", "talk")));
        assertThat(errorsOf("talk", selfNested, catalog))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fields[1].componentType", "type.component-cycle"));

        ContentType panel = component("panel", list("talks", "talk"));
        TypeCatalog both = new TypeCatalog(Map.of("talk", talk, "panel", panel));
        ContentTypeRequest viaPanel =
                new ContentTypeRequest("Talk", true, null, List.of(text("title", true), list("panels", "panel")));
        assertThat(errorsOf("talk", viaPanel, both))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fields[1].componentType", "type.component-cycle"));
    }

    @Test
    void componentListsNestAtMostTheConfiguredDepth() {
        ContentType e = component("e", text("title", false));
        ContentType d = component("d", list("es", "e"));
        ContentType c = component("c", list("ds", "d"));
        ContentType b = component("b", list("cs", "c"));
        TypeCatalog catalog = new TypeCatalog(Map.of("b", b, "c", c, "d", d, "e", e));

        ContentTypeRequest fourLevels = new ContentTypeRequest("A", true, null, List.of(list("bs", "b")));
        assertThat(errorsOf("a", fourLevels, catalog)).isEmpty();

        ContentType a = component("a", list("bs", "b"));
        ContentTypeRequest fiveLevels = new ContentTypeRequest("Page", false, null, List.of(list("as", "a")));
        assertThat(errorsOf("page", fiveLevels, catalog.with(a)))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fields[0].componentType", "type.component-depth"));
    }
}
