package dev.hashi.devstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds the missing start-up caches of a running stack, one service after the other on a background thread at low
 * priority, so that the next start uses them (see {@link StartupCache}). The first start after a build runs without
 * caches; it is not made longer by building them first.
 */
final class StartupCaches {

    /** A training run is a service start; on a loaded two-core machine one took up to two minutes. */
    private static final long TIMEOUT_SECONDS = 600;

    private final List<ServiceProcess.Training> missing;
    private final Consumer<String> report;
    private volatile boolean cancelled;
    private volatile StartupCache current;
    private Thread thread;

    StartupCaches(List<ServiceProcess> processes, Consumer<String> report) {
        Map<java.nio.file.Path, ServiceProcess.Training> byCache = new LinkedHashMap<>();
        for (ServiceProcess process : processes) {
            ServiceProcess.Training training = process.training();
            if (training.cache() != null && !training.cache().ready()) {
                // replicas share a jar, so a cache
                byCache.putIfAbsent(training.cache().dir(), training);
            }
        }
        this.missing = new ArrayList<>(byCache.values());
        this.report = report;
    }

    /** Starts building, if anything is missing. */
    synchronized void start() {
        if (missing.isEmpty() || cancelled) {
            return;
        }
        report.accept("hashi: preparing start-up caches for the next start, in the background (" + missing.size()
                + " service(s))");
        thread = new Thread(this::buildAll, "devstack-startup-caches");
        thread.setDaemon(true);
        thread.start();
    }

    private void buildAll() {
        int built = 0;
        for (ServiceProcess.Training training : missing) {
            if (cancelled) {
                return;
            }
            current = training.cache();
            try {
                if (training.cache()
                        .build(training.java(), training.options(), training.env(), training.log(), TIMEOUT_SECONDS)) {
                    built++;
                } else if (!cancelled) {
                    report.accept("hashi: no start-up cache for "
                            + training.cache()
                                    .dir()
                                    .getParent()
                                    .getParent()
                                    .getParent()
                                    .getFileName() + "; see " + training.log());
                }
            } catch (Exception e) {
                if (!cancelled) {
                    report.accept("hashi: no start-up cache: " + e);
                }
            }
        }
        current = null;
        if (!cancelled) {
            report.accept("hashi: start-up caches ready (" + built + " of " + missing.size() + ")");
        }
    }

    /** Waits until every missing cache is built or given up (at once when nothing was missing). */
    void awaitDone() throws InterruptedException {
        Thread building;
        synchronized (this) {
            building = thread;
        }
        if (building != null) {
            building.join();
        }
    }

    /** Stops the build under way; the caches already complete stay. */
    synchronized void cancel() {
        cancelled = true;
        StartupCache building = current;
        if (building != null) {
            building.cancel();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
