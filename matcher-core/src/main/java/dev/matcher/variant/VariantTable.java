package dev.matcher.variant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The variant values of every record of one table, as {@link VariantExtractor#extract} found them: per dimension a
 * {@code long[]} of codes (see {@link VariantCode}) and where each came from. Built once per table; a pair then
 * compares in O(1) without touching text. Records of two tables compare when both were extracted with one extractor.
 *
 * <pre>{@code
 * VariantTable v = extractor.extract(products);
 * v.compare(i, v, j, Dimension.COLOUR);            // EQUAL / DIFFERENT / UNKNOWN
 * v.value(i, Dimension.COLOUR);                    // "grey (heather grey)"
 * v.explain(i, v, j);                              // every dimension: both values, their sources, the verdict
 * long[] colours = v.codes(Dimension.COLOUR);      // for hot loops: VariantCode.compare(colours[i], colours[j])
 * }</pre>
 */
public final class VariantTable {
    private final VariantExtractor extractor;
    private final List<Dimension> dimensions;
    private final Map<Dimension, Integer> index = new HashMap<>();
    private final long[][] codes;
    private final byte[][] sources;
    private final Map<Long, String> names;
    private final String layout;

    VariantTable(VariantExtractor extractor, List<Dimension> dimensions, long[][] codes, byte[][] sources,
                 Map<Long, String> names, String layout) {
        this.extractor = extractor;
        this.dimensions = List.copyOf(dimensions);
        for (int k = 0; k < dimensions.size(); k++) {
            index.put(dimensions.get(k), k);
        }
        this.codes = codes;
        this.sources = sources;
        this.names = Map.copyOf(names);
        this.layout = layout;
    }

    /** One dimension of a pair, for explanations. */
    public record Comparison(Dimension dimension, String left, Source leftSource, String right, Source rightSource,
                             Verdict verdict) {
        @Override
        public String toString() {
            return dimension + ": " + (left == null ? "-" : left + " [" + leftSource.name().toLowerCase(Locale.ROOT) + "]")
                    + " vs " + (right == null ? "-" : right + " [" + rightSource.name().toLowerCase(Locale.ROOT) + "]")
                    + " -> " + verdict;
        }
    }

    public int size() {
        return codes.length == 0 ? 0 : codes[0].length;
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    /** Which attribute played which role ({@code title=title, description=-, color->colour}). */
    public String layout() {
        return layout;
    }

    public long code(int row, Dimension d) {
        return codes[slot(d)][row];
    }

    /** A copy of every record's code of a dimension, to compare pairs in a hot loop. */
    public long[] codes(Dimension d) {
        return codes[slot(d)].clone();
    }

    public Source source(int row, Dimension d) {
        return Source.VALUES[sources[slot(d)][row]];
    }

    /** Equal, different or unknown; {@code other} may be this table. */
    public Verdict compare(int row, VariantTable other, int otherRow, Dimension d) {
        return VariantCode.compare(code(row, d), other.code(otherRow, d));
    }

    /** The record's value of a dimension, readable ({@code grey (heather grey)}, {@code 64 GB}); null if unknown. */
    public String value(int row, Dimension d) {
        return name(d, code(row, d));
    }

    /** The readable name of a code of this table. */
    public String name(Dimension d, long code) {
        if (code == VariantCode.UNKNOWN) {
            return null;
        }
        Vocabulary v = extractor.vocabulary();
        if (VariantCode.isNumber(code)) {
            return extractor.numberLabel(v.indexOf(d), code);
        }
        if (VariantCode.family(code) >= VariantCode.HASHED) {
            return names.getOrDefault(code & ~VariantCode.SPLIT, "?");
        }
        return v.label(d, code);
    }

    /** Every dimension of a pair where at least one side says something. */
    public List<Comparison> explain(int row, VariantTable other, int otherRow) {
        List<Comparison> out = new ArrayList<>();
        for (Dimension d : dimensions) {
            long a = code(row, d);
            long b = other.code(otherRow, d);
            if (a != VariantCode.UNKNOWN || b != VariantCode.UNKNOWN) {
                out.add(new Comparison(d, name(d, a), source(row, d), other.name(d, b), other.source(otherRow, d),
                        VariantCode.compare(a, b)));
            }
        }
        return out;
    }

    /** How many records have a value of the dimension, by source. */
    public Map<Source, Integer> counts(Dimension d) {
        Map<Source, Integer> c = new EnumMap<>(Source.class);
        for (byte s : sources[slot(d)]) {
            c.merge(Source.VALUES[s], 1, Integer::sum);
        }
        return Collections.unmodifiableMap(c);
    }

    /** One record's values: {@code colour=grey (heather grey) [title], apparel_size=xl [attribute]}. */
    public String describe(int row) {
        StringBuilder b = new StringBuilder();
        for (Dimension d : dimensions) {
            String v = value(row, d);
            if (v != null) {
                if (b.length() > 0) {
                    b.append(", ");
                }
                b.append(d).append('=').append(v).append(" [")
                        .append(source(row, d).name().toLowerCase(Locale.ROOT)).append(']');
            }
        }
        return b.length() == 0 ? "(no variant values)" : b.toString();
    }

    private int slot(Dimension d) {
        Integer k = index.get(d);
        if (k == null) {
            throw new IllegalArgumentException("no dimension " + d + " here; dimensions: " + dimensions);
        }
        return k;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("VariantTable[").append(size()).append(" records; ").append(layout)
                .append("]\n");
        for (Dimension d : dimensions) {
            Map<Source, Integer> c = counts(d);
            int known = size() - c.getOrDefault(Source.NONE, 0);
            b.append(String.format(Locale.ROOT, "  %-13s %6d known", d.name(), known));
            for (Source s : Source.VALUES) {
                if (s != Source.NONE && c.containsKey(s)) {
                    b.append(", ").append(s.name().toLowerCase(Locale.ROOT)).append(' ').append(c.get(s));
                }
            }
            b.append('\n');
        }
        for (int i = 0; i < Math.min(5, size()); i++) {
            b.append("  ").append(i).append(": ").append(describe(i)).append('\n');
        }
        return b.toString();
    }
}
