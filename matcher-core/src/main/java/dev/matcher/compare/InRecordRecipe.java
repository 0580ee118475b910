package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.text.Analyzer;
import dev.matcher.text.Analyzers;
import dev.matcher.text.StopWords;
import dev.matcher.util.Parallel;
import java.util.Arrays;
import java.util.List;

/**
 * {@code attr.in_record}: how much of a record's value the other record holds anywhere — the share of the value's
 * content words found among all the words of the other record (for each side that has a value; the lower of the
 * two), so a value that moved into another column of the other record (an artist written into the song title, the
 * attribute left empty) still counts for or against the pair. Only for string-like attributes whose values do move:
 * records where the attribute is empty carry longer text in their other attributes, by at least half a value (a
 * statistic of the tables; a value merely missing leaves no such trace).
 *
 * <pre>{@code
 * // artist "Ed Sheeran" vs artist empty, title "Sunburn Ed Sheeran Pop 4:35": Artist_Name.in_record = 1
 * }</pre>
 */
final class InRecordRecipe implements Recipe {
    static final String SUFFIX = "in_record";
    private static final Analyzer CONTENT_WORDS = Analyzers.builder().fold().words().stopWords(StopWords.ENGLISH)
            .build();
    /** Records of each kind (value present, value empty) needed to see the trace; records read for it at most. */
    private static final int MIN_RECORDS = 20;
    private static final int MAX_READ = 20_000;

    @Override
    public void record(List<Attribute> compared, FeatureGenerator g) {
        List<Attribute> strings = compared.stream().filter(a -> a.kind() == AttributeKind.STRING
                || a.kind() == AttributeKind.TEXT || a.kind() == AttributeKind.CATEGORICAL).toList();
        if (strings.size() < 2) {
            return;                                         // nowhere else for a value to go
        }
        String[][] left = strings.stream().map(a -> g.values(a, true)).toArray(String[][]::new);
        String[][] right = g.dedup ? left : strings.stream().map(a -> g.values(a, false)).toArray(String[][]::new);
        long[][][] records = null;
        for (int k = 0; k < strings.size(); k++) {
            Attribute a = strings.get(k);
            String name = a.name() + "." + SUFFIX;
            if (!g.wants(name)) {
                continue;
            }
            int at = k;
            boolean eligible = g.rebuilding() ? g.selects(name) : g.statistic("moves:" + a.name(), Boolean.class,
                    () -> moves(left[at], without(left, at)) || !g.dedup && moves(right[at], without(right, at)));
            if (!eligible) {
                continue;
            }
            if (records == null) {
                String[][] whole = g.records(compared);
                long[][] l = words(whole[0]);
                records = new long[][][] {l, g.dedup ? l : words(whole[1])};
            }
            long[][] l = words(left[k]);
            g.add(new InRecord(name, l, g.dedup ? l : words(right[k]), records[0], records[1]));
        }
    }

    /** The fields but the {@code k}-th. */
    private static String[][] without(String[][] fields, int k) {
        String[][] out = new String[fields.length - 1][];
        for (int i = 0, j = 0; i < fields.length; i++) {
            if (i != k) {
                out[j++] = fields[i];
            }
        }
        return out;
    }

    /**
     * Whether the records with an empty {@code own} carry longer text in {@code others} than those with a value, by at
     * least half the mean value: the trace of values written elsewhere.
     */
    static boolean moves(String[] own, String[][] others) {
        long emptyCount = 0;
        long emptyOther = 0;
        long presentCount = 0;
        long presentOther = 0;
        long valueLength = 0;
        for (int i = 0, step = Math.max(1, own.length / MAX_READ); i < own.length; i += step) {
            long other = 0;
            for (String[] o : others) {
                other += o[i] == null ? 0 : o[i].strip().length();
            }
            if (own[i] == null || own[i].isBlank()) {
                emptyCount++;
                emptyOther += other;
            } else {
                presentCount++;
                presentOther += other;
                valueLength += own[i].strip().length();
            }
        }
        if (emptyCount < MIN_RECORDS || presentCount < MIN_RECORDS) {
            return false;
        }
        double longer = (double) emptyOther / emptyCount - (double) presentOther / presentCount;
        return longer >= 0.5 * valueLength / presentCount;
    }

    /** Per record, the sorted distinct hashes of its content words; null for an empty value. */
    static long[][] words(String[] values) {
        long[][] out = new long[values.length][];
        Parallel.forEach(values.length, i -> {
            String v = values[i];
            if (v == null || v.isBlank()) {
                return;
            }
            String[] t = CONTENT_WORDS.tokens(v);
            long[] h = new long[t.length];
            for (int k = 0; k < t.length; k++) {
                h[k] = t[k].hashCode() * 0x9E3779B97F4A7C15L + t[k].length();
            }
            out[i] = Arrays.stream(h).sorted().distinct().toArray();
        });
        return out;
    }

    /** The share of {@code value} found in {@code record}, or -1 without a value. */
    static double found(long[] value, long[] record) {
        if (value == null || value.length == 0) {
            return -1;
        }
        int shared = record == null ? 0 : Measures.intersection(value, record);
        return (double) shared / value.length;
    }

    /** One attribute's feature: per side its value's words and the whole record's. */
    static final class InRecord extends Comparison {
        private final long[][] leftValue;
        private final long[][] rightValue;
        private final long[][] leftRecord;
        private final long[][] rightRecord;

        InRecord(String name, long[][] leftValue, long[][] rightValue, long[][] leftRecord, long[][] rightRecord) {
            super(new String[] {name});
            this.leftValue = leftValue;
            this.rightValue = rightValue;
            this.leftRecord = leftRecord;
            this.rightRecord = rightRecord;
        }

        @Override
        void columns(List<Object> l, List<Object> r) {
            l.add(leftValue);
            l.add(leftRecord);
            r.add(rightValue);
            r.add(rightRecord);
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            double a = found(leftValue[l], rightRecord[r]);
            double b = found(rightValue[r], leftRecord[l]);
            put(out, 0, a < 0 ? b : b < 0 ? a : Math.min(a, b));
        }
    }
}
