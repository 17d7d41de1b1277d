package dev.hashi.translation.observability;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.hashi.translation.unit.StateTotal;
import dev.hashi.translation.unit.Units;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Live translation units per state and locale pair, as the gauge {@code hashi.translation.units} (tags {@code source},
 * {@code target}, {@code state}). One aggregation every {@value #REFRESH_SECONDS} s on a background thread; scrapes
 * read its last result, never the database.
 */
@Component
class UnitMetrics implements SmartLifecycle {

    static final String METRIC = "hashi.translation.units";
    static final long REFRESH_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(UnitMetrics.class);

    private final Units units;
    private final MultiGauge gauge;
    private ScheduledExecutorService executor;

    UnitMetrics(Units units, MeterRegistry registry) {
        this.units = units;
        this.gauge = MultiGauge.builder(METRIC)
                .description("live translation units per state and locale pair")
                .register(registry);
    }

    void refresh() {
        try {
            Map<Tags, Long> counts = new HashMap<>();
            for (StateTotal total : units.stateTotals(null)) {
                counts.merge(
                        Tags.of(
                                "source", total.sourceLocale(),
                                "target", total.targetLocale(),
                                "state", total.state().wireName()),
                        total.units(),
                        Long::sum);
            }
            List<MultiGauge.Row<?>> rows = counts.entrySet().stream()
                    .<MultiGauge.Row<?>>map(count -> MultiGauge.Row.of(count.getKey(), count.getValue()))
                    .toList();
            gauge.register(rows, true);
        } catch (RuntimeException e) {
            log.warn("translation unit metrics not refreshed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "unit-metrics");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                this::refresh, 0, Duration.ofSeconds(REFRESH_SECONDS).toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
