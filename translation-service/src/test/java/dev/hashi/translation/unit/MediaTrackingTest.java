package dev.hashi.translation.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.events.media.MediaAssetDeleted;
import dev.hashi.events.media.MediaTextChange;
import dev.hashi.locale.Texts;
import dev.hashi.service.command.CommandContext;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.translation.rebuild.Rebuild;
import dev.hashi.translation.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MediaTrackingTest extends ServiceTest {

    private static final String CONTACT = "ファイルサイズが大きいため、事務局にお問い合わせください。";
    private static final String TITLE = "福岡市における環境国際協力の取組み";

    @Autowired
    Units units;

    @Autowired
    Rebuild rebuild;

    @Test
    void japaneseContactTextOfAnAssetGetsUntranslatedUnitsTypedAsMedia() {
        String asset = newAssetId();
        send(changed(asset, 1, source("title", "ja", TITLE), source("contact", "ja", CONTACT)));

        Unit english = awaitUnit(asset, "contact", "en", unit -> true);
        assertThat(english.state()).isEqualTo(UnitState.UNTRANSLATED);
        assertThat(english.type()).isEqualTo("media:presentation");
        assertThat(english.source().text()).isEqualTo(CONTACT);
        assertThat(english.source().locale()).isEqualTo("ja");
        assertThat(awaitUnit(asset, "title", "ko", unit -> true).state()).isEqualTo(UnitState.UNTRANSLATED);
        assertThat(units.find(UnitIds.of(asset, "contact", "ja"))).isEmpty();
    }

    @Test
    void anEnglishContactTextWrittenFromTheJapaneseApprovesTheUnitAndDeletingTheAssetRemovesIt() {
        String asset = newAssetId();
        send(changed(asset, 1, source("contact", "ja", CONTACT)));
        awaitUnit(asset, "contact", "en", unit -> unit.state() == UnitState.UNTRANSLATED);

        String english = "Too large for download; please contact the Secretariat.";
        send(changed(asset, 2, new MediaTextChange("contact", "en", "ja", english, Texts.sourceHash(CONTACT), false)));
        Unit approved = awaitUnit(asset, "contact", "en", unit -> unit.state() == UnitState.APPROVED);
        assertThat(approved.target().text()).isEqualTo(english);

        KafkaProbe.send(EventEnvelope.of(
                new MediaAssetDeleted(asset, "presentation"), asset, 3, null, "editor-1", Instant.now()));
        awaitUnit(asset, "contact", "en", Unit::removed);
    }

    @Test
    void aRebuildOfContentUnitsLeavesTheUnitsOfMediaAssetsAlone() {
        String asset = newAssetId();
        send(changed(asset, 1, source("alt", "ja", TITLE)));
        Unit before = awaitUnit(asset, "alt", "en", unit -> true);

        rebuild.fromTopic(new CommandContext(admin("ad-rebuild"), "t-rebuild", Instant.now()));

        Unit after = units.find(before.id()).orElseThrow();
        assertThat(after.removed()).isFalse();
        assertThat(after.rev()).isEqualTo(before.rev());
    }

    private static String newAssetId() {
        return "a-" + UUID.randomUUID();
    }

    private static MediaTextChange source(String field, String locale, String text) {
        return new MediaTextChange(field, locale, locale, text, Texts.sourceHash(text), false);
    }

    private static EventEnvelope<MediaAssetChanged> changed(String asset, long version, MediaTextChange... changes) {
        MediaAssetChanged payload = new MediaAssetChanged(
                asset,
                "presentation",
                Map.of("ja", TITLE),
                6_815_744L,
                "application/vnd.ms-powerpoint",
                "on_request",
                List.of("ja"),
                Map.of("ja", CONTACT),
                "e-secretariat",
                null,
                List.of(),
                List.of(changes));
        return EventEnvelope.of(payload, asset, version, null, "editor-1", Instant.now());
    }

    private static void send(EventEnvelope<?> event) {
        KafkaProbe.send(event);
    }

    private Unit awaitUnit(String asset, String field, String target, Predicate<Unit> condition) {
        String id = UnitIds.of(asset, field, target);
        return await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> units.find(id), found -> found.isPresent() && condition.test(found.get()))
                .orElseThrow();
    }
}
