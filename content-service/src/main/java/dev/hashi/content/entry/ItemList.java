package dev.hashi.content.entry;

import java.util.List;

/** The ordered item ids of one component list, e.g. {@code sessions[s-2].presentations → [p-3, p-1]}. */
public record ItemList(String path, List<String> items) {

    public ItemList {
        items = List.copyOf(items);
    }
}
