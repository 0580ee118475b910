package dev.matcher.compare;

import static dev.matcher.compare.TextField.HEAD;

import java.util.Arrays;
import java.util.List;

/** The comparison kinds a {@link FeatureSpace} generates; each works on profiles prepared once per record. */
final class Comparisons {
    private Comparisons() {
    }

    static String[] names(String prefix, List<String> suffixes) {
        return suffixes.stream().map(s -> prefix + "." + s).toArray(String[]::new);
    }

    /** Text measures over a {@link TextField}: character, token/set, TF-IDF, codes, numbers, phonetic. */
    static final class Text extends Comparison {
        private final TextField f;
        private final Measure[] measures;

        Text(String prefix, TextField f, List<Measure> measures) {
            super(names(prefix, measures.stream().map(m -> m.suffix).toList()));
            this.f = f;
            this.measures = measures.toArray(new Measure[0]);
            if (measures.contains(Measure.ABBREVIATION)) {
                f.abbreviationWords();
            }
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            TextField.Side a = f.left;
            TextField.Side b = f.right;
            String x = a.text[l];
            String y = b.text[r];
            int ix = a.textId[l];
            int iy = b.textId[r];
            boolean gone = (ix | iy) < 0;
            boolean same = !gone && ix == iy;       // equal text: every string and token similarity is 1
            boolean matrix = false;
            boolean merged = false;
            for (int k = 0; k < measures.length; k++) {
                if (!on(k)) {
                    continue;
                }
                Measure m = measures[k];
                double v;
                switch (m) {
                    case CODES_EXACT, CODES_FUZZY -> v = codes(m, a.codeIds[l], b.codeIds[r], f.codeVocab);
                    case NUMBERS -> v = numbers(a.numbers[l], b.numbers[r]);
                    default -> {
                        if (gone) {
                            v = -1;
                        } else if (same && m.isStringOrToken()) {
                            v = 1;
                        } else if (m == Measure.EXACT) {
                            v = 0;                  // known unequal: the strings need not be read
                        } else if (m == Measure.ABBREVIATION) {
                            v = Abbreviations.similarity(x, a.words[l], y, b.words[r], scratch.coveredA,
                                    scratch.coveredB);
                        } else if (m.isCharacter()) {
                            v = Measure.character(m, x, y, scratch.table);
                        } else {
                            if ((m == Measure.MONGE_ELKAN || m == Measure.SOFT_TFIDF) && !matrix) {
                                fillMatrix(a.blob[l], b.blob[r], scratch);
                                matrix = true;
                            } else if (m.isTokenSet() && !merged) {
                                merge(l, r, scratch);
                                merged = true;
                            }
                            v = token(m, l, r, scratch);
                        }
                    }
                }
                out[slots[k]] = v;
            }
        }

        @Override
        void columns(List<Object> left, List<Object> right) {
            boolean text = false;
            boolean blob = false;
            boolean numbers = false;
            boolean codes = false;
            boolean words = false;
            for (int k = 0; k < measures.length; k++) {
                Measure m = measures[k];
                if (on(k)) {
                    text |= m.isCharacter() && m != Measure.EXACT;
                    blob |= m.isStringOrToken() && !m.isCharacter();
                    numbers |= m == Measure.NUMBERS;
                    codes |= m == Measure.CODES_EXACT || m == Measure.CODES_FUZZY;
                    words |= m == Measure.ABBREVIATION;
                }
            }
            for (int k = 0; k < 2; k++) {
                TextField.Side s = k == 0 ? f.left : f.right;
                List<Object> to = k == 0 ? left : right;
                if (text) {
                    to.add(s.text);
                }
                if (blob) {
                    to.add(s.blob);
                }
                if (numbers && s.numbers != null) {
                    to.add(s.numbers);
                }
                if (codes && s.codeIds != null) {
                    to.add(s.codeIds);
                }
                if (words) {
                    to.add(s.words);
                }
            }
        }

        /** One pass over both sorted token-id arrays for every set measure (they only differ in what they divide). */
        private void merge(int l, int r, Scratch s) {
            int[] a = f.left.blob[l];
            int[] b = f.right.blob[r];
            int na = a[0];
            int nb = b[0];
            float[] idf = f.idf;
            int i = 0;
            int j = 0;
            int inter = 0;
            double dot = 0;
            double shared = 0;
            while (i < na && j < nb) {
                int p = a[HEAD + i];
                int q = b[HEAD + j];
                if (p == q) {
                    inter++;
                    dot += Float.intBitsToFloat(a[HEAD + na + i]) * Float.intBitsToFloat(b[HEAD + nb + j]);
                    shared += idf[p];
                    i++;
                    j++;
                } else if (p < q) {
                    i++;
                } else {
                    j++;
                }
            }
            s.inter = inter;
            s.dot = dot;
            s.idfInter = shared;
        }

        private double token(Measure m, int l, int r, Scratch s) {
            int[] a = f.left.blob[l];
            int[] b = f.right.blob[r];
            int na = a[0];
            int nb = b[0];
            return switch (m) {
                case TOKEN_JACCARD -> Measures.jaccard(s.inter, na, nb);
                case TOKEN_DICE -> Measures.dice(s.inter, na, nb);
                case TOKEN_OVERLAP -> Measures.overlap(s.inter, na, nb);
                case CONTAINMENT_LR -> na == 0 ? 1 : (double) s.inter / na;
                case CONTAINMENT_RL -> nb == 0 ? 1 : (double) s.inter / nb;
                case QGRAM_JACCARD -> Measures.jaccard(Measures.intersection(a, HEAD + 2 * na, a[1], b, HEAD + 2 * nb, b[1]),
                        a[1], b[1]);
                case TFIDF_COSINE -> na == 0 || nb == 0 ? (na == nb ? 1 : 0) : Math.min(1, s.dot);   // unit vectors
                case IDF_JACCARD -> {
                    double union = Float.intBitsToFloat(a[2]) + Float.intBitsToFloat(b[2]) - s.idfInter;
                    yield union <= 0 ? 1 : Math.min(1, Math.max(0, s.idfInter / union));
                }
                case MONGE_ELKAN -> mongeElkan(na, nb, s);
                case SOFT_TFIDF -> softTfidf(a, b, s);
                case SOUNDEX -> same(f.left.phonetic[3 * l], f.right.phonetic[3 * r]);
                case DOUBLE_METAPHONE -> same(f.left.phonetic[3 * l + 1], f.right.phonetic[3 * r + 1]);
                case NYSIIS -> same(f.left.phonetic[3 * l + 2], f.right.phonetic[3 * r + 2]);
                default -> throw new IllegalStateException(m.name());
            };
        }

        /** Jaro-Winkler of every token pair (first 16 tokens of each side), shared by Monge-Elkan and soft TF-IDF. */
        private void fillMatrix(int[] a, int[] b, Scratch s) {
            int na = Math.min(a[0], Scratch.MAX_TOKENS);
            int nb = Math.min(b[0], Scratch.MAX_TOKENS);
            String[] vocab = f.vocab;
            byte[][] latin1 = f.latin1;
            for (int i = 0; i < na; i++) {
                int x = a[HEAD + i];
                byte[] ba = latin1[x];
                for (int j = 0; j < nb; j++) {
                    int y = b[HEAD + j];
                    byte[] bb = latin1[y];
                    s.matrix[i * Scratch.MAX_TOKENS + j] = x == y ? 1 : ba != null && bb != null
                            ? Measures.jaroWinkler(ba, bb, s.table) : Measures.jaroWinkler(vocab[x], vocab[y], s.table);
                }
            }
        }

        private static double mongeElkan(int tokensA, int tokensB, Scratch s) {
            int na = Math.min(tokensA, Scratch.MAX_TOKENS);
            int nb = Math.min(tokensB, Scratch.MAX_TOKENS);
            if (na == 0 || nb == 0) {
                return na == nb ? 1 : 0;
            }
            // row and column maxima in one pass; plain comparisons (values are never NaN) instead of Math.max
            double[] column = s.best;
            java.util.Arrays.fill(column, 0, nb, 0);
            double ab = 0;
            for (int i = 0; i < na; i++) {
                double best = 0;
                int row = i * Scratch.MAX_TOKENS;
                for (int j = 0; j < nb; j++) {
                    double v = s.matrix[row + j];
                    best = v > best ? v : best;
                    column[j] = v > column[j] ? v : column[j];
                }
                ab += best;
            }
            double ba = 0;
            for (int j = 0; j < nb; j++) {
                ba += column[j];
            }
            return (ab / na + ba / nb) / 2;
        }

        /** Soft TF-IDF (Cohen et al. 2003) with Jaro-Winkler >= 0.9 as the closeness test, both directions averaged. */
        private static double softTfidf(int[] a, int[] b, Scratch s) {
            int na = Math.min(a[0], Scratch.MAX_TOKENS);
            int nb = Math.min(b[0], Scratch.MAX_TOKENS);
            int wa = HEAD + a[0];                               // where the weights start
            int wb = HEAD + b[0];
            if (na == 0 || nb == 0) {
                return na == nb ? 1 : 0;
            }
            double ab = 0;
            for (int i = 0; i < na; i++) {
                double best = 0;
                int bj = -1;
                for (int j = 0; j < nb; j++) {
                    double v = s.matrix[i * Scratch.MAX_TOKENS + j];
                    if (v >= 0.9 && v > best) {
                        best = v;
                        bj = j;
                    }
                }
                if (bj >= 0) {
                    ab += Float.intBitsToFloat(a[wa + i]) * Float.intBitsToFloat(b[wb + bj]) * best;
                }
            }
            double ba = 0;
            for (int j = 0; j < nb; j++) {
                double best = 0;
                int bi = -1;
                for (int i = 0; i < na; i++) {
                    double v = s.matrix[i * Scratch.MAX_TOKENS + j];
                    if (v >= 0.9 && v > best) {
                        best = v;
                        bi = i;
                    }
                }
                if (bi >= 0) {
                    ba += Float.intBitsToFloat(a[wa + bi]) * Float.intBitsToFloat(b[wb + j]) * best;
                }
            }
            return Math.min(1, (ab + ba) / 2);
        }
    }

    static double same(long a, long b) {
        return a == 0 || b == 0 ? -1 : a == b ? 1 : 0;
    }

    /** Share of the smaller code set found in the other (exact), or mean best normalised Levenshtein (fuzzy). */
    static double codes(Measure m, int[] a, int[] b, String[] vocab) {
        if (a == null || b == null || a.length == 0 || b.length == 0) {
            return -1;
        }
        if (m == Measure.CODES_EXACT) {
            return Measures.overlap(Measures.intersection(a, b), a.length, b.length);
        }
        if (a.length > b.length) {
            int[] t = a;
            a = b;
            b = t;
        }
        double ab = bestMatches(a, b, vocab);
        return a.length == b.length ? (ab + bestMatches(b, a, vocab)) / 2 : ab;   // equal sizes: symmetric
    }

    private static double bestMatches(int[] a, int[] b, String[] vocab) {
        double sum = 0;
        for (int x : a) {
            double best = 0;
            for (int y : b) {
                best = Math.max(best, x == y ? 1 : Measures.levenshtein(vocab[x], vocab[y]));
                if (best == 1) {
                    break;
                }
            }
            sum += best;
        }
        return sum / a.length;
    }

    /** Overlap coefficient of the two sets of quantities; -1 when either side has none. */
    static double numbers(long[] a, long[] b) {
        if (a == null || b == null || a.length == 0 || b.length == 0) {
            return -1;
        }
        return Measures.overlap(Measures.intersection(a, b), a.length, b.length);
    }

    /** Character measures over one prepared string per record (identifiers, categorical values). */
    static final class Chars extends Comparison {
        private final String[] left;
        private final String[] right;
        /** Value ids ({@link Comparison#valueIds}): equality without reading the strings. */
        private final int[] leftId;
        private final int[] rightId;
        private final Measure[] measures;

        Chars(String prefix, String[] left, String[] right, int[][] ids, List<Measure> measures) {
            super(names(prefix, measures.stream().map(m -> m.suffix).toList()));
            this.left = left;
            this.right = right;
            this.leftId = ids[0];
            this.rightId = ids[1];
            this.measures = measures.toArray(new Measure[0]);
        }

        @Override
        void columns(List<Object> l, List<Object> r) {
            l.add(left);
            r.add(right);
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            int ia = leftId[l];
            int ib = rightId[r];
            if ((ia | ib) < 0) {
                missing(out);
                return;
            }
            boolean same = ia == ib;
            for (int k = 0; k < measures.length; k++) {
                if (on(k)) {
                    Measure m = measures[k];
                    out[slots[k]] = same ? 1 : m == Measure.EXACT ? 0
                            : Measure.character(m, left[l], right[r], scratch.table);
                }
            }
        }
    }

    /** Numbers: absolute difference, relative similarity, log-ratio, tolerance, Gaussian/linear/exponential decay. */
    static final class Numeric extends Comparison {
        static final List<String> ALL = List.of("abs_diff", "rel_sim", "log_ratio", "within_1pct", "gauss", "linear",
                "exp");
        private final double[] left;
        private final double[] right;
        private final double scale;

        Numeric(String prefix, double[] left, double[] right, double scale) {
            super(names(prefix, ALL));
            this.left = left;
            this.right = right;
            this.scale = scale;
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            double a = left[l];
            double b = right[r];
            if (Double.isNaN(a) || Double.isNaN(b)) {
                missing(out);
                return;
            }
            double d = Math.abs(a - b);
            put(out, 0, Math.min(d, 1e300));
            put(out, 1, Measures.relativeSimilarity(a, b));
            put(out, 2, Math.abs(Math.log1p(Math.abs(a)) - Math.log1p(Math.abs(b))));
            put(out, 3, d <= 0.01 * Math.max(Math.abs(a), Math.abs(b)) ? 1 : 0);
            put(out, 4, Measures.gaussian(d, scale));
            put(out, 5, Measures.linear(d, scale));
            put(out, 6, Measures.exponential(d, scale));
        }
    }

    /** Dates as epoch days: day difference, decay, same year, same month, day-month swap. */
    static final class Dates extends Comparison {
        static final List<String> ALL = List.of("day_diff", "date_sim", "same_year", "same_month", "day_month_swap");
        private final int[][] left;
        private final int[][] right;

        /** {@code left[0]} epoch days ({@code Values.NO_DATE} when missing), then year, month, day. */
        Dates(String prefix, int[][] left, int[][] right) {
            super(names(prefix, ALL));
            this.left = left;
            this.right = right;
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            int a = left[0][l];
            int b = right[0][r];
            if (a == dev.matcher.data.Values.NO_DATE || b == dev.matcher.data.Values.NO_DATE) {
                missing(out);
                return;
            }
            int d = Math.abs(a - b);
            int ya = left[1][l];
            int yb = right[1][r];
            int ma = left[2][l];
            int mb = right[2][r];
            int da = left[3][l];
            int db = right[3][r];
            put(out, 0, d);
            put(out, 1, Measures.exponential(d, 30));
            put(out, 2, ya == yb ? 1 : 0);
            put(out, 3, ya == yb && ma == mb ? 1 : 0);
            put(out, 4, ya == yb && ma != mb && ma == db && mb == da ? 1 : 0);
        }
    }

    /** Categorical: term-frequency-adjusted agreement and category-path prefix. */
    static final class Categorical extends Comparison {
        /** Value ids ({@link Comparison#valueIds}) of the normalised values. */
        private final int[] left;
        private final int[] right;
        private final float[] leftFreq;
        private final String[][] leftPath;
        private final String[][] rightPath;

        Categorical(String prefix, int[][] ids, float[] leftFreq, String[][] leftPath, String[][] rightPath) {
            super(names(prefix, leftPath == null ? List.of("tf_agree") : List.of("tf_agree", "path_prefix")));
            this.left = ids[0];
            this.right = ids[1];
            this.leftFreq = leftFreq;
            this.leftPath = leftPath;
            this.rightPath = rightPath;
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            int a = left[l];
            int b = right[r];
            if ((a | b) < 0) {
                missing(out);
                return;
            }
            put(out, 0, a == b ? 1 - leftFreq[l] : 0);
            if (leftPath != null && on(1)) {
                String[] pa = leftPath[l];
                String[] pb = rightPath[r];
                int n = Math.min(pa.length, pb.length);
                int k = 0;
                while (k < n && pa[k].equals(pb[k])) {
                    k++;
                }
                int max = Math.max(pa.length, pb.length);
                put(out, 1, max == 0 ? 1 : (double) k / max);
            }
        }
    }

    /** Perceptual hashes: agreement of difference hash and DCT hash. */
    static final class Image extends Comparison {
        static final List<String> NAMES = List.of("dhash", "phash");
        private final long[][] left;
        private final long[][] right;

        /** {@code left[0]} dHash, {@code left[1]} pHash, {@code left[2]} 1 when present. */
        Image(String prefix, long[][] left, long[][] right) {
            super(names(prefix, NAMES));
            this.left = left;
            this.right = right;
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            if (left[2][l] == 0 || right[2][r] == 0) {
                missing(out);
                return;
            }
            put(out, 0, Measures.hamming64(left[0][l], right[0][r]));
            put(out, 1, Measures.hamming64(left[1][l], right[1][r]));
        }
    }

    /**
     * Missing-value indicators: left null, right null, both null (0 or 1). The null flags of up to 64 attributes share
     * one long per record, so all indicators of a pair cost one memory access per side.
     */
    static final class Missing extends Comparison {
        private final long[] left;
        private final long[] right;
        private final long bit;

        Missing(String prefix, long[] left, long[] right, int bit) {
            super(names(prefix, List.of("left_null", "right_null", "both_null")));
            this.left = left;
            this.right = right;
            this.bit = 1L << bit;
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            boolean a = (left[l] & bit) != 0;
            boolean b = (right[r] & bit) != 0;
            put(out, 0, a ? 1 : 0);
            put(out, 1, b ? 1 : 0);
            put(out, 2, a && b ? 1 : 0);
        }
    }

    /** Person lists (authors): shorter list length / longer list length, -1 when either lists nobody. */
    static final class ListSize extends Comparison {
        private final int[] left;
        private final int[] right;

        ListSize(String prefix, int[] left, int[] right) {
            super(new String[] {prefix + ".list_size_ratio"});
            this.left = left;
            this.right = right;
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            int a = left[l];
            int b = right[r];
            put(out, 0, a == 0 || b == 0 ? -1 : (double) Math.min(a, b) / Math.max(a, b));
        }
    }

    /** {@link ValueAlignment}: a table lookup by the two records' value ids (-1: unknown). */
    static final class Aligned extends Comparison {
        private final int[] left;
        private final int[] right;
        private final float[] table;
        private final int width;

        Aligned(String name, int[] left, int[] right, float[] table, int width) {
            super(new String[] {name});
            this.left = left;
            this.right = right;
            this.table = table;
            this.width = width;
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            int a = left[l];
            int b = right[r];
            put(out, 0, a < 0 || b < 0 ? -1 : table[a * width + b]);
        }
    }

    /** Variant conflicts: 1 when both records name values of a category and share none, 0 when they share one. */
    static final class Variants extends Comparison {
        private final long[][][] left;
        private final long[][][] right;

        Variants(List<String> categories, long[][][] left, long[][][] right) {
            this(categories.stream().map(Variants::name).toArray(String[]::new), left, right);
        }

        static String name(String category) {
            return "variant." + category + "_conflict";
        }

        /** Conflicts under the given feature names: 1 if both sides have keys and share none, 0 if they share one. */
        Variants(String[] names, long[][][] left, long[][][] right) {
            super(names);
            this.left = left;
            this.right = right;
        }

        @Override
        void columns(List<Object> l, List<Object> r) {
            l.addAll(Arrays.asList(left));
            r.addAll(Arrays.asList(right));
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            for (int c = 0; c < left.length; c++) {
                if (!on(c)) {
                    continue;
                }
                long[] a = left[c][l];
                long[] b = right[c][r];
                out[slots[c]] = a.length == 0 || b.length == 0 ? -1 : Measures.intersection(a, b) == 0 ? 1 : 0;
            }
        }
    }

    /** A user's {@link Similarity} on the raw values. */
    static final class Custom extends Comparison {
        private final String[] left;
        private final String[] right;
        private final Similarity similarity;

        Custom(String name, String[] left, String[] right, Similarity similarity) {
            super(new String[] {name});
            this.left = left;
            this.right = right;
            this.similarity = similarity;
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            String a = left[l];
            String b = right[r];
            if (a == null || b == null) {
                put(out, 0, -1);
                return;
            }
            double v = similarity.score(a, b);
            put(out, 0, Double.isNaN(v) ? -1 : Math.max(0, Math.min(1, v)));
        }
    }
}
