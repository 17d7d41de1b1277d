package dev.hashi.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One Kafka broker and one in-memory MongoDB-wire server per JVM, started on first use and stopped when the JVM
 * exits. Tests share them; each test keeps apart through its own database names, topics or consumer groups.
 */
public final class SharedInfra {

    private static EmbeddedKafka kafka;
    private static EmbeddedMongo mongo;

    private SharedInfra() {}

    /** The shared broker, started on first call. */
    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            try {
                Path dir = Files.createTempDirectory("hashi-kafka-");
                kafka = new EmbeddedKafka(dir, 0, 0).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedKafka started = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-shutdown"));
        }
        return kafka;
    }

    /** The shared in-memory MongoDB-wire server, started on first call. */
    public static synchronized EmbeddedMongo mongo() {
        if (mongo == null) {
            mongo = EmbeddedMongo.inMemory(0);
            EmbeddedMongo started = mongo;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "mongo-shutdown"));
        }
        return mongo;
    }
}
