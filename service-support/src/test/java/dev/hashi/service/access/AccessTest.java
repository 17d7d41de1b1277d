package dev.hashi.service.access;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.hashi.identity.Identity;
import dev.hashi.identity.LocalePair;
import dev.hashi.identity.Role;
import dev.hashi.service.error.DomainException;
import dev.hashi.service.error.ForbiddenException;
import dev.hashi.service.error.UnauthenticatedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reviewer locale-pair rule both domain services use: pairs as {@link LocalePair#covers} reads them. */
class AccessTest {

    static Identity reviewer(String... pairs) {
        Set<LocalePair> granted =
                Set.of(pairs).stream().map(LocalePair::parse).collect(java.util.stream.Collectors.toSet());
        return new Identity("rei", Set.of(Role.REVIEWER), granted);
    }

    static final Identity EDITOR = new Identity("ed", Set.of(Role.EDITOR), Set.of());
    static final Identity ADMIN = new Identity("ada", Set.of(Role.ADMIN), Set.of());
    static final Identity TRANSLATOR = new Identity("tom", Set.of(Role.TRANSLATOR), Set.of(LocalePair.parse("en:ja")));

    @Test
    void aReviewerActsWhereOneOfTheirPairsCoversTheDirectionWildcardsIncluded() {
        assertThatCode(() -> Access.requireReviewerFor(reviewer("en:ja"), "en", "ja"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Access.requireReviewerFor(reviewer("en:*"), "en", "ja"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Access.requireReviewerFor(reviewer("*:ja"), "en", "ja"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Access.requireReviewerFor(reviewer("*:*"), "ja", "en"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Access.requireReviewerFor(ADMIN, "ja", "en")).doesNotThrowAnyException();

        assertRefusedForPair(() -> Access.requireReviewerFor(reviewer("ja:en"), "en", "ja"), "en", "ja");
        assertRefusedForPair(() -> Access.requireReviewerFor(reviewer("en:*"), "ja", "en"), "ja", "en");
    }

    @Test
    void intoALocaleFromAnySourceEditorsPassAndReviewersNeedAPairIntoIt() {
        assertThatCode(() -> Access.requireEditorOrReviewerFor(reviewer("en:*"), null, "ja"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Access.requireEditorOrReviewerFor(reviewer("en:ja"), null, "ja"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Access.requireEditorOrReviewerFor(EDITOR, null, "ja"))
                .doesNotThrowAnyException();
        assertRefusedForPair(() -> Access.requireEditorOrReviewerFor(reviewer("*:en"), null, "ja"), "*", "ja");
    }

    @Test
    void otherRolesAreRefusedForTheirRoleAndAnonymousCallersAskedToSignIn() {
        assertThatThrownBy(() -> Access.requireReviewerFor(TRANSLATOR, "en", "ja"))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.code()).isEqualTo("auth.forbidden");
                    assertThat(e.details()).containsEntry("reason", "role");
                });
        assertThatThrownBy(() -> Access.requireReviewerFor(EDITOR, "en", "ja")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Access.requireEditorOrReviewerFor(Identity.anonymous(), null, "ja"))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void staffTakePartWhereTheirPairsLead() {
        assertThatCode(() -> Access.requireStaffFor(TRANSLATOR, "en", "ja")).doesNotThrowAnyException();
        assertThatCode(() -> Access.requireStaffFor(EDITOR, "ja", "en")).doesNotThrowAnyException();
        assertRefusedForPair(() -> Access.requireStaffFor(TRANSLATOR, "ja", "en"), "ja", "en");
    }

    static void assertRefusedForPair(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String source, String target) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ForbiddenException.class, e -> {
            DomainException problem = e;
            assertThat(problem.code()).isEqualTo("auth.forbidden");
            assertThat(problem.details())
                    .containsEntry("reason", "locale-pair")
                    .containsEntry("sourceLocale", source)
                    .containsEntry("targetLocale", target);
        });
    }
}
