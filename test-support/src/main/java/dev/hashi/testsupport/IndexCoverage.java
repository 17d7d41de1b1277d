package dev.hashi.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Records every command a service sends to MongoDB during its tests (a driver {@link CommandListener}) and checks
 * that each {@code find}, {@code aggregate} ({@code $match}/{@code $sort}), {@code update}, {@code delete},
 * {@code findAndModify}, {@code count} and {@code distinct} is served by an index the service declared (the
 * {@code createIndexes} commands it sent, plus {@code _id}): the index starts with the query's equality fields,
 * continues with its sort fields, then its range fields — as MongoDB uses them. An index that yields only the sort
 * order (the remaining equality fields filtered while walking it, as MongoDB does for a sorted, limited page) counts
 * as serving; a query that neither an equality prefix, a sort order nor a leading range field can use does not. The MongoDB-wire server used in
 * tests ignores non-unique indexes, so timings there cannot show a missing index; this check can.
 */
public final class IndexCoverage implements CommandListener {

    /** The one recorder of a test JVM; registered with every MongoDB client the tests' Spring contexts build. */
    public static final IndexCoverage RECORDER = new IndexCoverage();

    private static final Set<String> EQUALITY = Set.of("$eq", "$in");
    private static final Set<String> NEGATION = Set.of("$ne", "$nin", "$not");

    /** A query shape as sent: its collection, command, filter fields and sort fields, and where it came from. */
    public record Query(
            String collection,
            String command,
            Set<String> equality,
            List<String> sort,
            Set<String> range,
            String origin) {

        @Override
        public String toString() {
            return collection + " " + command + " eq=" + equality + " sort=" + sort + " range=" + range + " from "
                    + origin;
        }
    }

    private final Map<String, Set<List<String>>> indexes = new ConcurrentHashMap<>();
    private final List<Query> queries = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        String collection =
                event.getDatabaseName() + "." + command.get(name).asString().getValue();
        switch (name) {
            case "createIndexes" ->
                command.getArray("indexes")
                        .forEach(index -> indexes.computeIfAbsent(collection, c -> ConcurrentHashMap.newKeySet())
                                .add(List.copyOf(
                                        index.asDocument().getDocument("key").keySet())));
            case "find" ->
                record(
                        collection,
                        name,
                        command.getDocument("filter", new BsonDocument()),
                        command.getDocument("sort", null));
            case "findAndModify" ->
                record(
                        collection,
                        name,
                        command.getDocument("query", new BsonDocument()),
                        command.getDocument("sort", null));
            case "count", "distinct" ->
                record(collection, name, command.getDocument("query", new BsonDocument()), null);
            case "update" ->
                command.getArray("updates")
                        .forEach(u -> record(collection, name, u.asDocument().getDocument("q"), null));
            case "delete" ->
                command.getArray("deletes")
                        .forEach(d -> record(collection, name, d.asDocument().getDocument("q"), null));
            case "aggregate" -> aggregate(collection, command.getArray("pipeline"));
            default -> {
                // inserts, index management, pings and the like touch no index
            }
        }
    }

    private void aggregate(String collection, BsonArray pipeline) {
        BsonDocument match = new BsonDocument();
        BsonDocument sort = null;
        for (BsonValue stage : pipeline) {
            BsonDocument step = stage.asDocument();
            if (step.containsKey("$match") && sort == null) {
                match = step.getDocument("$match");
            } else if (step.containsKey("$sort") && sort == null) {
                sort = step.getDocument("$sort");
            } else {
                break;
            }
        }
        record(collection, "aggregate", match, sort);
    }

    private void record(String collection, String command, BsonDocument filter, BsonDocument sort) {
        String origin = origin();
        List<String> sortFields = sort == null ? List.of() : List.copyOf(sort.keySet());
        for (Map<String, Set<String>> branch : branches(filter)) {
            queries.add(new Query(collection, command, branch.get("eq"), sortFields, branch.get("range"), origin));
        }
    }

    /** The filter as alternatives ({@code $or} branches), each with its equality and range fields. */
    private static List<Map<String, Set<String>>> branches(BsonDocument filter) {
        List<Map<String, Set<String>>> result = new ArrayList<>();
        result.add(Map.of("eq", new LinkedHashSet<>(), "range", new LinkedHashSet<>()));
        for (Map.Entry<String, BsonValue> clause : filter.entrySet()) {
            String key = clause.getKey();
            BsonValue value = clause.getValue();
            if (key.equals("$and")) {
                for (BsonValue part : value.asArray()) {
                    List<Map<String, Set<String>>> inner = branches(part.asDocument());
                    result = cross(result, inner);
                }
            } else if (key.equals("$or") || key.equals("$nor")) {
                List<Map<String, Set<String>>> alternatives = new ArrayList<>();
                for (BsonValue part : value.asArray()) {
                    alternatives.addAll(branches(part.asDocument()));
                }
                result = cross(result, alternatives);
            } else if (key.startsWith("$")) {
                result.forEach(b -> b.get("range").add(key));
            } else if (value.isDocument()
                    && value.asDocument().keySet().stream().anyMatch(k -> k.startsWith("$"))) {
                Set<String> operators = value.asDocument().keySet();
                boolean equality = operators.stream().anyMatch(EQUALITY::contains);
                boolean negation = operators.stream().allMatch(NEGATION::contains)
                        || (operators.equals(Set.of("$exists"))
                                && !value.asDocument()
                                        .get("$exists")
                                        .asBoolean()
                                        .getValue());
                if (equality) {
                    result.forEach(b -> b.get("eq").add(key));
                } else if (!negation) {
                    result.forEach(b -> b.get("range").add(key));
                }
            } else {
                result.forEach(b -> b.get("eq").add(key));
            }
        }
        return result;
    }

    private static List<Map<String, Set<String>>> cross(
            List<Map<String, Set<String>>> left, List<Map<String, Set<String>>> right) {
        List<Map<String, Set<String>>> product = new ArrayList<>();
        for (Map<String, Set<String>> a : left) {
            for (Map<String, Set<String>> b : right) {
                Set<String> eq = new LinkedHashSet<>(a.get("eq"));
                eq.addAll(b.get("eq"));
                Set<String> range = new LinkedHashSet<>(a.get("range"));
                range.addAll(b.get("range"));
                product.add(Map.of("eq", eq, "range", range));
            }
        }
        return product;
    }

    /** The first frame of project code that is not this recorder, naming where a query comes from. */
    private static String origin() {
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> f.getClassName().startsWith("dev.hashi.")
                                && !f.getClassName().startsWith("dev.hashi.testsupport.")
                                && !f.getClassName().contains("Test"))
                        .findFirst()
                        .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "."
                                + f.getMethodName() + ":" + f.getLineNumber())
                        .orElse("test code"));
    }

    /** Every recorded query, in the order sent. */
    public List<Query> queries() {
        return List.copyOf(queries);
    }

    /** The declared index key lists of {@code database.collection}. */
    public Set<List<String>> indexes(String collection) {
        Set<List<String>> declared = new LinkedHashSet<>(indexes.getOrDefault(collection, Set.of()));
        declared.add(List.of("_id"));
        return declared;
    }

    /**
     * The distinct queries of collections whose name (without database) is in {@code collections} that no declared
     * index serves; queries from test code itself are ignored (tests may scan to check what they wrote).
     */
    public List<Query> unserved(Set<String> collections) {
        return unserved(collections, Set.of());
    }

    /**
     * Like {@link #unserved(Set)}, but whole-collection reads (no filter, no sort) of {@code readWhole} collections
     * are accepted: small, bounded collections read in full on purpose (each caller says why).
     */
    public List<Query> unserved(Set<String> collections, Set<String> readWhole) {
        return unserved(collections, readWhole, Set.of());
    }

    /**
     * Like {@link #unserved(Set, Set)}, also accepting a query whose equality on one of {@code boundedBy} fields is
     * served by an index that starts with it, with its sort done in memory: such a field bounds the result to a
     * few documents (e.g. the units of one entry), so a sort index for every filter combination would not pay.
     */
    public List<Query> unserved(Set<String> collections, Set<String> readWhole, Set<String> boundedBy) {
        Map<String, Query> distinct = new LinkedHashMap<>();
        for (Query query : queries) {
            String name = query.collection().substring(query.collection().indexOf('.') + 1);
            if (!collections.contains(name) || query.origin().equals("test code")) {
                continue;
            }
            boolean whole = query.equality().isEmpty()
                    && query.range().isEmpty()
                    && query.sort().isEmpty();
            if (whole && readWhole.contains(name)) {
                continue;
            }
            boolean bounded = indexes(query.collection()).stream()
                    .anyMatch(index ->
                            boundedBy.contains(index.get(0)) && query.equality().contains(index.get(0)));
            if (!bounded && indexes(query.collection()).stream().noneMatch(index -> serves(index, query))) {
                distinct.putIfAbsent(
                        name + query.command() + query.equality() + query.sort() + query.range() + query.origin(),
                        query);
            }
        }
        return List.copyOf(distinct.values());
    }

    /** Whether an index with {@code keys} serves {@code query}: equality fields, then sort fields, then a range. */
    static boolean serves(List<String> keys, Query query) {
        int i = 0;
        while (i < keys.size() && query.equality().contains(keys.get(i))) {
            i++;
        }
        int equalityPrefix = i;
        List<String> sort = query.sort().stream()
                .filter(field -> !query.equality().contains(field))
                .toList();
        for (String field : sort) {
            if (i < keys.size() && keys.get(i).equals(field)) {
                i++;
            } else {
                return false;
            }
        }
        if (equalityPrefix > 0 || !sort.isEmpty()) {
            return true;
        }
        return !keys.isEmpty() && query.range().contains(keys.get(0));
    }
}
