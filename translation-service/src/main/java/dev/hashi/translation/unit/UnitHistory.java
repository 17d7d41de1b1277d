package dev.hashi.translation.unit;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

/**
 * The units' history, one document per line ({@code unitId}, {@code seq} = the unit's {@code rev} the line was
 * written with, indexed together), so a unit document does not grow with its history. Used by {@link Units} only:
 * a line is written after its unit's compare-and-set succeeded, under an id unique per unit and revision, so
 * writing it again changes nothing.
 */
final class UnitHistory {

    private final MongoCollection<Document> lines;

    private UnitHistory(MongoCollection<Document> lines) {
        this.lines = lines;
    }

    /** The history in {@code lines}, after moving the arrays older unit documents carried out of {@code units}. */
    static UnitHistory live(MongoCollection<Document> lines, MongoCollection<Document> units) {
        lines.createIndex(Indexes.ascending(UnitDocuments.LINE_UNIT, UnitDocuments.LINE_SEQ));
        // only units still carrying an embedded history are in this index, so the start-up check finds them cheaply
        units.createIndex(
                Indexes.ascending(UnitFields.HISTORY),
                new com.mongodb.client.model.IndexOptions()
                        .name("embedded_history")
                        .sparse(true));
        UnitHistory history = new UnitHistory(lines);
        history.moveEmbedded(units);
        return history;
    }

    void insert(String unitId, long seq, HistoryEntry entry) {
        insert(UnitDocuments.historyLine(unitId, seq, entry));
    }

    /** A page of the unit's lines, oldest first, with their total. */
    Page<HistoryEntry> page(String unitId, PageRequest page) {
        Bson ofUnit = Filters.eq(UnitDocuments.LINE_UNIT, unitId);
        List<HistoryEntry> found = new ArrayList<>();
        lines.find(ofUnit)
                .sort(Sorts.ascending(UnitDocuments.LINE_SEQ))
                .skip(page.offset())
                .limit(page.fetchSize())
                .forEach(doc -> found.add(UnitDocuments.historyEntry(doc)));
        return Page.offset(found, page, lines.countDocuments(ofUnit));
    }

    /**
     * Moves history arrays that older versions kept inside unit documents here, ahead of every later line
     * (negative sequence numbers), and removes them from the unit documents.
     */
    private void moveEmbedded(MongoCollection<Document> units) {
        for (Document doc :
                units.find(Filters.exists(UnitFields.HISTORY)).projection(Projections.include(UnitFields.HISTORY))) {
            String id = doc.getString("_id");
            List<HistoryEntry> embedded = UnitDocuments.history(doc);
            for (int i = 0; i < embedded.size(); i++) {
                insert(UnitDocuments.historyLine(id, (long) i - embedded.size(), embedded.get(i)));
            }
            units.updateOne(Filters.eq("_id", id), Updates.unset(UnitFields.HISTORY));
        }
    }

    private void insert(Document line) {
        try {
            lines.insertOne(line);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
