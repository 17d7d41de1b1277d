package dev.hashi.translation.unit;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/** Maps units and history lines to MongoDB documents and back. Documents never leave this package. */
final class UnitDocuments {

    /** Sort value for units without a due date, so they come after every dated unit. */
    static final Date NO_DUE_DATE = new Date(253402300799000L);

    private UnitDocuments() {}

    static Document toDocument(Unit unit) {
        Unit.Source source = unit.source();
        Document doc = new Document("_id", unit.id())
                .append("entryId", unit.entryId())
                .append(UnitFields.TYPE, unit.type())
                .append("path", unit.path())
                .append("sourceLocale", source.locale())
                .append("targetLocale", unit.targetLocale())
                .append("state", unit.state().wireName())
                .append(
                        "source",
                        new Document("text", source.text())
                                .append("hash", source.hash())
                                .append("size", source.size())
                                .append("sizeUnit", source.sizeUnit()))
                .append(
                        "target",
                        unit.target() == null
                                ? null
                                : new Document("text", unit.target().text())
                                        .append("fromHash", unit.target().fromHash())
                                        .append("unitId", unit.target().unitId())
                                        .append("author", unit.target().author()))
                .append(
                        "outdated",
                        unit.outdated() == null
                                ? null
                                : new Document("oldText", unit.outdated().oldText())
                                        .append("oldHash", unit.outdated().oldHash())
                                        .append("newText", unit.outdated().newText()))
                .append(
                        "work",
                        new Document("stage", unit.work().stage().name())
                                .append("draft", unit.work().draft())
                                .append("draftFromHash", unit.work().draftFromHash())
                                .append("translator", unit.work().translator())
                                .append("reviewer", unit.work().reviewer())
                                .append("comment", unit.work().comment()))
                .append("assignee", unit.plan().assignee())
                .append(
                        "dueAt",
                        unit.plan().dueAt() == null
                                ? null
                                : Date.from(unit.plan().dueAt()))
                .append(
                        "dueSort",
                        unit.plan().dueAt() == null
                                ? NO_DUE_DATE
                                : Date.from(unit.plan().dueAt()))
                .append("priority", unit.plan().priority())
                .append("titles", new Document(new LinkedHashMap<>(unit.titles())))
                .append(
                        "versions",
                        new Document("source", unit.versions().source())
                                .append("target", unit.versions().target())
                                .append("titles", unit.versions().titles()))
                .append("removed", unit.removed())
                .append(UnitFields.FIELD_PATH, FieldPaths.fieldPath(unit.path()))
                .append(UnitFields.PATH_KEY, FieldPaths.naturalKey(unit.path()))
                .append(UnitFields.DECISION, decision(unit.decision()))
                .append(
                        UnitFields.RULE,
                        unit.decision() == null ? null : unit.decision().ruleId())
                .append(UnitFields.OPEN_QUESTION, unit.openQuestion())
                .append("approvedText", unit.approvedText())
                .append(UnitFields.REV, unit.rev());
        return doc;
    }

    static Unit toUnit(Document doc) {
        Document source = doc.get("source", Document.class);
        Document target = doc.get("target", Document.class);
        Document outdated = doc.get("outdated", Document.class);
        Document work = doc.get("work", Document.class);
        Document versions = doc.get("versions", Document.class);
        Date due = doc.getDate("dueAt");
        Map<String, String> titles = new LinkedHashMap<>();
        Document titleDoc = doc.get("titles", Document.class);
        if (titleDoc != null) {
            titleDoc.forEach((locale, title) -> titles.put(locale, (String) title));
        }
        return new Unit(
                doc.getString("_id"),
                doc.getString("entryId"),
                doc.getString(UnitFields.TYPE),
                doc.getString("path"),
                doc.getString("targetLocale"),
                UnitState.fromWire(doc.getString("state")).orElseThrow(),
                new Unit.Source(
                        doc.getString("sourceLocale"),
                        source.getString("text"),
                        source.getString("hash"),
                        source.getInteger("size", 0),
                        source.getString("sizeUnit")),
                target == null
                        ? null
                        : new Unit.Target(
                                target.getString("text"),
                                target.getString("fromHash"),
                                target.getString("unitId"),
                                target.getString("author")),
                outdated == null
                        ? null
                        : new Unit.Outdated(
                                outdated.getString("oldText"),
                                outdated.getString("oldHash"),
                                outdated.getString("newText")),
                new Unit.Work(
                        Unit.Work.Stage.valueOf(work.getString("stage")),
                        work.getString("draft"),
                        work.getString("draftFromHash"),
                        work.getString("translator"),
                        work.getString("reviewer"),
                        work.getString("comment")),
                new Unit.Plan(
                        doc.getString("assignee"), due == null ? null : due.toInstant(), doc.getInteger("priority", 0)),
                titles,
                new Unit.Versions(
                        versions.get("source", Number.class).longValue(),
                        versions.get("target", Number.class).longValue(),
                        versions.get("titles", Number.class).longValue()),
                doc.getBoolean("removed", false),
                decision(doc.get(UnitFields.DECISION, Document.class)),
                doc.getBoolean(UnitFields.OPEN_QUESTION, false),
                doc.get(UnitFields.REV, Number.class).longValue());
    }

    private static Document decision(Unit.Decision decision) {
        return decision == null
                ? null
                : new Document("reason", decision.reason())
                        .append("decidedBy", decision.decidedBy())
                        .append("decidedAt", Date.from(decision.decidedAt()))
                        .append("sourceHash", decision.sourceHash())
                        .append("ruleId", decision.ruleId());
    }

    private static Unit.Decision decision(Document doc) {
        return doc == null
                ? null
                : new Unit.Decision(
                        doc.getString("reason"),
                        doc.getString("decidedBy"),
                        doc.getDate("decidedAt").toInstant(),
                        doc.getString("sourceHash"),
                        doc.getString("ruleId"));
    }

    static final String LINE_UNIT = "unitId";
    static final String LINE_SEQ = "seq";

    /** A history line of unit {@code unitId}, written with its revision {@code seq}; its id is unique per both. */
    static Document historyLine(String unitId, long seq, HistoryEntry entry) {
        return new Document("_id", unitId + "@" + seq)
                .append(LINE_UNIT, unitId)
                .append(LINE_SEQ, seq)
                .append("at", Date.from(entry.at()))
                .append("actor", entry.actor())
                .append("action", entry.action())
                .append("from", entry.from())
                .append("to", entry.to())
                .append("oldText", entry.oldText())
                .append("newText", entry.newText())
                .append("comment", entry.comment())
                .append(
                        "diff",
                        entry.diff() == null
                                ? null
                                : entry.diff().stream()
                                        .map(edit -> new Document("op", edit.op()).append("text", edit.text()))
                                        .toList());
    }

    static HistoryEntry historyEntry(Document line) {
        return new HistoryEntry(
                line.getDate("at").toInstant(),
                line.getString("actor"),
                line.getString("action"),
                line.getString("from"),
                line.getString("to"),
                line.getString("oldText"),
                line.getString("newText"),
                line.getString("comment"),
                line.containsKey("diff") && line.get("diff") != null
                        ? line.getList("diff", Document.class).stream()
                                .map(edit -> new HistoryEntry.Edit(edit.getString("op"), edit.getString("text")))
                                .toList()
                        : null);
    }

    /** The history array that unit documents of older versions carried. */
    static List<HistoryEntry> history(Document doc) {
        return doc.getList(UnitFields.HISTORY, Document.class, List.of()).stream()
                .map(UnitDocuments::historyEntry)
                .toList();
    }
}
