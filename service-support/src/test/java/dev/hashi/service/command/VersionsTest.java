package dev.hashi.service.command;

import org.junit.jupiter.api.Test;

import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.error.VersionRequiredException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

    @Test
    void anETagIsTheQuotedVersion() {
        assertThat(Versions.etag(4)).isEqualTo("\"4\"");
    }

    @Test
    void ifMatchTakesStrongWeakAndBareVersions() {
        assertThat(Versions.ifMatch("\"3\"", "entry")).isEqualTo(3);
        assertThat(Versions.ifMatch("W/\"3\"", "entry")).isEqualTo(3);
        assertThat(Versions.ifMatch(" 12 ", "entry")).isEqualTo(12);
    }

    @Test
    void missingIfMatchIsVersionRequiredNamingTheResource() {
        assertThatThrownBy(() -> Versions.ifMatch(null, "entry"))
                .isInstanceOfSatisfying(VersionRequiredException.class, e -> {
                    assertThat(e.code()).isEqualTo("version.required");
                    assertThat(e.details()).containsEntry("resource", "entry");
                });
        assertThatThrownBy(() -> Versions.ifMatch("  ", "type")).isInstanceOf(VersionRequiredException.class);
    }

    @Test
    void malformedIfMatchIsAnInvalidHeaderWithTheValue() {
        for (String malformed : new String[] {"\"one\"", "*", "\"1\", \"2\"", "\"-1\"", "\"３\""}) {
            assertThatThrownBy(() -> Versions.ifMatch(malformed, "entry"))
                    .as(malformed)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.code()).isEqualTo("request.invalid");
                        assertThat(e.errors().get(0).field()).isEqualTo("If-Match");
                        assertThat(e.errors().get(0).code()).isEqualTo("format");
                        assertThat(e.errors().get(0).value()).isEqualTo(malformed);
                    });
        }
    }

    @Test
    void anOptionalIfMatchIsNullWhenAbsent() {
        assertThat(Versions.optionalIfMatch(null, "type")).isNull();
        assertThat(Versions.optionalIfMatch("\"2\"", "type")).isEqualTo(2L);
    }
}
