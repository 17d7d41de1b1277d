package dev.hashi.media;

import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.ArchitectureRules;

/** media-service follows the rules every service follows. */
class ArchitectureTest {

    @Test
    void followsTheServiceRules() {
        ArchitectureRules.checkService(
                ArchitectureRules.importMain("dev.hashi.media"),
                "dev.hashi.media",
                "dev.hashi.media.asset.Assets",
                "dev.hashi.media.binary.Binaries",
                "dev.hashi.media.reference.References",
                "dev.hashi.media.reference.ContentReferencesListener");
    }
}
