package dev.hashi.console.session;

import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Spring Session's filter over {@link MongoSessions}: the servlet container's sessions are replaced by documents in
 * {@code <database>.sessions}. The cookie is Boot's from {@code server.servlet.session.cookie} ({@code hashi_console},
 * HttpOnly, SameSite=Lax, Secure unless {@code CONSOLE_COOKIE_SECURE=false}). Off with
 * {@code cms.console.sessions.store=servlet}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionStoreProperties.class)
@ConditionalOnProperty(name = "cms.console.sessions.store", havingValue = "mongodb", matchIfMissing = true)
@EnableSpringHttpSession
class ConsoleSessions implements BeanClassLoaderAware {

    private ClassLoader classLoader = ConsoleSessions.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Bean(destroyMethod = "close")
    MongoClient sessionsMongoClient(SessionStoreProperties properties) {
        long waitMillis = properties.serverSelectionTimeout().toMillis();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(properties.mongodbUri()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(waitMillis, TimeUnit.MILLISECONDS))
                .build());
    }

    @Bean
    MongoSessions sessionRepository(
            MongoClient sessionsMongoClient, SessionStoreProperties properties, SessionTimeout timeout) {
        MongoSessions sessions = new MongoSessions(
                sessionsMongoClient.getDatabase(properties.database()), timeout.getTimeout(), classLoader);
        sessions.createIndexes();
        return sessions;
    }
}
