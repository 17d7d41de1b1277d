package dev.hashi.translation.unit;

import java.util.List;

import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

/** Pages of short lists that are read or computed whole (history, suggestions, progress): offset paging with a total. */
public final class LoadedPages {

    private LoadedPages() {}

    /** The page of {@code all} that {@code request} asks for, with {@code total} = the size of {@code all}. */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = Math.min(request.offset(), all.size());
        int to = Math.min(all.size(), from + request.fetchSize());
        return Page.offset(all.subList(from, to), request, (long) all.size());
    }
}
