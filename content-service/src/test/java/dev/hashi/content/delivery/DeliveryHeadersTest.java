package dev.hashi.content.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeliveryHeadersTest {

    @Test
    void versionsAreListedInOrderAndReadBack() {
        Map<String, Long> versions = new LinkedHashMap<>();
        versions.put("e-1", 7L);
        versions.put("asset-9", 0L);

        String header = DeliveryHeaders.versions(versions);

        assertThat(header).isEqualTo("e-1=7, asset-9=0");
        assertThat(DeliveryHeaders.parseVersions(header))
                .containsExactly(Map.entry("e-1", 7L), Map.entry("asset-9", 0L));
        assertThat(DeliveryHeaders.parseVersions(null)).isEmpty();
        assertThat(DeliveryHeaders.parseVersions(" ")).isEmpty();
    }

    @Test
    void aMemberThatIsNotIdEqualsVersionIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeliveryHeaders.parseVersions("e-1"));
        assertThatIllegalArgumentException().isThrownBy(() -> DeliveryHeaders.parseVersions("e-1="));
        assertThatIllegalArgumentException().isThrownBy(() -> DeliveryHeaders.parseVersions("e-1=x"));
    }

    @Test
    void typesAreJoined() {
        assertThat(DeliveryHeaders.types(List.of("event-page", "organisation"))).isEqualTo("event-page, organisation");
        assertThat(DeliveryHeaders.types(List.of(DeliveryHeaders.ALL_TYPES))).isEqualTo("*");
    }
}
