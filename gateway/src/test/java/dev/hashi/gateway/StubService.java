package dev.hashi.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port standing in for a downstream service. It records every request
 * except health checks, answers them with a small JSON echo (and echoes {@code X-Request-Id} like the real
 * services), and answers {@code /actuator/health} with whatever the test sets.
 */
public final class StubService implements AutoCloseable {

    public static final String ALL_UP = """
            {"status":"UP","components":{"mongo":{"status":"UP","details":{"maxWireVersion":21}},"kafka":{"status":"UP"}}}""";

    /** What a request to a path ending in {@code /slow-body} gets, over two seconds. */
    public static final String SLOW_BODY = "part 1\npart 2\npart 3\npart 4\n";

    /** A request as the stub received it; header names are case-insensitive. */
    public record Seen(String method, String target, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger healthRequests =
            new java.util.concurrent.atomic.AtomicInteger();

    private final java.util.concurrent.atomic.AtomicLong bodyBytes = new java.util.concurrent.atomic.AtomicLong();

    /** How many request body bytes arrived since the last {@link #reset()}, counted as they arrive. */
    public long bodyBytesReceived() {
        return bodyBytes.get();
    }

    /** How many times {@code /actuator/health} was asked since the last {@link #reset()}. */
    public int healthRequests() {
        return healthRequests.get();
    }

    private volatile Duration delay = Duration.ZERO;
    private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Duration healthDelay = Duration.ZERO;
    private volatile int healthStatus = 200;
    private volatile String healthBody = ALL_UP;

    private StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubService start(String name) {
        return new StubService(name);
    }

    /** The address of a loopback port nothing listens on: connecting to it is refused. */
    public static URI refusingConnections() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The oldest request not yet taken, waiting up to two seconds for it. */
    public Seen nextRequest() throws InterruptedException {
        Seen request = seen.poll(2, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError(name + " received no request");
        }
        return request;
    }

    /** The next request if one arrives within {@code wait}; empty proves nothing was forwarded. */
    public java.util.Optional<Seen> nextRequestWithin(Duration wait) {
        try {
            return java.util.Optional.ofNullable(seen.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /** The next {@code count} requests get their connection closed without any answer. */
    public void dropNext(int count) {
        failures.set(count);
    }

    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    public void health(int status, String body) {
        this.healthStatus = status;
        this.healthBody = body;
    }

    public void healthAnswerAfter(Duration delay) {
        this.healthDelay = delay;
    }

    public void reset() {
        healthRequests.set(0);
        bodyBytes.set(0);
        seen.clear();
        failures.set(0);
        delay = Duration.ZERO;
        healthDelay = Duration.ZERO;
        health(200, ALL_UP);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readCounting(exchange.getRequestBody());
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String target = query == null ? path : path + "?" + query;
            if (path.equals("/actuator/health")) {
                healthRequests.incrementAndGet();
                pause(healthDelay);
                respond(exchange, healthStatus, healthBody);
                return;
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            seen.add(new Seen(exchange.getRequestMethod(), target, headers, body));
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IOException("dropping the connection without an answer");
            }
            if (path.endsWith("/slow-body")) {
                streamSlowly(exchange);
                return;
            }
            pause(delay);
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                exchange.getResponseHeaders().set("X-Request-Id", requestId);
            }
            respond(exchange, 200, "{\"service\":\"" + name + "\",\"target\":\"" + target.replace("\"", "%22") + "\"}");
        }
    }

    private byte[] readCounting(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            body.write(buffer, 0, read);
            bodyBytes.addAndGet(read);
        }
        return body.toByteArray();
    }

    /** Headers at once, then {@link #SLOW_BODY} in four chunks half a second apart. */
    private static void streamSlowly(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        for (String line : SLOW_BODY.split("(?<=\n)")) {
            exchange.getResponseBody().write(line.getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            pause(Duration.ofMillis(500));
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
