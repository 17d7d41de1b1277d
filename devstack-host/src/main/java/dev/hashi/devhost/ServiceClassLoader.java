package dev.hashi.devhost;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * What one service sees of the shared class path. Classes come from the host's class loader, so every service uses
 * the same loaded (and cached) Spring, Kafka and MongoDB classes; resources come from the service's own jars only
 * (its classes and the dependencies its executable jar has), so {@code application.yml}, {@code spring.factories},
 * the auto-configuration imports, {@code META-INF/services}, templates and static files are the service's own, as
 * in its own JVM. The JDK's resources stay visible.
 */
final class ServiceClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final String service;

    ServiceClassLoader(String service, List<URL> ownJars, ClassLoader shared) {
        super("service:" + service, ownJars.toArray(URL[]::new), shared);
        this.service = service;
    }

    /** The service's name, e.g. {@code content-service}. */
    String service() {
        return service;
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : ClassLoader.getPlatformClassLoader().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> found = new ArrayList<>(Collections.list(findResources(name)));
        found.addAll(Collections.list(ClassLoader.getPlatformClassLoader().getResources(name)));
        return Collections.enumeration(found);
    }
}
