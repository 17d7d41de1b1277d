package dev.hashi.gateway.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A content-service stand-in on a loopback port: answers each path with what the test set (by default a 404 problem),
 * counts the requests per path (query excluded), and remembers the last request's {@code Accept-Language}.
 */
final class ContentUpstream implements AutoCloseable {

    /** An answer: status, headers and a UTF-8 body. */
    record Answer(int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    ContentUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@code path} is answered with {@code answer} from now on. */
    void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    /**
     * A published entry as content-service delivers it: 200, public for 60 s, a strong ETag, {@code Vary:
     * Accept-Language} and the internal headers.
     */
    static Answer published(String body, String versions, String types) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Content-Language", "en");
        headers.put("Cache-Control", "public, max-age=60, stale-while-revalidate=300");
        headers.put("Vary", "Accept-Language");
        headers.put("ETag", "\"" + Integer.toHexString(body.hashCode()) + "\"");
        if (versions != null) {
            headers.put("Hashi-Versions", versions);
        }
        if (types != null) {
            headers.put("Hashi-Types", types);
        }
        return new Answer(200, headers, body);
    }

    /** How many requests reached {@code path} (any query). */
    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/actuator/health")) {
                respond(exchange, new Answer(200, Map.of("Content-Type", "application/json"), "{\"status\":\"UP\"}"));
                return;
            }
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Answer answer = answers.getOrDefault(
                    path, new Answer(404, Map.of("Content-Type", "application/problem+json"), "{\"status\":404}"));
            respond(exchange, answer);
        }
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
