package dev.hashi.service.error;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainExceptionTest {

    @Test
    void extensionMembersNeverShadowStandardProblemMembers() {
        for (String reserved : List.of("type", "title", "status", "detail", "instance", "code", "errors")) {
            assertThatThrownBy(() -> new ConflictException("slug.taken", "taken").with(reserved, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(reserved);
        }
    }

    @Test
    void notFoundAndVersionConflictsNameTheResource() {
        NotFoundException missing = new NotFoundException("entry", "e-1");
        assertThat(missing.code()).isEqualTo("entry.not-found");
        assertThat(missing.details()).containsEntry("resource", "entry").containsEntry("id", "e-1");

        VersionConflictException conflict = new VersionConflictException("unit", "u-1", 7);
        assertThat(conflict.code()).isEqualTo("version.conflict");
        assertThat(conflict.isVersionConflict()).isTrue();
        assertThat(conflict.details()).containsEntry("currentVersion", 7L);
    }

    @Test
    void invalidInputListsEveryFieldUnderOneCode() {
        InvalidInputException invalid = new InvalidInputException(List.of(
                FieldError.of("locale", "locale.unsupported", "Not supported."),
                FieldError.of("limit", "range", "Too big.")));
        assertThat(invalid.code()).isEqualTo("request.invalid");
        assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("locale", "limit");
        assertThatThrownBy(() -> new InvalidInputException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
