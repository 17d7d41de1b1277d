package dev.hashi.events;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = EventCodec.standard();
    private final String valid = new String(codec.encode(SampleEvents.all().get(0)), StandardCharsets.UTF_8);

    @Test
    void unknownTypeIsRejectedLoudly() {
        assertThatThrownBy(() -> decode(valid.replace("content.entry.changed", "content.entry.exploded")))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("content.entry.exploded")
                .extracting(e -> ((PoisonEventException) e).code())
                .isEqualTo("event.unknown-type");
    }

    @Test
    void unknownSchemaVersionIsRejectedLoudly() {
        assertThatThrownBy(() -> decode(valid.replace("\"schemaVersion\":1", "\"schemaVersion\":99")))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("v99");
    }

    @Test
    void bytesThatAreNotJsonAreMalformed() {
        assertThatThrownBy(() -> decode("{not json"))
                .isInstanceOf(PoisonEventException.class)
                .extracting(e -> ((PoisonEventException) e).code())
                .isEqualTo("event.malformed");
    }

    @Test
    void missingEnvelopeFieldsAreMalformed() {
        assertThatThrownBy(() -> decode(valid.replace("\"aggregateId\"", "\"aggregate\"")))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("aggregateId");
        assertThatThrownBy(() -> decode(valid.replace("\"eventId\":\"", "\"eventId\":\"zz")))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> decode("[1,2,3]")).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(PoisonEventException.class);
    }

    @Test
    void japaneseTextSurvivesTheRoundTripIntact() {
        EventEnvelope<?> decoded = decode(valid);
        assertThat(decoded.payload().toString()).contains(SampleEvents.MINAMATA_TITLE);
    }

    @Test
    void topicFollowsTheOwnerPrefixOfTheType() {
        assertThat(Topics.forType("content.entry.changed")).isEqualTo(Topics.CONTENT);
        assertThat(Topics.forType("translation.approved")).isEqualTo(Topics.TRANSLATION);
        assertThat(Topics.forType("media.asset.changed")).isEqualTo(Topics.MEDIA);
        assertThat(Topics.deadLetter(Topics.CONTENT)).isEqualTo("cms.content.events.dlt");
        assertThatThrownBy(() -> Topics.forType("billing.invoice.sent")).isInstanceOf(IllegalArgumentException.class);
    }

    private EventEnvelope<?> decode(String json) {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }
}
