package dev.matcher.variant;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One way the variants of a product differ: colour, apparel size, shoe size, capacity, bedding size, pack count,
 * volume/weight, or a dimension the user names (flavour, scent, material...). A dimension is a value: two with the
 * same name are equal.
 *
 * <p>{@link Kind#WORDS} dimensions are recognised by the words of a {@link Vocabulary} (colour names, size ladders);
 * {@link Kind#NUMBER} dimensions by numbers with units or markers ({@code 64 GB}, {@code US 7}, {@code pack of 6}),
 * compared after conversion to a base unit.
 *
 * <pre>{@code
 * Dimension.COLOUR;                      // built in
 * Dimension.of("flavour");               // user-named: give its words with Vocabulary.withValue
 * }</pre>
 *
 * @param name lower-case name, also the section name in vocabulary files
 * @param kind words or numbers
 */
public record Dimension(String name, Kind kind) implements java.io.Serializable {
    /** How a dimension's values are recognised and compared. */
    public enum Kind {
        /** Vocabulary words, with families and shades ({@code heather grey} is a shade of {@code grey}). */
        WORDS,
        /** Numbers in a base unit; values on different scales ({@code ml} and {@code g}; US and EU) never compare. */
        NUMBER
    }

    public static final Dimension COLOUR = new Dimension("colour", Kind.WORDS);
    public static final Dimension APPAREL_SIZE = new Dimension("apparel_size", Kind.WORDS);
    public static final Dimension SHOE_SIZE = new Dimension("shoe_size", Kind.NUMBER);
    public static final Dimension CAPACITY = new Dimension("capacity", Kind.NUMBER);
    public static final Dimension BEDDING_SIZE = new Dimension("bedding_size", Kind.WORDS);
    public static final Dimension PACK = new Dimension("pack", Kind.NUMBER);
    /** Volume or weight ({@code 500 ml}, {@code 1 kg}, {@code 16 oz}). */
    public static final Dimension AMOUNT = new Dimension("amount", Kind.NUMBER);

    /** The built-in dimensions in a fixed order. */
    public static final List<Dimension> BUILT_IN = List.of(COLOUR, APPAREL_SIZE, SHOE_SIZE, CAPACITY, BEDDING_SIZE,
            PACK, AMOUNT);

    public Dimension {
        Objects.requireNonNull(kind, "kind");
        name = Objects.requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            throw new IllegalArgumentException("a dimension name is letters, digits and _: '" + name + "'");
        }
    }

    /**
     * The built-in dimension of that name, else a new {@link Kind#WORDS} dimension (numbers are built in only).
     */
    public static Dimension of(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Dimension d : BUILT_IN) {
            if (d.name.equals(n)) {
                return d;
            }
        }
        return new Dimension(n, Kind.WORDS);
    }

    /** Whether this is one of {@link #BUILT_IN}. */
    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
