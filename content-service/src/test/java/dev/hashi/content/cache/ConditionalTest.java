package dev.hashi.content.cache;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Entity tags from body bytes and the weak comparison of If-None-Match. */
class ConditionalTest {

    private static final String ETAG = Conditional.etag("{\"title\":\"環境首都\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void theTagIsTheQuotedSha256OfTheBody() {
        assertThat(ETAG).matches("\"[0-9a-f]{64}\"");
        assertThat(Conditional.etag(new byte[0]))
                .isEqualTo("\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"");
    }

    @Test
    void ifNoneMatchMatchesByWeakComparisonInAListOrAsAStar() {
        assertThat(DeliveryCacheFilter.notModified(ETAG, ETAG)).isTrue();
        assertThat(DeliveryCacheFilter.notModified("W/" + ETAG, ETAG)).isTrue();
        assertThat(DeliveryCacheFilter.notModified("\"other\", " + ETAG, ETAG)).isTrue();
        assertThat(DeliveryCacheFilter.notModified("*", ETAG)).isTrue();
        assertThat(DeliveryCacheFilter.notModified("\"other\"", ETAG)).isFalse();
        assertThat(DeliveryCacheFilter.notModified("garbage without quotes", ETAG))
                .isFalse();
        assertThat(DeliveryCacheFilter.notModified(null, ETAG)).isFalse();
    }
}
