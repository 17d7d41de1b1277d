package dev.hashi.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), running in this JVM.
 *
 * <p>The log directory is formatted on first start (when it has no {@code meta.properties}) and reused afterwards
 * with its cluster id, so records and committed offsets
 * survive a restart as long as the same directory and ports are used (the controller quorum is static).
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final Path logDir;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    /**
     * @param logDir         directory for the broker's logs and metadata; created if missing
     * @param brokerPort     client port; 0 picks a free one
     * @param controllerPort controller port; 0 picks a free one
     */
    public EmbeddedKafka(Path logDir, int brokerPort, int controllerPort) {
        this.logDir = logDir;
        this.brokerPort = brokerPort == 0 ? Ports.free() : brokerPort;
        this.controllerPort = controllerPort == 0 ? Ports.free() : controllerPort;
    }

    /** Formats the log directory if needed and starts the broker; returns once it accepts connections. */
    public EmbeddedKafka start() {
        Ports.requireFree(brokerPort, "Kafka broker");
        Ports.requireFree(controllerPort, "Kafka controller");
        Properties props = brokerProperties();
        try {
            Files.createDirectories(logDir);
            Path propsFile = logDir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(propsFile, StandardCharsets.UTF_8)) {
                props.store(out, "embedded KRaft broker");
            }
            format(propsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka log directory " + logDir, e);
        }
        server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        return this;
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers(brokerPort);
    }

    /** {@code host:port} for {@code bootstrap.servers} of a broker on this port, known before it starts. */
    public static String bootstrapServers(int brokerPort) {
        return "127.0.0.1:" + brokerPort;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        return p;
    }

    private void format(Path propsFile) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        String clusterId = Uuid.randomUuid().toString();
        int rc;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propsFile.toString()}, out);
        }
        if (rc != 0) {
            throw new IllegalStateException(
                    "formatting Kafka storage failed: " + buffer.toString(StandardCharsets.UTF_8));
        }
    }
}
