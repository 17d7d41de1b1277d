package dev.hashi.content.common;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import dev.hashi.events.consumer.IdempotentConsumer;

/** The marks of events already handled, in {@code consumer_marks}, shared by the service's event listeners. */
@Component
public class ConsumerMarks {

    private final MongoCollection<Document> collection;

    ConsumerMarks(MongoDatabase database) {
        this.collection = database.getCollection("consumer_marks");
    }

    /** A consumer that handles each event once under {@code name}. */
    public IdempotentConsumer consumer(String name) {
        return new IdempotentConsumer(name, collection);
    }
}
