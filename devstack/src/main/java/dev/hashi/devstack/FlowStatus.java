package dev.hashi.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./hashi-dev status}: one line saying whether events flow, from every service's {@code /actuator/prometheus}:
 * events relayed and consumed, consumer lag, dead letters, the outbox backlog and how many services are ready.
 */
final class FlowStatus {

    private FlowStatus() {}

    /** The summary line of the stack {@code config} describes. */
    static String line(StackConfig config, HttpClient http) {
        Map<String, Double> totals = new HashMap<>();
        int ready = 0;
        int reachable = 0;
        for (StackConfig.Service service : config.services()) {
            String text = scrape(http, service.url() + "/actuator/prometheus");
            if (text == null) {
                continue;
            }
            reachable++;
            Map<String, Double> metrics = sums(text);
            if (metrics.getOrDefault("hashi_readiness", 0.0) >= 1) {
                ready++;
            }
            metrics.forEach((name, value) -> totals.merge(name, value, Double::sum));
        }
        if (reachable == 0) {
            return "hashi: no service answers; is the dev stack running (./hashi-dev)?";
        }
        return String.format(
                "hashi: relayed %d · consumed %d · lag %s · dead letters %d · outbox pending %d (oldest %.0f s)"
                        + " · ready %d/%d",
                Math.round(totals.getOrDefault("hashi_outbox_relayed_total", 0.0)),
                Math.round(totals.getOrDefault("hashi_events_consumed_total", 0.0)),
                lag(totals.getOrDefault("hashi_kafka_consumer_lag", 0.0)),
                Math.round(totals.getOrDefault("hashi_events_dead_letters_total", 0.0)),
                Math.round(totals.getOrDefault("hashi_outbox_pending", 0.0)),
                totals.getOrDefault("hashi_outbox_oldest_age_seconds_max", 0.0),
                ready,
                config.services().size());
    }

    private static String lag(double lag) {
        return Double.isNaN(lag) ? "unknown (broker unreachable)" : String.valueOf(Math.round(lag));
    }

    /**
     * Every sample of the Prometheus text summed by metric name; {@code hashi_outbox_oldest_age_seconds} also kept
     * as its maximum under {@code ..._max}.
     */
    static Map<String, Double> sums(String text) {
        Map<String, Double> sums = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            int brace = line.indexOf('{');
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
            double value;
            try {
                value = Double.parseDouble(line.substring(space + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            sums.merge(name, value, Double::sum);
            if (name.equals("hashi_outbox_oldest_age_seconds")) {
                sums.merge(name + "_max", value, Math::max);
            }
        }
        return sums;
    }

    private static String scrape(HttpClient http, String url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
