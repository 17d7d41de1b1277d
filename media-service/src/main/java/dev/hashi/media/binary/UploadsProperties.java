package dev.hashi.media.binary;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Binary uploads, under {@code cms.media.uploads}.
 *
 * @param maxSize       the largest binary accepted (default 512MB); a body passing it is refused with 413 while it is
 *                      read, and nothing of it is kept
 * @param orphanAge     how old an unreferenced GridFS file, orphan chunk or unreferenced stored binary must be before
 *                      the sweeper removes it (default 1h); longer than any upload takes
 * @param sweepInterval pause between sweeps (default 10m)
 * @param chunkSize     GridFS chunk size (default 255KB)
 */
@ConfigurationProperties("cms.media.uploads")
public record UploadsProperties(
        @DefaultValue("512MB") DataSize maxSize,
        @DefaultValue("1h") Duration orphanAge,
        @DefaultValue("10m") Duration sweepInterval,
        @DefaultValue("255KB") DataSize chunkSize) {}
