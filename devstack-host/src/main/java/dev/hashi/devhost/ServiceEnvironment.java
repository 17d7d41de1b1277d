package dev.hashi.devhost;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A service's own environment variables, placed just before the JVM's, with the same relaxed binding
 * ({@code CMS_TRANSLATION_REBUILD_CONTENTURL} binds {@code cms.translation.rebuild.content-url}) and before the
 * service's configuration files are read, so that {@code ${SERVER_PORT:8081}} resolves to the service's own port.
 */
final class ServiceEnvironment implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** Ends like Boot's name for the JVM's variables: Boot binds only such sources relaxedly, as variables. */
    static final String NAME = "hashiService-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

    private final Map<String, Object> variables;

    ServiceEnvironment(Map<String, String> variables) {
        this.variables = new HashMap<>(variables);
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        MutablePropertySources sources = event.getEnvironment().getPropertySources();
        SystemEnvironmentPropertySource own = new SystemEnvironmentPropertySource(NAME, variables);
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, own);
        } else {
            sources.addFirst(own);
        }
    }

    @Override
    public int getOrder() {
        // before the listener that reads the configuration files (config data) and the other post-processors
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
