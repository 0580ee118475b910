package dev.matcher.data;

import java.util.Objects;

/**
 * A named, typed column of a {@link Table}.
 *
 * @param name the column name as it appears in the source (never the id column)
 * @param kind what the values are, which decides how they are compared
 */
public record Attribute(String name, AttributeKind kind) {
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("attribute name must not be blank");
        }
    }

    @Override
    public String toString() {
        return name + ":" + kind;
    }
}
