package dev.matcher.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered, typed attributes of a {@link Table} (the id column is not an attribute).
 *
 * <pre>{@code
 * Schema s = Schema.of(new Attribute("title", AttributeKind.STRING), new Attribute("price", AttributeKind.NUMERIC));
 * s.indexOf("price");                          // 1
 * s.withKind("price", AttributeKind.STRING);   // a new schema; this one is unchanged
 * }</pre>
 */
public final class Schema {
    private final List<Attribute> attributes;
    private final Map<String, Integer> index;

    private Schema(List<Attribute> attributes) {
        this.attributes = List.copyOf(attributes);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.attributes.size(); i++) {
            Integer previous = idx.put(this.attributes.get(i).name(), i);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate attribute name '" + this.attributes.get(i).name() + "'");
            }
        }
        this.index = Collections.unmodifiableMap(idx);
    }

    public static Schema of(List<Attribute> attributes) {
        return new Schema(attributes);
    }

    public static Schema of(Attribute... attributes) {
        return new Schema(List.of(attributes));
    }

    public int size() {
        return attributes.size();
    }

    public Attribute get(int index) {
        return attributes.get(index);
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    public List<String> names() {
        return attributes.stream().map(Attribute::name).toList();
    }

    /** The attribute's position, or -1 when there is none of that name. */
    public int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    public Optional<Attribute> find(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(attributes.get(i));
    }

    /** The attribute's position; throws naming the known attributes when there is none of that name. */
    public int require(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no attribute '" + name + "'; the schema has " + names());
        }
        return i;
    }

    public AttributeKind kind(String name) {
        return attributes.get(require(name)).kind();
    }

    /** A copy with one attribute's kind replaced. */
    public Schema withKind(String name, AttributeKind kind) {
        List<Attribute> copy = new ArrayList<>(attributes);
        copy.set(require(name), new Attribute(name, kind));
        return new Schema(copy);
    }

    /** The attributes of the given kinds, in schema order. */
    public List<Attribute> ofKind(AttributeKind... kinds) {
        List<AttributeKind> wanted = List.of(kinds);
        return attributes.stream().filter(a -> wanted.contains(a.kind())).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema other && attributes.equals(other.attributes);
    }

    @Override
    public int hashCode() {
        return attributes.hashCode();
    }

    /** A two-column table: attribute and kind. */
    @Override
    public String toString() {
        TextTable t = new TextTable("attribute", "kind");
        for (Attribute a : attributes) {
            t.row(a.name(), a.kind().name());
        }
        return t.toString();
    }
}
