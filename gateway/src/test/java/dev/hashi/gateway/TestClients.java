package dev.hashi.gateway;

import java.time.Duration;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;

/**
 * Clients of the running gateway that open a new connection for every request. Keep-alive connections are tried on
 * purpose where a test is about them; elsewhere they would expose every test to reactor-netty 1.3.6's keep-alive
 * stall (reactor/reactor-netty#4361: a request that arrives on a kept-alive connection before the server has
 * finished the previous exchange may be queued and never read), seen as rare 10-second hangs in CI.
 */
public final class TestClients {

    private TestClients() {}

    /** A client of {@code http://127.0.0.1:<port>} answering within {@code timeout}, one connection per request. */
    public static WebTestClient of(int port, Duration timeout) {
        return of(HttpClient.newConnection(), port, timeout);
    }

    /** The same over {@code http}, which must be built from {@link HttpClient#newConnection()}. */
    public static WebTestClient of(HttpClient http, int port, Duration timeout) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(timeout)
                .build();
    }
}
