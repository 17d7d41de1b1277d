package dev.hashi.translation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for content-service at {@code cms.translation.rebuild.content-url} of every {@link ServiceTest}: it
 * answers the JSON put under a path, 404 for any other path, and hangs up on everything while it is {@link #down}.
 */
public final class ContentStub {

    public static final ContentStub INSTANCE = new ContentStub();

    /** One request as the stub saw it: its path and the subject it was signed for. */
    public record Seen(String path, String subject) {}

    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile boolean down;

    private ContentStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            seen.add(new Seen(path, exchange.getRequestHeaders().getFirst("X-Hashi-Subject")));
            if (down) {
                exchange.close();
                return;
            }
            String body = bodies.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code json} for GET {@code path} from now on. */
    public void put(String path, String json) {
        bodies.put(path, json);
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** The requests seen so far for paths starting with {@code prefix}. */
    public List<Seen> seen(String prefix) {
        return seen.stream().filter(s -> s.path().startsWith(prefix)).toList();
    }
}
