package dev.hashi.service.paging;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list, the same shape for every list of every service: the {@code items}, the opaque cursor of the
 * {@code next} page ({@code null} on the last page) and the {@code total} number of items where the list can count
 * them cheaply ({@code null} and omitted where it cannot; each list documents which). The web edge also sends the
 * next page as a {@code Link: <…>; rel="next"} header.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, String next, Long total) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * A page from {@code fetched} (up to {@link PageRequest#fetchSize()} items in list order): the first
     * {@code limit} items, with a next cursor made from the last served item by {@code keyOf} when more were fetched.
     */
    public static <T> Page<T> keyset(List<T> fetched, PageRequest request, Function<T, Cursor> keyOf, Long total) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null, total);
        }
        List<T> served = fetched.subList(0, request.limit());
        return new Page<>(served, keyOf.apply(served.get(served.size() - 1)).encode(), total);
    }

    /** A page of an offset-ordered list from {@code fetched} (up to {@link PageRequest#fetchSize()} items). */
    public static <T> Page<T> offset(List<T> fetched, PageRequest request, Long total) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null, total);
        }
        return new Page<>(
                fetched.subList(0, request.limit()),
                Cursor.atOffset(request.offset() + request.limit()).encode(),
                total);
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next, total);
    }
}
