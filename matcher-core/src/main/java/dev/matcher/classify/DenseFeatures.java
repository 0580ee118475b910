package dev.matcher.classify;

import dev.matcher.compare.ImageHash;
import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Schema;
import dev.matcher.data.SchemaInference;
import dev.matcher.data.Table;
import dev.matcher.data.Values;
import dev.matcher.text.Analyzers;
import dev.matcher.util.Parallel;
import dev.matcher.variant.Dimension;
import dev.matcher.variant.VariantCode;
import dev.matcher.variant.VariantExtractor;
import dev.matcher.variant.VariantTable;
import dev.matcher.variant.Vocabulary;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dense per-record features the trees of a stacked classifier read, one value each ({@link #MISSING} when the
 * record does not say), built once per record with the parsers the matcher already has:
 * <ul>
 *   <li>numbers: the value ({@link Values#parseNumber});</li>
 *   <li>dates: the day (days since 1970), year and month ({@link Values#parseDate}, as the matcher's date features);</li>
 *   <li>strings, text, identifiers: length in characters and words;</li>
 *   <li>categories: the value's code (its rank among the training values);</li>
 *   <li>images (local files, {@code file:} and {@code data:} URIs only, as {@link ImageHash} reads them): whether the
 *       image was read, and the 64 bits of its difference hash (brightness gradients: the image's look);</li>
 *   <li>numbers with units found in the text (by {@link VariantExtractor}'s number patterns: capacities, volumes, weights,
 *       packs, shoe sizes), as {@link VariantCode#value} holds them (a fixed multiple of the scale's base unit), one
 *       feature per dimension and scale seen in training: {@code 500 g} and {@code 0.5 kg} are the same value.</li>
 * </ul>
 * Columns whose part gives nothing in training (no readable image, no number with a unit) are left out.
 */
final class DenseFeatures {
    /** The value of a feature a record does not have: below every real value, so trees send it one way. */
    static final double MISSING = -1e300;
    static final int HASH_BITS = 64;
    /**
     * Reads numbers with units only: the built-in number dimensions over a vocabulary without words (numbers are read
     * by pattern; scanning every title for colour and size words would cost as much as all the text features).
     */
    private static final VariantExtractor UNITS = VariantExtractor.builder().vocabulary(Vocabulary.empty())
            .dimensions(Dimension.BUILT_IN.stream().filter(d -> d.kind() == Dimension.Kind.NUMBER)
                    .toArray(Dimension[]::new)).build();

    /** A (number dimension, scale) pair of {@link VariantCode}: one units feature. */
    record Unit(String dimension, int scale, String example) {
    }

    final List<FeatureSet.Field> fields;
    /** Per field: the category values known (sorted), else null. */
    final String[][] categories;
    /** Per field: whether its images are read. */
    final boolean[] images;
    final List<Unit> units;
    final String[] names;

    DenseFeatures(List<FeatureSet.Field> fields, String[][] categories, boolean[] images, List<Unit> units) {
        if (categories.length != fields.size() || images.length != fields.size()) {
            throw new IllegalArgumentException("dense features: " + fields.size() + " fields, " + categories.length
                    + " category lists, " + images.length + " image flags");
        }
        this.fields = List.copyOf(fields);
        this.categories = categories;
        this.images = images;
        this.units = List.copyOf(units);
        List<String> n = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            FeatureSet.Field field = fields.get(f);
            String c = field.column();
            switch (field.kind()) {
                case NUMERIC -> n.add(c);
                case DATE -> n.addAll(List.of(c + " day", c + " year", c + " month"));
                case STRING, TEXT, IDENTIFIER -> n.addAll(List.of(c + " length", c + " words"));
                case CATEGORICAL -> {
                    if (categories[f] == null) {
                        throw new IllegalArgumentException("categorical field " + c + " has no values");
                    }
                    n.add(c + " code");
                }
                case IMAGE -> {
                    if (images[f]) {
                        n.add(c + " image read");
                        for (int b = 0; b < HASH_BITS; b++) {
                            n.add(c + " dhash bit " + b);
                        }
                    }
                }
            }
        }
        for (Unit u : units) {
            if (Dimension.of(u.dimension()).kind() != Dimension.Kind.NUMBER) {
                throw new IllegalArgumentException("'" + u.dimension() + "' is not a number dimension");
            }
            n.add(u.dimension() + " (like " + u.example() + ")");
        }
        this.names = n.toArray(new String[0]);
    }

    int size() {
        return names.length;
    }

    /** Fits the category codes and finds the image columns and units the training rows have. */
    static DenseFeatures fit(Table t, List<FeatureSet.Field> fields, int[] rows) {
        String[][] categories = new String[fields.size()][];
        boolean[] images = new boolean[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            FeatureSet.Field field = fields.get(f);
            var col = t.column(field.column());
            if (field.kind() == AttributeKind.CATEGORICAL) {
                TreeSet<String> values = new TreeSet<>();
                for (int r : rows) {
                    String v = col.get(r);
                    if (v != null) {
                        values.add(Analyzers.TEXT.prepare(v).strip());
                    }
                }
                categories[f] = values.toArray(new String[0]);
            } else if (field.kind() == AttributeKind.IMAGE) {
                for (int r : rows) {
                    if (ImageHash.read(col.get(r)) != null) {
                        images[f] = true;
                        break;
                    }
                }
            }
        }
        List<Unit> units = new ArrayList<>();
        VariantTable v = variants(t, fields, rows);
        if (v != null) {
            for (Dimension d : v.dimensions()) {
                if (d.kind() != Dimension.Kind.NUMBER) {
                    continue;
                }
                TreeMap<Integer, String> scales = new TreeMap<>();
                for (int i = 0; i < rows.length; i++) {
                    long code = v.code(i, d);
                    if (VariantCode.isNumber(code)) {
                        scales.putIfAbsent(VariantCode.family(code), v.name(d, code));
                    }
                }
                scales.forEach((s, example) -> units.add(new Unit(d.name(), s, example)));
            }
        }
        return new DenseFeatures(fields, categories, images, units);
    }

    /** The number mentions of the given rows, read from the text fields only (never the labels); null if none. */
    private static VariantTable variants(Table t, List<FeatureSet.Field> fields, int[] rows) {
        List<Attribute> attributes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String[]> values = new ArrayList<>();
        for (FeatureSet.Field f : fields) {
            if (f.kind() == AttributeKind.STRING || f.kind() == AttributeKind.TEXT
                    || f.kind() == AttributeKind.CATEGORICAL) {
                var col = t.column(f.column());
                String[] v = new String[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = col.get(rows[i]);
                }
                attributes.add(col.attribute());
                names.add(f.column());
                values.add(v);
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        String[] ids = new String[rows.length];
        Arrays.setAll(ids, Integer::toString);
        Table sub = Table.of(t.name(), ids, names, values.toArray(new String[0][]), Schema.of(attributes));
        return UNITS.extract(sub);
    }

    /** The features of the given rows ({@code rows.length} rows of {@link #size()} values). */
    double[][] transform(Table t, int[] rows) {
        BitSet all = new BitSet();
        all.set(0, size());
        return transform(t, rows, all);
    }

    /**
     * As {@link #transform(Table, int[])}, computing only what the features in {@code read} need: images are not
     * read and the text is not scanned for units when no feature of theirs is read (those stay {@link #MISSING}).
     */
    double[][] transform(Table t, int[] rows, BitSet read) {
        String[][] cols = FeatureSet.columns(t, fields);
        int n = rows.length;
        int d = size();
        double[][] out = new double[n][d];
        long[][] unitCodes = new long[units.size()][];
        boolean unitsRead = anyIn(read, d - units.size(), d);
        boolean[] imagesRead = new boolean[fields.size()];
        int at = 0;
        for (int f = 0; f < fields.size(); f++) {
            int width = width(f);
            imagesRead[f] = images[f] && anyIn(read, at, at + width);
            at += width;
        }
        if (unitsRead) {
            VariantTable v = variants(t, fields, rows);
            for (int u = 0; u < units.size(); u++) {
                unitCodes[u] = v.codes(Dimension.of(units.get(u).dimension()));
            }
        }
        Parallel.forRange(n, 256, (from, to) -> {
            int first = d - units.size();
            for (int i = from; i < to; i++) {
                row(cols, rows[i], out[i], imagesRead);
                for (int u = 0; u < units.size(); u++) {
                    long code = unitsRead ? unitCodes[u][i] : VariantCode.UNKNOWN;
                    out[i][first + u] = VariantCode.isNumber(code) && VariantCode.family(code) == units.get(u).scale()
                            ? VariantCode.value(code) : MISSING;
                }
            }
            return null;
        });
        return out;
    }

    /** Whether {@code read} holds a feature in {@code [from, to)}. */
    private static boolean anyIn(BitSet read, int from, int to) {
        int next = read.nextSetBit(from);
        return next >= 0 && next < to;
    }

    /** How many features field {@code f} gives. */
    private int width(int f) {
        return switch (fields.get(f).kind()) {
            case NUMERIC, CATEGORICAL -> 1;
            case DATE -> 3;
            case STRING, TEXT, IDENTIFIER -> 2;
            case IMAGE -> images[f] ? 1 + HASH_BITS : 0;
        };
    }

    private void row(String[][] cols, int r, double[] x, boolean[] imagesRead) {
        int at = 0;
        for (int f = 0; f < fields.size(); f++) {
            String raw = cols[f][r];
            switch (fields.get(f).kind()) {
                case NUMERIC -> {
                    double v = Values.parseNumber(raw);
                    x[at++] = Double.isFinite(v) ? v : MISSING;
                }
                case DATE -> {
                    int day = Values.parseDate(raw);
                    if (day == Values.NO_DATE) {
                        x[at++] = MISSING;
                        x[at++] = MISSING;
                        x[at++] = MISSING;
                    } else {
                        LocalDate ld = LocalDate.ofEpochDay(day);
                        x[at++] = day;
                        x[at++] = ld.getYear();
                        x[at++] = ld.getMonthValue();
                    }
                }
                case STRING, TEXT, IDENTIFIER -> {
                    if (raw == null) {
                        x[at++] = MISSING;
                        x[at++] = MISSING;
                    } else {
                        x[at++] = raw.length();
                        x[at++] = SchemaInference.tokenCount(raw);
                    }
                }
                case CATEGORICAL -> {
                    int code = raw == null ? -1 : Arrays.binarySearch(categories[f], Analyzers.TEXT.prepare(raw).strip());
                    x[at++] = code >= 0 ? code : MISSING;
                }
                case IMAGE -> {
                    if (images[f]) {
                        BufferedImage img = imagesRead[f] ? ImageHash.read(raw) : null;
                        x[at++] = img == null ? 0 : 1;
                        long h = img == null ? 0 : ImageHash.dHash(img);
                        for (int b = 0; b < HASH_BITS; b++) {
                            x[at++] = img == null ? MISSING : (h >>> (HASH_BITS - 1 - b)) & 1;
                        }
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d dense features", names.length);
    }
}
