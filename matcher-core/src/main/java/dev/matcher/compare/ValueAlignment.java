package dev.matcher.compare;

import dev.matcher.text.Analyzers;
import dev.matcher.util.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature {@code attr.aligned}: whether two records' values of a low-cardinality attribute (venue, genre,
 * category, state) are values that correspond across the two sources, learned from the tables without labels.
 * Sources often name the same category differently ("vldb" against "very large data bases"), where equality and
 * string similarity see nothing, and dirty records carry the value inside another attribute. So:
 * <ol>
 * <li>a record's value is its own, or else the longest value of its side's vocabulary that occurs as a word
 * sequence anywhere in the record;</li>
 * <li>anchors are the pairs most likely to match: each left record with its most similar right record (cosine of
 * IDF-weighted word sets over the whole record, at least {@value Anchors#MIN_COSINE}; see {@link Anchors});</li>
 * <li>counting value pairs over the anchors gives, for a value pair {@code (a, b)},
 * {@code min(P(b | a), P(a | b))}: near 1 for counterparts, near 0 for values that rarely meet in a match.</li>
 * </ol>
 * The feature is -1 when either value is unknown or never occurs in an anchor.
 */
final class ValueAlignment {
    static final String SUFFIX = "aligned";
    /** Values per side beyond the most frequent ones count as unknown: the table stays small. */
    static final int MAX_VALUES = 64;
    /** Left records searched for anchors (evenly spread): a few thousand anchors already fix a 64 x 64 table. */
    private static final int MAX_QUERIES = 5_000;

    /** Each record's whole text, compacted, per side (one array in deduplication). */
    private final String[] leftText;
    private final String[] rightText;
    /** {@link #anchors}: the right record each left record is paired with, or -1. */
    private final int[] anchor;

    private ValueAlignment(String[] leftText, String[] rightText, int[] anchor) {
        this.leftText = leftText;
        this.rightText = rightText;
        this.anchor = anchor;
    }

    /**
     * The anchors of two tables, shared by all their attributes: {@code records} are each record's whole text (all
     * compared attributes joined); in deduplication pass the same array twice.
     */
    static ValueAlignment of(String[] leftRecords, String[] rightRecords) {
        boolean dedup = leftRecords == rightRecords;
        String[] l = compact(leftRecords);
        String[] r = dedup ? l : compact(rightRecords);
        String[][] lw = Anchors.words(l);
        String[][] rw = dedup ? lw : Anchors.words(r);
        return new ValueAlignment(l, r, Anchors.nearest(lw, rw, dedup, MAX_QUERIES).right());
    }

    /**
     * Whether the attribute has between 2 and {@link #MAX_VALUES} distinct values on each side, each repeated (4
     * records per value on average): the attributes the feature is generated for by default.
     */
    static boolean eligible(String[] left, String[] right) {
        return eligibleSide(left) && (left == right || eligibleSide(right));
    }

    private static boolean eligibleSide(String[] raw) {
        Map<String, Integer> counts = counts(raw, MAX_VALUES);   // names, titles: most columns stop early
        if (counts == null) {
            return false;
        }
        int present = counts.values().stream().mapToInt(Integer::intValue).sum();
        return counts.size() >= 2 && present >= 4 * counts.size();
    }

    /** The comparison for one attribute, from its raw values per side (the same array twice in deduplication). */
    Comparisons.Aligned compare(String attribute, String[] leftValues, String[] rightValues) {
        boolean dedup = leftValues == rightValues;
        Vocabulary lv = new Vocabulary(leftValues);
        Vocabulary rv = dedup ? lv : new Vocabulary(rightValues);
        int[] l = lv.valuesOf(leftValues, leftText);
        int[] r = dedup ? l : rv.valuesOf(rightValues, rightText);
        int width = rv.size();
        int[] count = new int[lv.size() * width];
        int[] row = new int[lv.size()];
        int[] col = new int[width];
        for (int i = 0; i < anchor.length; i++) {
            int j = anchor[i];
            if (j >= 0 && l[i] >= 0 && r[j] >= 0) {
                count[l[i] * width + r[j]]++;
                row[l[i]]++;
                col[r[j]]++;
            }
        }
        float[] table = new float[count.length];
        for (int a = 0; a < row.length; a++) {
            for (int b = 0; b < width; b++) {
                int c = count[a * width + b];
                table[a * width + b] = row[a] == 0 || col[b] == 0 ? -1
                        : (float) Math.min((double) c / row[a], (double) c / col[b]);
            }
        }
        return new Comparisons.Aligned(attribute + "." + SUFFIX, l, r, table, width);
    }

    /** The most frequent values of one side (at most {@link #MAX_VALUES}), with an index by first word. */
    private static final class Vocabulary {
        final Map<String, Integer> ids = new HashMap<>();
        /** For each first word, the repeated values that start with it, longest first. */
        final Map<String, List<Value>> byFirstWord = new HashMap<>();

        /** A value as its words, with its id. */
        private record Value(String[] words, int id) {
        }

        Vocabulary(String[] raw) {
            List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts(raw, Integer.MAX_VALUE).entrySet());
            byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey()));
            for (Map.Entry<String, Integer> e : byCount.subList(0, Math.min(MAX_VALUES, byCount.size()))) {
                int id = ids.size();
                ids.put(e.getKey(), id);
                String[] words = e.getKey().split(" ");
                if (e.getValue() >= 2) {                 // a value seen once is no vocabulary to search text for
                    byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Value(words, id));
                }
            }
            for (List<Value> v : byFirstWord.values()) {
                v.sort((a, b) -> Integer.compare(b.words.length, a.words.length));
            }
        }

        int size() {
            return ids.size();
        }

        /** Each record's value id: its own value, else the longest known value inside its text; -1 if none. */
        int[] valuesOf(String[] raw, String[] text) {
            int[] out = new int[raw.length];
            Parallel.forEach(raw.length, i -> {
                String own = compact(raw[i]);
                out[i] = own != null ? ids.getOrDefault(own, -1) : find(text[i]);
            });
            return out;
        }

        private int find(String text) {
            if (text == null) {
                return -1;
            }
            String[] w = text.split(" ");
            Value best = null;
            for (int s = 0; s < w.length; s++) {
                List<Value> starting = byFirstWord.get(w[s]);
                if (starting == null) {
                    continue;
                }
                for (Value v : starting) {
                    int n = v.words.length;
                    if ((best == null || n > best.words.length) && s + n <= w.length
                            && Arrays.equals(w, s, s + n, v.words, 0, n)) {
                        best = v;
                    }
                }
            }
            return best == null ? -1 : best.id;
        }
    }

    private static String[] compact(String[] raw) {
        String[] out = new String[raw.length];
        Parallel.forEach(raw.length, i -> out[i] = compact(raw[i]));
        return out;
    }

    /** Normalised words joined by single spaces; null when there are none. */
    private static String compact(String raw) {
        String s = raw == null ? "" : Analyzers.TEXT.joined(raw, " ");
        return s.isEmpty() ? null : s;
    }

    /** Records per compacted value; null as soon as there are more than {@code limit} distinct values. */
    private static Map<String, Integer> counts(String[] raw, int limit) {
        Map<String, Integer> c = new HashMap<>();
        for (String v : raw) {
            String k = compact(v);
            if (k != null && c.merge(k, 1, Integer::sum) == 1 && c.size() > limit) {
                return null;
            }
        }
        return c;
    }
}
