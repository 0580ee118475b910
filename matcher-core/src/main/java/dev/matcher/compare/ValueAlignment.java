package dev.matcher.compare;

import dev.matcher.text.TextNormalizer;
import dev.matcher.text.Tokenizer;
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
 * IDF-weighted word sets over the whole record, at least {@value #MIN_COSINE});</li>
 * <li>counting value pairs over the anchors gives, for a value pair {@code (a, b)},
 * {@code min(P(b | a), P(a | b))}: near 1 for counterparts, near 0 for values that rarely meet in a match.</li>
 * </ol>
 * The feature is -1 when either value is unknown or never occurs in an anchor.
 */
final class ValueAlignment {
    static final String SUFFIX = "aligned";
    /** Values per side beyond the most frequent ones count as unknown: the table stays small. */
    static final int MAX_VALUES = 64;
    private static final double MIN_COSINE = 0.5;
    /** Left records searched for anchors (evenly spread): a few thousand anchors already fix a 64 x 64 table. */
    private static final int MAX_QUERIES = 5_000;
    private static final int CHUNK = 2048;
    /**
     * Words in at most {@code max(20, sqrt(records))} records find the candidates (so a query costs O(sqrt n) however
     * large the tables); common words only enter the exact cosine of the best few.
     */
    private static final int MIN_POSTING_CAP = 20;
    private static final int CANDIDATES = 3;

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
        return new ValueAlignment(l, r, anchors(l, r, dedup));
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

    /**
     * For evenly spread left records, the index of the most similar right record (never itself in deduplication)
     * when their cosine is at least {@link #MIN_COSINE}; -1 otherwise.
     */
    private static int[] anchors(String[] lText, String[] rText, boolean dedup) {
        String[][] lw = words(lText);
        String[][] rw = dedup ? lw : words(rText);
        Dictionary d = Dictionary.of(dedup ? new String[][][] {lw} : new String[][][] {lw, rw});
        int[][] lIds = distinct(d.ids[0]);
        int[][] rIds = dedup ? lIds : distinct(d.ids[1]);
        int[] df = new int[d.strings.length];
        for (int[][] side : dedup ? List.<int[][]>of(lIds) : List.<int[][]>of(lIds, rIds)) {
            for (int[] ids : side) {
                for (int id : ids) {
                    df[id]++;
                }
            }
        }
        int docs = lIds.length + (dedup ? 0 : rIds.length);
        float[] idf = new float[df.length];
        for (int w = 0; w < df.length; w++) {
            idf[w] = TextField.idf(docs, df[w]);
        }
        double[] lNorm = norms(lIds, idf);
        double[] rNorm = dedup ? lNorm : norms(rIds, idf);
        int cap = Math.max(MIN_POSTING_CAP, (int) Math.sqrt(docs));
        int[][] postings = postings(rIds, df, cap);
        int[] anchor = new int[lIds.length];
        Arrays.fill(anchor, -1);
        int step = Math.max(1, lIds.length / MAX_QUERIES);
        int queries = (lIds.length + step - 1) / step;
        Parallel.forEach((queries + CHUNK - 1) / CHUNK, c -> {
            float[] acc = new float[rIds.length];
            int[] touched = new int[rIds.length];
            for (int q = c * CHUNK; q < Math.min(queries, (c + 1) * CHUNK); q++) {
                int i = q * step;
                anchor[i] = best(i, lIds[i], postings, idf, acc, touched, rIds, lNorm[i], rNorm, dedup);
            }
        });
        return anchor;
    }

    private static int best(int i, int[] ids, int[][] postings, float[] idf, float[] acc, int[] touched,
                            int[][] rIds, double norm, double[] rNorm, boolean dedup) {
        int n = 0;
        for (int w : ids) {
            int[] p = postings[w];
            if (p == null) {
                continue;
            }
            float weight = idf[w] * idf[w];
            for (int j : p) {
                if (acc[j] == 0) {
                    touched[n++] = j;
                }
                acc[j] += weight;
            }
        }
        int[] top = new int[CANDIDATES];
        float[] topScore = new float[CANDIDATES];
        Arrays.fill(top, -1);
        for (int t = 0; t < n; t++) {
            int j = touched[t];
            float s = acc[j];
            acc[j] = 0;
            if (dedup && j == i) {
                continue;
            }
            for (int k = 0; k < CANDIDATES; k++) {
                if (top[k] < 0 || s > topScore[k] || s == topScore[k] && j < top[k]) {
                    System.arraycopy(top, k, top, k + 1, CANDIDATES - k - 1);
                    System.arraycopy(topScore, k, topScore, k + 1, CANDIDATES - k - 1);
                    top[k] = j;
                    topScore[k] = s;
                    break;
                }
            }
        }
        int best = -1;
        double bestCos = MIN_COSINE;
        for (int j : top) {
            if (j < 0) {
                break;
            }
            double cos = dot(ids, rIds[j], idf) / (norm * rNorm[j]);
            if (cos >= bestCos) {
                best = j;
                bestCos = cos;
            }
        }
        return best;
    }

    private static double dot(int[] a, int[] b, float[] idf) {
        double s = 0;
        for (int x = 0, y = 0; x < a.length && y < b.length; ) {
            if (a[x] == b[y]) {
                s += (double) idf[a[x]] * idf[a[x]];
                x++;
                y++;
            } else if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        return s;
    }

    private static int[][] postings(int[][] ids, int[] df, int cap) {
        int[] size = new int[df.length];
        int[][] p = new int[df.length][];
        for (int w = 0; w < df.length; w++) {
            if (df[w] <= cap) {
                p[w] = new int[df[w]];
            }
        }
        for (int j = 0; j < ids.length; j++) {
            for (int w : ids[j]) {
                if (p[w] != null) {
                    p[w][size[w]++] = j;
                }
            }
        }
        for (int w = 0; w < p.length; w++) {
            if (p[w] != null && size[w] < p[w].length) {
                p[w] = Arrays.copyOf(p[w], size[w]);      // df counts both sides
            }
        }
        return p;
    }

    private static double[] norms(int[][] ids, float[] idf) {
        double[] n = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            double s = 0;
            for (int w : ids[i]) {
                s += (double) idf[w] * idf[w];
            }
            n[i] = Math.sqrt(s);
        }
        return n;
    }

    private static String[][] words(String[] text) {
        String[][] w = new String[text.length][];
        for (int i = 0; i < text.length; i++) {
            w[i] = text[i] == null ? new String[0] : text[i].split(" ");
        }
        return w;
    }

    private static int[][] distinct(int[][] ids) {
        int[][] out = new int[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i] == null ? new int[0] : Arrays.stream(ids[i]).sorted().distinct().toArray();
        }
        return out;
    }

    private static String[] compact(String[] raw) {
        String[] out = new String[raw.length];
        Parallel.forEach(raw.length, i -> out[i] = compact(raw[i]));
        return out;
    }

    /** Normalised words joined by single spaces; null when there are none. */
    private static String compact(String raw) {
        String s = raw == null ? "" : Tokenizer.compact(TextNormalizer.normalize(raw));
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
