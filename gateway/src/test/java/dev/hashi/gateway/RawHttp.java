package dev.hashi.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 written by hand, for what a well-behaved client cannot send: a declared length the body never reaches, a
 * head the gateway must refuse before reading on. A client that keeps writing a body the server has refused races the
 * server's close, so tests of refusals send only the head and read the one answer.
 */
public final class RawHttp {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    private RawHttp() {}

    /** Writes {@code request} as is and returns the one response, head and body (read to its Content-Length). */
    public static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** One response whose body has a {@code Content-Length} (none means an empty body). */
    public static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int headEnd = -1;
        long length = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            received.write(b);
            if (headEnd < 0 && received.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                headEnd = received.size();
                Matcher m = CONTENT_LENGTH.matcher(received.toString(StandardCharsets.ISO_8859_1));
                length = m.find() ? Long.parseLong(m.group(1)) : 0;
            }
            if (headEnd >= 0 && received.size() - headEnd >= length) {
                break;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
