package dev.hashi.console.pages;

import java.util.List;

/**
 * One field of a page in the editor, with its value in each locale (or one shared value).
 *
 * @param path      the stored path, items named by id: {@code sessions[s-3].presentations[p-1].title}
 * @param localized whether each locale has its own value
 * @param cells     one per locale in the editor's order; a single cell with a {@code null} locale when not localized
 */
record FieldRow(String path, boolean localized, List<Cell> cells) {

    /** The path for people: {@code sessions › s-3 › presentations › p-1 › title}. */
    public String label() {
        return path.replace("[", " › ").replace("].", " › ").replace(".", " › ");
    }

    public Cell cell(String locale) {
        return cells.stream()
                .filter(cell -> locale.equals(cell.locale()))
                .findFirst()
                .orElse(null);
    }
}
