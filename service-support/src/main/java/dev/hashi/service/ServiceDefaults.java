package dev.hashi.service;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import dev.hashi.service.observability.TracingSwitch;

/**
 * Adds {@code hashi-service-defaults.yml} as the lowest-precedence property source of every domain service, so a
 * service's own {@code application.yml}, system properties and environment variables all override it, and after it
 * the tracing properties that follow from {@code OTEL_EXPORTER_OTLP_ENDPOINT} ({@link TracingSwitch}).
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "hashi-service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
            TracingSwitch.apply(environment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
