package dev.hashi.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The MongoDB wire-protocol server (mongo-java-server) in this JVM: an H2 file backend when given a file,
 * so data survives restarts, or an in-memory backend for tests.
 *
 * <p>It supports no sessions, transactions, {@code $text} or collation; code that runs against it must not
 * rely on those.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private EmbeddedMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a server whose data lives in the H2 file {@code file} (created with its directory if missing). */
    public static EmbeddedMongo onFile(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        return start(new MongoServer(new H2Backend(file.toAbsolutePath().toString())), port);
    }

    /** Starts a server that keeps everything in memory; {@code port} 0 picks a free one. */
    public static EmbeddedMongo inMemory(int port) {
        return start(new MongoServer(new MemoryBackend()), port);
    }

    private static EmbeddedMongo start(MongoServer server, int port) {
        int chosen = port == 0 ? Ports.free() : port;
        Ports.requireFree(chosen, "MongoDB");
        server.bind(new InetSocketAddress("127.0.0.1", chosen));
        return new EmbeddedMongo(server, chosen);
    }

    /** A connection string for the MongoDB driver, without a database name. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
