package dev.hashi.translation.rebuild;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rebuilding units, under {@code cms.translation.rebuild}.
 *
 * @param contentUrl  base URL of content-service, for its snapshot endpoint (default {@code http://127.0.0.1:8081})
 * @param pageSize    entries per snapshot page (default 200; content-service serves at most 500)
 * @param replayIdle  how long a topic replay waits for records before it gives up on reaching the end (default 10s)
 */
@ConfigurationProperties("cms.translation.rebuild")
public record RebuildSettings(
        @DefaultValue("http://127.0.0.1:8081") URI contentUrl,
        @DefaultValue("200") int pageSize,
        @DefaultValue("10s") java.time.Duration replayIdle) {}
