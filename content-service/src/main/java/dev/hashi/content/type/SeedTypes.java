package dev.hashi.content.type;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.hashi.identity.Identity;
import dev.hashi.identity.Role;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.VersionConflictException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The content types of the seed (an event page with its sessions and presentations, and organisations), read from
 * {@value #RESOURCE}; every field carries an English and a Japanese label. Installing is idempotent: unchanged types
 * are left alone.
 */
@Component
public class SeedTypes {

    static final String RESOURCE = "/seed/content-types.json";
    private static final Logger log = LoggerFactory.getLogger(SeedTypes.class);
    private static final int RACE_RETRIES = 5;
    private static final Identity SYSTEM = new Identity("system", Set.of(Role.ADMIN), Set.of());

    private final ContentTypes types;
    private final Clock clock;
    private final boolean installOnStartup;

    SeedTypes(
            ContentTypes types,
            Clock clock,
            @Value("${cms.content.types.install-seed:false}") boolean installOnStartup) {
        this.types = types;
        this.clock = clock;
        this.installOnStartup = installOnStartup;
    }

    /** A seed type: its key and definition. */
    public record Seed(String key, ContentTypeRequest definition) {}

    /** The seed's types in dependency order (referenced and component types first). */
    public static List<Seed> definitions() {
        try (InputStream in = SeedTypes.class.getResourceAsStream(RESOURCE)) {
            return JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build()
                    .readValue(in, new TypeReference<List<Seed>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Installs every seed type, replacing changed ones whatever their version; returns their keys. Another replica
     * installing the same seed at the same moment is no failure: a type it wrote meanwhile is read again and, being
     * the same definition, left alone.
     */
    public List<String> install(CommandContext context) {
        List<Seed> seeds = definitions();
        seeds.forEach(seed -> installOne(seed, context));
        return seeds.stream().map(Seed::key).toList();
    }

    private void installOne(Seed seed, CommandContext context) {
        for (int attempt = 1; ; attempt++) {
            try {
                types.define(seed.key(), seed.definition(), null, context);
                return;
            } catch (VersionConflictException raced) {
                if (attempt >= RACE_RETRIES) {
                    throw raced;
                }
                log.debug("seed type {} was written by another replica meanwhile; reading it again", seed.key());
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void installOnStartup() {
        if (installOnStartup) {
            install(CommandContext.system(SYSTEM, null, clock.instant()));
        }
    }
}
