package dev.hashi.content.entry;

import java.util.List;

import dev.hashi.service.error.ConflictException;

/**
 * {@code edit.items-dropped} (409): a write would remove list items it did not name, so it is refused and changes
 * nothing; member {@code dropped} lists each item's {@code id} and {@code path}. The write may say
 * {@code "replaceLists": true} when removing them is meant, or remove them explicitly with a JSON Patch.
 */
final class ItemsDropped {

    static final String CODE = "edit.items-dropped";

    private ItemsDropped() {}

    /** An item the write would remove. */
    record Item(String id, String path) {}

    static ConflictException of(List<Item> dropped) {
        ConflictException refused = new ConflictException(
                CODE,
                "This write leaves out " + dropped.size() + " existing list item(s) and would delete them in every "
                        + "locale; name them, send \"replaceLists\": true, or remove them explicitly.");
        refused.with("dropped", List.copyOf(dropped));
        return refused;
    }
}
