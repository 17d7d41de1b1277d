package dev.hashi.devhost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.springframework.boot.WebApplicationType;

/**
 * One service of the one JVM: its main class, what it sees ({@link ServiceClassLoader}) and its environment
 * variables, exactly those its own JVM would get from the launcher.
 *
 * @param name      the module name, e.g. {@code content-service}
 * @param mainClass its {@code @SpringBootApplication} class
 * @param loader    its view of the class path
 * @param env       its environment variables
 */
record HostedService(String name, String mainClass, ServiceClassLoader loader, Map<String, String> env) {

    private static final String CLASSPATH_INDEX = "BOOT-INF/classpath.idx";

    /**
     * The service as its executable jar describes it: the main class of its manifest and the dependencies its
     * class-path index lists, found among the host's jars by file name, plus its own classes jar.
     *
     * @param executableJar the service's executable jar (e.g. {@code content-service/target/content-service.jar})
     * @param hostJars      the host's jars by file name ({@link HostClassPath})
     * @throws IllegalStateException naming what is missing when the host was built without one of its jars
     */
    static HostedService of(
            String name, Path executableJar, Map<String, URL> hostJars, ClassLoader shared, Map<String, String> env) {
        List<URL> own = new ArrayList<>();
        own.add(HostClassPath.classesJar(name, hostJars));
        String mainClass;
        try (JarFile jar = new JarFile(executableJar.toFile())) {
            mainClass = jar.getManifest().getMainAttributes().getValue("Start-Class");
            ZipEntry index = jar.getEntry(CLASSPATH_INDEX);
            if (mainClass == null || index == null) {
                throw new IllegalStateException(executableJar + " is not a Spring Boot executable jar");
            }
            try (InputStream in = jar.getInputStream(index)) {
                for (String lib : libraries(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                    URL url = hostJars.get(lib);
                    if (url == null) {
                        throw new IllegalStateException(name + " needs " + lib + ", which the one-JVM host was not"
                                + " built with: rebuild (./mvnw -DskipTests install)");
                    }
                    own.add(url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + executableJar, e);
        }
        return new HostedService(name, mainClass, new ServiceClassLoader(name, own, shared), Map.copyOf(env));
    }

    /** The jar file names of a class-path index ({@code - "BOOT-INF/lib/spring-core-7.0.8.jar"} per line). */
    static List<String> libraries(String classpathIndex) {
        List<String> names = new ArrayList<>();
        for (String line : classpathIndex.split("\n")) {
            String entry = line.strip();
            if (entry.startsWith("- ")) {
                entry = entry.substring(2).strip();
            }
            entry = entry.replace("\"", "");
            if (!entry.isEmpty()) {
                names.add(entry.substring(entry.lastIndexOf('/') + 1));
            }
        }
        return names;
    }

    /** Servlet when the service's own jars have Spring MVC, reactive when they have only WebFlux, as Boot decides. */
    WebApplicationType webApplicationType() {
        if (loader.findResource("org/springframework/web/servlet/DispatcherServlet.class") != null) {
            return WebApplicationType.SERVLET;
        }
        if (loader.findResource("org/springframework/web/reactive/DispatcherHandler.class") != null) {
            return WebApplicationType.REACTIVE;
        }
        return WebApplicationType.NONE;
    }
}
