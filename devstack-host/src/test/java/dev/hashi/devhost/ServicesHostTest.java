package dev.hashi.devhost;

import java.net.URL;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServicesHostTest {

    @Test
    void theSpecGivesEachServiceItsOwnEnvironmentAndKeepsMetersOutOfTheStaticRegistry() {
        Properties spec = ServicesHost.spec("""
                services=content-service gateway
                content-service.jar=/x/content-service.jar
                content-service.env.SERVER_PORT=8081
                content-service.env.MONGODB_URI=mongodb\\://127.0.0.1\\:27017
                gateway.env.SERVER_PORT=8080
                """);
        assertThat(ServicesHost.environment(spec, "content-service"))
                .containsEntry("SERVER_PORT", "8081")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27017")
                .containsEntry("MANAGEMENT_METRICS_USEGLOBALREGISTRY", "false")
                .doesNotContainKey("gateway.env.SERVER_PORT")
                .hasSize(3);
        assertThat(ServicesHost.environment(spec, "gateway")).containsEntry("SERVER_PORT", "8080");
        assertThatThrownBy(() -> ServicesHost.services(
                        ServicesHost.spec("services=gateway\n"),
                        Map.of(),
                        getClass().getClassLoader()))
                .hasMessageContaining("without gateway.jar");
    }

    @Test
    void aServicesVariablesSitJustBeforeTheJvmsAndBindRelaxedly() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("SERVER_PORT", "1", "HOME", "/root")));
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of("x", "y")));
        new ServiceEnvironment(Map.of("SERVER_PORT", "8081", "CMS_TRANSLATION_REBUILD_CONTENTURL", "http://c"))
                .onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                        null, new SpringApplication(), new String[0], environment));
        assertThat(environment.getProperty("SERVER_PORT")).isEqualTo("8081");
        assertThat(environment.getProperty("server.port")).isEqualTo("8081");
        assertThat(Binder.get(environment)
                        .bind("cms.translation.rebuild.content-url", String.class)
                        .get())
                .isEqualTo("http://c");
        assertThat(environment.getProperty("HOME")).isEqualTo("/root");
        assertThat(environment.getPropertySources().stream()
                        .map(s -> s.getName())
                        .toList())
                .containsSubsequence(
                        "commandLineArgs",
                        ServiceEnvironment.NAME,
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    }

    @Test
    void aServicesJarsAreFoundByTheNamesOfItsClassPathIndex() throws Exception {
        assertThat(HostedService.libraries("""
                - "BOOT-INF/lib/spring-core-7.0.8.jar"
                - "BOOT-INF/lib/hashi-service-support-0.1.0-SNAPSHOT.jar"
                """))
                .containsExactly("spring-core-7.0.8.jar", "hashi-service-support-0.1.0-SNAPSHOT.jar");
        assertThat(HostClassPath.fileName("jar:nested:/a/devstack-host.jar/!BOOT-INF/lib/x-1.0.jar!/"))
                .isEqualTo("x-1.0.jar");
        assertThat(HostClassPath.fileName("file:/a/app/lib/x-1.0.jar")).isEqualTo("x-1.0.jar");
        URL classes = new URL("file:/a/lib/hashi-content-service-0.1.0-SNAPSHOT-classes.jar");
        assertThat(HostClassPath.classesJar(
                        "content-service",
                        Map.of(
                                "hashi-content-service-0.1.0-SNAPSHOT-classes.jar",
                                classes,
                                "hashi-content-service-support.jar",
                                new URL("file:/b"))))
                .isEqualTo(classes);
        assertThatThrownBy(() -> HostClassPath.classesJar("media-service", Map.of()))
                .hasMessageContaining("built without media-service");
    }
}
