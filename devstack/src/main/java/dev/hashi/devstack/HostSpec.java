package dev.hashi.devstack;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What the one-JVM host ({@code devstack-host}'s {@code ServicesHost}) starts: a properties text in the environment
 * variable {@value #VARIABLE} with {@code services} (names in start order) and per service {@code <name>.jar} (its
 * executable jar, whose manifest and class-path index tell the host its main class and dependencies) and
 * {@code <name>.env.<VARIABLE>} (the environment variables its own JVM would get).
 */
final class HostSpec {

    /** Read by {@code dev.hashi.devhost.ServicesHost}. */
    static final String VARIABLE = "HASHI_SERVICES";

    private HostSpec() {}

    static String text(Path root, Map<StackConfig.Service, Map<String, String>> envs) {
        Properties spec = new Properties();
        spec.setProperty(
                "services",
                envs.keySet().stream().map(StackConfig.Service::name).collect(Collectors.joining(" ")));
        envs.forEach((service, env) -> {
            spec.setProperty(service.name() + ".jar", service.jar(root).toString());
            env.forEach((name, value) -> spec.setProperty(service.name() + ".env." + name, value));
        });
        StringWriter text = new StringWriter();
        try {
            spec.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
