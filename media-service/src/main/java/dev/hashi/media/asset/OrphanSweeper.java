package dev.hashi.media.asset;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.hashi.media.binary.Binaries;
import dev.hashi.media.binary.UploadsProperties;

/**
 * Removes bytes nothing uses, every {@code cms.media.uploads.sweep-interval}: blobs no variant holds, GridFS files
 * no blob names (an upload that died between writing and keeping) and chunks of no file (a process that died
 * mid-upload), each only once older than {@code cms.media.uploads.orphan-age}. Every replica may sweep: each removal
 * re-checks its condition, and an upload marks the blob it uses before referencing it.
 */
@Component
public class OrphanSweeper {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);

    private final Binaries binaries;
    private final Assets assets;
    private final UploadsProperties properties;
    private final Clock clock = Clock.systemUTC();

    OrphanSweeper(Binaries binaries, Assets assets, UploadsProperties properties) {
        this.binaries = binaries;
        this.assets = assets;
        this.properties = properties;
    }

    /** Sweeps once now; answers what it removed. */
    @Scheduled(
            initialDelayString = "${cms.media.uploads.sweep-interval:10m}",
            fixedDelayString = "${cms.media.uploads.sweep-interval:10m}")
    public Binaries.Swept sweep() {
        Binaries.Swept swept = binaries.sweep(clock.instant().minus(properties.orphanAge()), assets::anyVariantHolds);
        if (swept.blobs() + swept.files() + swept.chunkGroups() > 0) {
            log.info(
                    "swept {} unused blobs, {} unreferenced GridFS files, {} orphan chunk groups",
                    swept.blobs(),
                    swept.files(),
                    swept.chunkGroups());
        }
        return swept;
    }
}
