package dev.hashi.devhost;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %service} in the one JVM's log pattern: the service whose thread logged the line. Every thread a service
 * starts (its main, Tomcat's or Netty's workers, Kafka consumers, schedulers) carries the service's class loader as
 * its context class loader; a thread of no service (the JVM's own pools) prints {@code -}.
 */
public class ServiceConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Thread.currentThread().getContextClassLoader() instanceof ServiceClassLoader service
                ? service.service()
                : "-";
    }
}
