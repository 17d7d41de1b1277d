package dev.hashi.console.session;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.MapSession;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import dev.hashi.embedded.SharedInfra;

import static org.assertj.core.api.Assertions.assertThat;

class MongoSessionsTest {

    static MongoClient client;
    static MongoCollection<Document> documents;
    static MongoSessions sessions;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedInfra.mongo().connectionString());
        sessions = new MongoSessions(
                client.getDatabase("console_sessions_test"),
                Duration.ofHours(8),
                MongoSessionsTest.class.getClassLoader());
        sessions.createIndexes();
        documents = client.getDatabase("console_sessions_test").getCollection(MongoSessions.COLLECTION);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aSessionWithASignedInUserComesBackAsItWasSaved() {
        MapSession session = sessions.createSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, editorsContext());
        session.setAttribute("returnTo", "/pages?locale=ja-JP&q=ｶﾀｶﾅ漢字");
        sessions.save(session);

        MapSession found = sessions.findById(session.getId());

        assertThat(found).isNotNull();
        assertThat(found.getAttributeNames())
                .containsExactlyInAnyOrder(
                        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, "returnTo");
        SecurityContext context = found.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getName()).isEqualTo("dev-editor");
        assertThat(context.getAuthentication().isAuthenticated()).isTrue();
        assertThat(context.getAuthentication().getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_EDITOR");
        assertThat((String) found.getAttribute("returnTo")).isEqualTo("/pages?locale=ja-JP&q=ｶﾀｶﾅ漢字");
        assertThat(found.getMaxInactiveInterval()).isEqualTo(Duration.ofHours(8));
        assertThat(found.getCreationTime()).isEqualTo(session.getCreationTime().truncatedTo(ChronoUnit.MILLIS));
        assertThat(found.getLastAccessedTime())
                .isEqualTo(session.getLastAccessedTime().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void theDocumentCarriesItsExpiryForTheTtlIndex() {
        MapSession session = sessions.createSession();
        session.setLastAccessedTime(Instant.parse("2026-12-03T01:00:00Z"));
        sessions.save(session);

        Document stored = documents.find(Filters.eq("_id", session.getId())).first();

        assertThat(stored.getDate(MongoSessions.EXPIRE_AT).toInstant())
                .isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        assertThat(stored.get("maxInactiveInterval", Number.class).longValue()).isEqualTo(8 * 3600);
        assertThat(documents.listIndexes().into(new java.util.ArrayList<>()))
                .anySatisfy(
                        index -> assertThat(index.get("key", Document.class)).containsKey(MongoSessions.EXPIRE_AT));
    }

    @Test
    void anExpiredSessionIsNotFoundAndIsDeletedWhenRead() {
        MapSession session = sessions.createSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, editorsContext());
        session.setMaxInactiveInterval(Duration.ofMinutes(30));
        session.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(31)));
        sessions.save(session);
        assertThat(documents.countDocuments(Filters.eq("_id", session.getId()))).isEqualTo(1);

        assertThat(sessions.findById(session.getId())).isNull();
        assertThat(documents.countDocuments(Filters.eq("_id", session.getId()))).isZero();
    }

    @Test
    void aChangedIdMovesTheSessionAndTheOldIdIsFoundNoMore() {
        MapSession session = sessions.createSession();
        session.setAttribute("returnTo", "/translate");
        sessions.save(session);
        MapSession loaded = sessions.findById(session.getId());
        String before = loaded.getId();

        String after = loaded.changeSessionId();
        loaded.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, editorsContext());
        sessions.save(loaded);

        assertThat(after).isNotEqualTo(before);
        assertThat(sessions.findById(before)).isNull();
        MapSession moved = sessions.findById(after);
        assertThat(moved.getAttributeNames())
                .containsExactlyInAnyOrder(
                        "returnTo", HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    }

    @Test
    void aDeletedSessionIsGoneAndALateSaveOfItDoesNotBringItBack() {
        MapSession session = sessions.createSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, editorsContext());
        sessions.save(session);
        MapSession loadedByASlowRequest = sessions.findById(session.getId());

        sessions.deleteById(session.getId());
        loadedByASlowRequest.setLastAccessedTime(Instant.now());
        sessions.save(loadedByASlowRequest);

        assertThat(sessions.findById(session.getId())).isNull();
        Document marker = documents.find(Filters.eq("_id", session.getId())).first();
        assertThat(marker).doesNotContainKey("attributes");
    }

    @Test
    void aSessionThatNeverExpiresHasNoExpiryDate() {
        MapSession session = sessions.createSession();
        session.setMaxInactiveInterval(Duration.ofSeconds(-1));
        sessions.save(session);

        assertThat(documents.find(Filters.eq("_id", session.getId())).first())
                .doesNotContainKey(MongoSessions.EXPIRE_AT);
        assertThat(sessions.findById(session.getId())).isNotNull();
    }

    @Test
    void attributesThatCanNoLongerBeReadDropTheSessionInsteadOfFailingTheRequest() {
        MapSession session = sessions.createSession();
        sessions.save(session);
        documents.updateOne(
                Filters.eq("_id", session.getId()),
                new Document("$set", new Document("attributes", new org.bson.types.Binary(new byte[] {1, 2, 3}))));

        assertThat(sessions.findById(session.getId())).isNull();
        assertThat(documents.countDocuments(Filters.eq("_id", session.getId()))).isZero();
    }

    private static SecurityContext editorsContext() {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "dev-editor", null, List.of(new SimpleGrantedAuthority("ROLE_EDITOR"))));
    }
}
