package dev.hashi.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the JSON form of every event type to a fixture file, so any change to a contract shows in review. */
class EventJsonFormTest {

    private final EventCodec codec = EventCodec.standard();
    private final JsonMapper json = JsonMapper.builder().build();

    static java.util.List<EventEnvelope<?>> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void encodedEventMatchesItsFixture(EventEnvelope<?> sample) throws IOException {
        JsonNode expected = json.readTree(fixture(sample.type(), sample.schemaVersion()));
        JsonNode actual = json.readTree(codec.encode(sample));
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void fixtureDecodesToTheSameEvent(EventEnvelope<?> sample) throws IOException {
        byte[] bytes = fixture(sample.type(), sample.schemaVersion()).getBytes(StandardCharsets.UTF_8);
        assertThat(codec.decode(bytes)).isEqualTo(sample);
    }

    @Test
    void everyRegisteredTypeHasASampleAndAFixture() {
        Set<Class<?>> sampled =
                samples().stream().map(e -> e.payload().getClass()).collect(Collectors.toSet());
        assertThat(sampled)
                .containsExactlyInAnyOrderElementsOf(EventTypes.standard().payloads());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void noJavaClassNameTravelsOnTheWire(EventEnvelope<?> sample) {
        String wire = new String(codec.encode(sample), StandardCharsets.UTF_8);
        assertThat(wire).doesNotContain("dev.hashi").doesNotContain("@class").doesNotContain("java.");
    }

    private static String fixture(String type, int version) throws IOException {
        String name = "/events/" + type + ".v" + version + ".json";
        try (InputStream in = EventJsonFormTest.class.getResourceAsStream(name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
