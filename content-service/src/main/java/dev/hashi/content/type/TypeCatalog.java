package dev.hashi.content.type;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hashi.service.error.InvalidInputException;

/** All content types at one moment, for resolving component types while walking an entry. */
public final class TypeCatalog {

    private final Map<String, ContentType> types;

    TypeCatalog(Map<String, ContentType> types) {
        this.types = Map.copyOf(types);
    }

    public Optional<ContentType> find(String key) {
        return Optional.ofNullable(types.get(key));
    }

    /**
     * The type a request names.
     *
     * @throws InvalidInputException {@code request.invalid}, field {@code type}, code {@code type.unknown}
     */
    public ContentType require(String key) {
        ContentType type = types.get(key);
        if (type == null) {
            throw InvalidInputException.field("type", "type.unknown", "No content type '" + key + "'.", key);
        }
        return type;
    }

    public Collection<ContentType> all() {
        return types.values();
    }

    /** This catalog with {@code type} added or replaced. */
    public TypeCatalog with(ContentType type) {
        Map<String, ContentType> next = new HashMap<>(types);
        next.put(type.key(), type);
        return new TypeCatalog(next);
    }

    public ContentType componentOf(FieldDefinition field) {
        return require(field.componentType());
    }

    /** Paths of the localized fields of {@code type}, items of component lists written as {@code list[*]}. */
    public List<String> localizedPaths(ContentType type) {
        List<String> paths = new ArrayList<>();
        collect(type, "", paths, 0);
        return paths;
    }

    private void collect(ContentType type, String prefix, List<String> paths, int depth) {
        for (FieldDefinition field : type.fields()) {
            if (field.localized()) {
                paths.add(prefix + field.key());
            } else if (field.kind() == FieldKind.COMPONENTS && depth < 8) {
                find(field.componentType()).ifPresent(c -> collect(c, prefix + field.key() + "[*].", paths, depth + 1));
            }
        }
    }
}
