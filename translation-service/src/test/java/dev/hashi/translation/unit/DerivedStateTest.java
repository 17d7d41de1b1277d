package dev.hashi.translation.unit;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.locale.Texts;

import static org.assertj.core.api.Assertions.assertThat;

/** How a unit's state follows from its facts ({@link Unit#derivedState()}), without Spring or storage. */
class DerivedStateTest {

    private static final String MINAMATA = "住民協働の環境モデル都市づくりを目指して~水俣市~";
    private static final String EDITED = "住民協働による環境モデル都市づくり～水俣市～";
    private static final String ENGLISH = "Toward an Environmental Model City Built with Residents (Minamata City)";

    private static Unit unit(String source) {
        return new Unit(
                "u-1",
                "e-wpc2003",
                "event-page",
                "sessions[s-local].presentations[p-minamata].title",
                "en",
                UnitState.UNTRANSLATED,
                new Unit.Source("ja", source, Texts.sourceHash(source), 23, "characters"),
                null,
                null,
                Unit.Work.NONE,
                Unit.Plan.NONE,
                Map.of("en", "WPC 2003"),
                new Unit.Versions(1, 0, 1),
                false,
                null,
                false,
                1);
    }

    private static Unit.Work work(Unit.Work.Stage stage, String draftFrom) {
        return new Unit.Work(stage, ENGLISH, Texts.sourceHash(draftFrom), "tr-sato", null, null);
    }

    @Test
    void aUnitWithoutTargetOrWorkIsUntranslated() {
        assertThat(unit(MINAMATA).derivedState()).isEqualTo(UnitState.UNTRANSLATED);
    }

    @Test
    void aTargetMadeFromTheCurrentSourceIsApprovedAndOneMadeFromAnotherIsOutdated() {
        Unit current = unit(MINAMATA).toBuilder()
                .target(new Unit.Target(ENGLISH, Texts.sourceHash(MINAMATA), null, "editor-7"))
                .build();
        assertThat(current.derivedState()).isEqualTo(UnitState.APPROVED);
        Unit stale = current.toBuilder()
                .source(new Unit.Source("ja", EDITED, Texts.sourceHash(EDITED), 20, "characters"))
                .build();
        assertThat(stale.derivedState()).isEqualTo(UnitState.OUTDATED);
    }

    @Test
    void aCurrentLandedTargetWinsOverWorkInProgress() {
        Unit unit = unit(MINAMATA).toBuilder()
                .target(new Unit.Target(ENGLISH, Texts.sourceHash(MINAMATA), "u-1", "content-service"))
                .work(work(Unit.Work.Stage.IN_PROGRESS, MINAMATA))
                .build();
        assertThat(unit.derivedState()).isEqualTo(UnitState.APPROVED);
    }

    @Test
    void workStagesGiveTheirStateWhileTheDraftIsOfTheCurrentSource() {
        Unit unit = unit(MINAMATA);
        assertThat(unit.toBuilder()
                        .work(work(Unit.Work.Stage.IN_PROGRESS, MINAMATA))
                        .build()
                        .derivedState())
                .isEqualTo(UnitState.IN_PROGRESS);
        assertThat(unit.toBuilder()
                        .work(work(Unit.Work.Stage.TRANSLATED, MINAMATA))
                        .build()
                        .derivedState())
                .isEqualTo(UnitState.TRANSLATED);
        assertThat(unit.toBuilder()
                        .work(work(Unit.Work.Stage.APPROVED, MINAMATA))
                        .build()
                        .derivedState())
                .isEqualTo(UnitState.APPROVED);
        assertThat(unit.toBuilder()
                        .work(work(Unit.Work.Stage.REJECTED, EDITED))
                        .build()
                        .derivedState())
                .isEqualTo(UnitState.REJECTED);
    }

    @Test
    void aSubmittedOrApprovedDraftOfAnOlderSourceIsOutdated() {
        Unit unit = unit(EDITED);
        assertThat(unit.toBuilder()
                        .work(work(Unit.Work.Stage.TRANSLATED, MINAMATA))
                        .build()
                        .derivedState())
                .isEqualTo(UnitState.OUTDATED);
        assertThat(unit.toBuilder()
                        .work(work(Unit.Work.Stage.APPROVED, MINAMATA))
                        .build()
                        .derivedState())
                .isEqualTo(UnitState.OUTDATED);
    }

    @Test
    void settlingKeepsTheOutdatedRecordOnlyWhileATranslationLagsBehind() {
        Unit.Outdated outdated = new Unit.Outdated(MINAMATA, Texts.sourceHash(MINAMATA), EDITED);
        Unit lagging = unit(EDITED).toBuilder()
                .target(new Unit.Target(ENGLISH, Texts.sourceHash(MINAMATA), null, "editor-7"))
                .outdated(outdated)
                .build()
                .settled();
        assertThat(lagging.state()).isEqualTo(UnitState.OUTDATED);
        assertThat(lagging.outdated()).isEqualTo(outdated);
        Unit caughtUp = lagging.toBuilder()
                .target(new Unit.Target("Residents and the city", Texts.sourceHash(EDITED), null, "editor-7"))
                .build()
                .settled();
        assertThat(caughtUp.state()).isEqualTo(UnitState.APPROVED);
        assertThat(caughtUp.outdated()).isNull();
        assertThat(caughtUp.approvedText()).isEqualTo("Residents and the city");
    }

    @Test
    void wireNamesAreSnakeCaseAndReadBack() {
        assertThat(UnitState.IN_PROGRESS.wireName()).isEqualTo("in_progress");
        for (UnitState state : UnitState.values()) {
            assertThat(UnitState.fromWire(state.wireName())).contains(state);
        }
        assertThat(UnitState.fromWire("IN_PROGRESS")).isEmpty();
    }
}
