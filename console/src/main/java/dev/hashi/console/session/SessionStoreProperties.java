package dev.hashi.console.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the console keeps its HTTP sessions ({@code cms.console.sessions}). How long an idle session lives is
 * {@code server.servlet.session.timeout} ({@code CONSOLE_SESSION_TIMEOUT}).
 *
 * @param store                  {@code mongodb} (default): shared by every console instance and kept across restarts;
 *                               {@code servlet}: in this instance's memory only (screen tests)
 * @param mongodbUri             the MongoDB connection string ({@code MONGODB_URI}, as for the services)
 * @param database               the console's own database ({@code MONGODB_DATABASE}, default {@code hashi_console})
 * @param serverSelectionTimeout how long a request waits for a reachable MongoDB before failing (default 5s)
 */
@ConfigurationProperties("cms.console.sessions")
public record SessionStoreProperties(
        @DefaultValue("mongodb") Store store,
        @DefaultValue("mongodb://127.0.0.1:27017") String mongodbUri,
        @DefaultValue("hashi_console") String database,
        @DefaultValue("5s") Duration serverSelectionTimeout) {

    /** Where sessions live. */
    public enum Store {
        MONGODB,
        SERVLET
    }
}
