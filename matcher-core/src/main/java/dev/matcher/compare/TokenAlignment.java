package dev.matcher.compare;

import dev.matcher.text.Analyzers;
import dev.matcher.text.TermWeighting;
import dev.matcher.text.Quantity;
import dev.matcher.util.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Token alignment of two short texts (offer titles), the way a person reads two offers: the tokens of both sides are
 * aligned by type — plain words (exactly, one edit apart, or inside a code of the other side), model codes (equal
 * once separators are dropped, or one inside the other: {@code WH-1000XM4} / {@code WH1000XM4} / {@code 1000XM4}),
 * numbers with units (unit-normalised: {@code 1TB} / {@code 1000 GB}, {@code 64Go} / {@code 64GB}) and plain numbers
 * — and what is left over on each side is described: its IDF mass, and whether the other side holds a conflicting
 * value of the same type ({@code 64GB} vs {@code 128GB}, {@code i7-4790} vs {@code i3-4340}).
 *
 * <p>Everything per record is prepared once, in parallel, as primitive arrays (sorted word and code ids, quantity
 * keys with their unit); a pair is aligned without allocating (at most {@value #MAX} words and codes per side are
 * aligned, held in bit masks).
 *
 * <pre>{@code
 * TokenAlignment t = TokenAlignment.build(leftTitles, rightTitles, null);
 * Comparison c = t.comparison("title");    // title.align_word_cov_min, ..., title.align_code_conflict, ...
 * }</pre>
 */
final class TokenAlignment {
    /** Words and codes aligned per side (bit masks of one long). */
    static final int MAX = 64;
    /** Feature suffixes, in output order. */
    static final List<String> SUFFIXES = List.of("align_word_cov_min", "align_word_cov_max", "align_left_idf_max",
            "align_code_match", "align_code_left_max", "align_code_left_min", "align_code_conflict",
            "align_code_conflict_idf", "align_qty_match", "align_qty_conflict", "align_num_conflict",
            "align_fuzzy");
    /** French byte units ({@code 64Go}, {@code 64 Go}, {@code 1To}, {@code 512Mo}); "to" only when attached. */
    private static final Pattern FRENCH_UNITS = Pattern.compile("(\\d)(?:\\s?(go)|(to|mo))(?![\\p{L}\\p{N}])");
    private static final int[] NO_IDS = {};
    private static final long[] NO_KEYS = {};

    /** Per-record profiles of one side. */
    static final class Side {
        /** Letters and digits of the normalised text, nothing else (for containment); null when missing. */
        final String[] squashed;
        /** Sorted distinct ids of letter-only words into {@link #wordVocab}. */
        final int[][] words;
        /** Sorted distinct ids of codes into {@link #codeVocab}. */
        final int[][] codes;
        /** Quantities with a unit: {@code [key, unit hash]} per quantity, sorted by key. */
        final long[][] quantities;
        /** Sorted distinct keys of plain numbers. */
        final long[][] numbers;

        Side(int n) {
            squashed = new String[n];
            words = new int[n][];
            codes = new int[n][];
            quantities = new long[n][];
            numbers = new long[n][];
        }
    }

    final Side left;
    final Side right;
    String[] wordVocab;
    float[] wordIdf;
    String[] codeVocab;
    float[] codeIdf;
    /** Per code id: hash of its letter/digit shape (runs collapsed: {@code i74790 -> a9}). */
    int[] codeShape;
    /** The IDF of a term no record holds: the bound of every IDF here. */
    float maxIdf;
    /** The statistics these profiles were built with, for {@link FeatureSpace#statistics()}. */
    Fitted fitted;
    /** Share of present values holding a code or a quantity; mean words per present value. */
    double codeOrQuantityShare;
    double meanWords;

    private TokenAlignment(Side left, Side right) {
        this.left = left;
        this.right = right;
    }

    /**
     * The corpus statistics of a field's alignment: word and code dictionaries with their IDF, and how many records
     * they were counted on. A field rebuilt on part of the tables with these computes the whole's features.
     */
    record Fitted(TextField.Fitted words, TextField.Fitted codes, long docs) implements java.io.Serializable {
    }

    /**
     * Profiles of both sides ({@code rightRaw == leftRaw} in deduplication: one side); {@code strip} removes variant
     * words first (VARIANT mode), or null.
     */
    static TokenAlignment build(String[] leftRaw, String[] rightRaw, UnaryOperator<String> strip) {
        return build("", leftRaw, rightRaw, strip, null);
    }

    /** As {@link #build(String[], String[], UnaryOperator)}, applying {@code given} statistics unless null. */
    static TokenAlignment build(String field, String[] leftRaw, String[] rightRaw, UnaryOperator<String> strip,
                                Fitted given) {
        boolean dedup = leftRaw == rightRaw;
        Side l = new Side(leftRaw.length);
        Side r = dedup ? l : new Side(rightRaw.length);
        TokenAlignment t = new TokenAlignment(l, r);
        String[][] lw = new String[leftRaw.length][];
        String[][] lc = new String[leftRaw.length][];
        String[][] rw = dedup ? lw : new String[rightRaw.length][];
        String[][] rc = dedup ? lc : new String[rightRaw.length][];
        Parallel.forEach(leftRaw.length, i -> prepare(l, i, leftRaw[i], strip, lw, lc));
        if (!dedup) {
            Parallel.forEach(rightRaw.length, i -> prepare(r, i, rightRaw[i], strip, rw, rc));
        }
        long docs;
        if (given == null) {
            Dictionary words = Dictionary.of(dedup ? new String[][][] {lw} : new String[][][] {lw, rw});
            Dictionary codes = Dictionary.of(dedup ? new String[][][] {lc} : new String[][][] {lc, rc});
            t.wordVocab = words.strings;
            t.codeVocab = codes.strings;
            docs = Arrays.stream(l.squashed).filter(s -> s != null).count()
                    + (dedup ? 0 : Arrays.stream(r.squashed).filter(s -> s != null).count());
            t.wordIdf = idf(words, l.words, dedup ? null : r.words, docs);
            t.codeIdf = idf(codes, l.codes, dedup ? null : r.codes, docs);
        } else {
            t.wordVocab = given.words().vocab;
            t.wordIdf = given.words().idf;
            t.codeVocab = given.codes().vocab;
            t.codeIdf = given.codes().idf;
            docs = given.docs();
            for (Side s : dedup ? new Side[] {l} : new Side[] {l, r}) {
                String[][] w = s == l ? lw : rw;
                String[][] c = s == l ? lc : rc;
                Parallel.forEach(s.words.length, i -> {
                    s.words[i] = known(field, w[i], given.words());
                    s.codes[i] = known(field, c[i], given.codes());
                });
            }
        }
        t.fitted = new Fitted(new TextField.Fitted(t.wordVocab, t.wordIdf, null),
                new TextField.Fitted(t.codeVocab, t.codeIdf, null), docs);
        t.maxIdf = TermWeighting.LOG_SMOOTHED.idf(docs, 0);
        t.codeShape = new int[t.codeVocab.length];
        for (int id = 0; id < t.codeVocab.length; id++) {
            t.codeShape[id] = shape(t.codeVocab[id]);
        }
        t.statistics(dedup);
        return t;
    }

    /** Sorted distinct ids of {@code tokens} in a given dictionary. */
    private static int[] known(String field, String[] tokens, TextField.Fitted dictionary) {
        if (tokens == null) {
            return NO_IDS;
        }
        int[] ids = new int[tokens.length];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = dictionary.word(field, tokens[k]);
        }
        return distinctSorted(ids);
    }

    /** Distinct sorted ids per record into {@code target}; the smoothed IDF of every id. */
    private static float[] idf(Dictionary d, int[][] left, int[][] right, long docs) {
        AtomicIntegerArray df = new AtomicIntegerArray(d.strings.length);
        int[][][] sides = right == null ? new int[][][] {left} : new int[][][] {left, right};
        for (int s = 0; s < sides.length; s++) {
            int[][] ids = d.ids[s];
            int[][] target = sides[s];
            Parallel.forEach(ids.length, i -> {
                int[] x = ids[i] == null ? NO_IDS : distinctSorted(ids[i]);
                target[i] = x;
                for (int id : x) {
                    df.incrementAndGet(id);
                }
            });
        }
        float[] idf = new float[d.strings.length];
        for (int id = 0; id < idf.length; id++) {
            idf[id] = TermWeighting.LOG_SMOOTHED.idf(docs, df.get(id));
        }
        return idf;
    }

    private static int[] distinctSorted(int[] a) {
        int[] x = a.clone();
        Arrays.sort(x);
        int n = 0;
        for (int k = 0; k < x.length; k++) {
            if (n == 0 || x[n - 1] != x[k]) {
                x[n++] = x[k];
            }
        }
        return n == x.length ? x : Arrays.copyOf(x, n);
    }

    private static void prepare(Side s, int i, String raw, UnaryOperator<String> strip, String[][] words,
                                String[][] codes) {
        String norm = Analyzers.TEXT.prepare(raw);
        if (norm == null || norm.isBlank()) {
            s.words[i] = NO_IDS;
            s.codes[i] = NO_IDS;
            s.quantities[i] = NO_KEYS;
            s.numbers[i] = NO_KEYS;
            return;
        }
        String text = FRENCH_UNITS.matcher(strip == null ? norm : strip.apply(norm)).replaceAll(m -> m.group(1)
                + (m.group(2) != null ? "gb" : m.group(3).equals("to") ? "tb" : "mb"));
        List<String> w = new ArrayList<>();
        List<String> c = new ArrayList<>(Arrays.asList(Analyzers.CODES.tokens(text)));
        for (String token : Analyzers.WORDS.tokens(text)) {
            boolean letter = false;
            boolean digit = false;
            for (int k = 0; k < token.length(); k++) {
                char ch = token.charAt(k);
                letter |= Character.isLetter(ch);
                digit |= Character.isDigit(ch);
            }
            if (letter && !digit) {
                w.add(token);
            } else if (letter && token.length() == 2 && Analyzers.WORDS.quantityKeys(token, true).length == 0) {
                c.add(token);                                  // short codes: g3, i7, s8
            }
        }
        StringBuilder sq = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (Character.isLetterOrDigit(ch)) {
                sq.append(ch);
            }
        }
        s.squashed[i] = sq.toString();
        words[i] = w.toArray(new String[0]);
        codes[i] = c.toArray(new String[0]);
        Quantity[] qs = Analyzers.WORDS.quantities(text);
        long[] q = new long[2 * qs.length];
        long[] plain = new long[qs.length];
        int nq = 0;
        int np = 0;
        for (Quantity x : qs) {
            long key = x.key();
            if (x.hasUnit()) {
                int at = nq;                                    // insertion by key (a handful per record)
                while (at > 0 && q[2 * at - 2] > key) {
                    q[2 * at] = q[2 * at - 2];
                    q[2 * at + 1] = q[2 * at - 1];
                    at--;
                }
                if (at > 0 && q[2 * at - 2] == key) {
                    System.arraycopy(q, 2 * at + 2, q, 2 * at, 2 * (nq - at));   // a repeat: undo the shift
                    continue;
                }
                q[2 * at] = key;
                q[2 * at + 1] = x.unit().hashCode();
                nq++;
            } else {
                plain[np++] = key;
            }
        }
        Arrays.sort(plain, 0, np);
        int distinct = 0;
        for (int k = 0; k < np; k++) {
            if (distinct == 0 || plain[distinct - 1] != plain[k]) {
                plain[distinct++] = plain[k];
            }
        }
        np = distinct;
        s.quantities[i] = Arrays.copyOf(q, 2 * nq);
        s.numbers[i] = Arrays.copyOf(plain, np);
    }

    /** Letter runs as 'a', digit runs as '9', other characters kept: {@code hx426c15fb4 -> a9a9a9}. */
    static int shape(String code) {
        int h = 1;
        char last = 0;
        for (int k = 0; k < code.length(); k++) {
            char ch = code.charAt(k);
            char cls = Character.isDigit(ch) ? '9' : Character.isLetter(ch) ? 'a' : ch;
            if (cls != last) {
                h = 31 * h + cls;
                last = cls;
            }
        }
        return h;
    }

    private void statistics(boolean dedup) {
        long present = 0;
        long typed = 0;
        long words = 0;
        for (Side s : dedup ? new Side[] {left} : new Side[] {left, right}) {
            for (int i = 0; i < s.squashed.length; i++) {
                if (s.squashed[i] == null) {
                    continue;
                }
                present++;
                words += s.words[i].length + s.codes[i].length + s.numbers[i].length + s.quantities[i].length / 2;
                if (s.codes[i].length > 0 || s.quantities[i].length > 0) {
                    typed++;
                }
            }
        }
        codeOrQuantityShare = present == 0 ? 0 : (double) typed / present;
        meanWords = present == 0 ? 0 : (double) words / present;
    }

    /** The comparison named {@code prefix.align_*}. */
    Comparison comparison(String prefix) {
        return new Aligned(prefix, this);
    }

    /** Whether {@code a} and {@code b} (at least 4 characters each) are one insertion, deletion or substitution apart. */
    static boolean oneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la < 4 || lb < 4 || Math.abs(la - lb) > 1) {
            return false;
        }
        if (la < lb) {
            String t = a;
            a = b;
            b = t;
            int x = la;
            la = lb;
            lb = x;
        }
        int i = 0;
        while (i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == lb) {
            return true;                                      // equal, or one trailing insertion
        }
        int skipB = la == lb ? i + 1 : i;              // a substitution, or a deletion from the longer one
        return a.regionMatches(i + 1, b, skipB, lb - skipB);
    }

    /** Whether {@code code} (at least 4 characters) sits inside the squashed text or a code of the other record. */
    private boolean codeFound(String code, String otherSquashed, int[] otherCodes) {
        if (code.length() >= 4 && otherSquashed.contains(code)) {
            return true;
        }
        for (int id : otherCodes) {
            String o = codeVocab[id];
            if (o.length() >= 4 && o.length() < code.length() && code.contains(o)) {
                return true;
            }
        }
        return false;
    }

    private boolean wordInCodes(String word, int[] otherCodes) {
        if (word.length() < 2) {
            return false;
        }
        for (int id : otherCodes) {
            if (codeVocab[id].contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A count as {@code n / (1 + n)}: 0, 0.5, 0.67, ... (features stay in [-1, 1]). */
    private static double squash(int n) {
        return n / (1.0 + n);
    }

    /** The features of one pair into {@code f} (in {@link #SUFFIXES} order); false when either side is missing. */
    boolean align(int l, int r, double[] f) {
        String sl = left.squashed[l];
        String sr = right.squashed[r];
        if (sl == null || sr == null) {
            return false;
        }
        // words: exact, then one edit apart or inside a code of the other side
        int[] wa = left.words[l];
        int[] wb = right.words[r];
        int na = Math.min(MAX, wa.length);
        int nb = Math.min(MAX, wb.length);
        long ma = 0;
        long mb = 0;
        for (int i = 0, j = 0; i < na && j < nb; ) {
            if (wa[i] == wb[j]) {
                ma |= 1L << i++;
                mb |= 1L << j++;
            } else if (wa[i] < wb[j]) {
                i++;
            } else {
                j++;
            }
        }
        long exactA = ma;
        long exactB = mb;
        int[] ca = left.codes[l];
        int[] cb = right.codes[r];
        for (int i = 0; i < na; i++) {
            if ((ma & (1L << i)) != 0) {
                continue;
            }
            String x = wordVocab[wa[i]];
            for (int j = 0; j < nb; j++) {
                if ((exactB & (1L << j)) == 0 && oneEdit(x, wordVocab[wb[j]])) {
                    ma |= 1L << i;
                    mb |= 1L << j;
                    break;
                }
            }
            if ((ma & (1L << i)) == 0 && wordInCodes(x, cb)) {
                ma |= 1L << i;
            }
        }
        for (int j = 0; j < nb; j++) {
            if ((mb & (1L << j)) == 0 && wordInCodes(wordVocab[wb[j]], ca)) {
                mb |= 1L << j;
            }
        }
        int fuzzy = Long.bitCount(ma & ~exactA) + Long.bitCount(mb & ~exactB);
        double totalA = 0;
        double matchedA = 0;
        double leftA = 0;
        for (int i = 0; i < na; i++) {
            float w = wordIdf[wa[i]];
            totalA += w;
            if ((ma & (1L << i)) != 0) {
                matchedA += w;
            } else {
                leftA += w;
            }
        }
        double totalB = 0;
        double matchedB = 0;
        double leftB = 0;
        for (int j = 0; j < nb; j++) {
            float w = wordIdf[wb[j]];
            totalB += w;
            if ((mb & (1L << j)) != 0) {
                matchedB += w;
            } else {
                leftB += w;
            }
        }
        double covA = totalA == 0 ? -1 : matchedA / totalA;
        double covB = totalB == 0 ? -1 : matchedB / totalB;
        // codes: equal, or one inside the other record
        int ka = Math.min(MAX, ca.length);
        int kb = Math.min(MAX, cb.length);
        long xa = 0;
        long xb = 0;
        for (int i = 0, j = 0; i < ka && j < kb; ) {
            if (ca[i] == cb[j]) {
                xa |= 1L << i++;
                xb |= 1L << j++;
            } else if (ca[i] < cb[j]) {
                i++;
            } else {
                j++;
            }
        }
        for (int i = 0; i < ka; i++) {
            if ((xa & (1L << i)) == 0 && codeFound(codeVocab[ca[i]], sr, cb)) {
                xa |= 1L << i;
            }
        }
        for (int j = 0; j < kb; j++) {
            if ((xb & (1L << j)) == 0 && codeFound(codeVocab[cb[j]], sl, ca)) {
                xb |= 1L << j;
            }
        }
        int codeMatch = Math.max(Long.bitCount(xa), Long.bitCount(xb));
        int codeLeftA = ka - Long.bitCount(xa);
        int codeLeftB = kb - Long.bitCount(xb);
        double maxA = 0;
        double maxB = 0;
        for (int i = 0; i < ka; i++) {
            if ((xa & (1L << i)) == 0) {
                maxA = Math.max(maxA, codeIdf[ca[i]]);
                leftA += codeIdf[ca[i]];
            }
        }
        for (int j = 0; j < kb; j++) {
            if ((xb & (1L << j)) == 0) {
                maxB = Math.max(maxB, codeIdf[cb[j]]);
                leftB += codeIdf[cb[j]];
            }
        }
        double conflict;
        double conflictIdf = 0;
        if (ka == 0 || kb == 0) {
            conflict = -1;
        } else if (codeLeftA == 0 || codeLeftB == 0) {
            conflict = 0;
        } else {
            conflict = 0.5;                                   // both keep codes the other lacks
            for (int i = 0; i < ka && conflict < 1; i++) {
                if ((xa & (1L << i)) != 0) {
                    continue;
                }
                for (int j = 0; j < kb; j++) {
                    if ((xb & (1L << j)) == 0 && codeShape[ca[i]] == codeShape[cb[j]]) {
                        conflict = 1;                         // and of the same shape: i74790 vs i34340
                        break;
                    }
                }
            }
            conflictIdf = Math.min(maxA, maxB);
        }
        // quantities with units: equal keys, else a conflict when the other side has another value of that unit
        long[] qa = left.quantities[l];
        long[] qb = right.quantities[r];
        int qtyMatch = 0;
        for (int i = 0, j = 0; i < qa.length && j < qb.length; ) {
            if (qa[i] == qb[j]) {
                qtyMatch++;
                i += 2;
                j += 2;
            } else if (qa[i] < qb[j]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        int qtyConflict = Math.max(conflicts(qa, qb), conflicts(qb, qa));
        // plain numbers
        long[] pa = left.numbers[l];
        long[] pb = right.numbers[r];
        double numConflict;
        if (pa.length == 0 || pb.length == 0) {
            numConflict = -1;
        } else {
            int shared = Measures.intersection(pa, pb);
            numConflict = shared == pa.length || shared == pb.length ? 0 : shared > 0 ? 0.5 : 1;
        }
        for (int i = 0; i < ka; i++) {
            totalA += codeIdf[ca[i]];
        }
        for (int j = 0; j < kb; j++) {
            totalB += codeIdf[cb[j]];
        }
        f[0] = Math.min(covA, covB);
        f[1] = Math.max(covA, covB);
        f[2] = Math.max(totalA == 0 ? 0 : leftA / totalA, totalB == 0 ? 0 : leftB / totalB);
        f[3] = squash(codeMatch);
        f[4] = squash(Math.max(codeLeftA, codeLeftB));
        f[5] = squash(Math.min(codeLeftA, codeLeftB));
        f[6] = conflict;
        f[7] = conflictIdf / maxIdf;
        f[8] = squash(qtyMatch);
        f[9] = squash(qtyConflict);
        f[10] = numConflict;
        f[11] = squash(fuzzy);
        return true;
    }

    /** Quantities of {@code a} whose unit {@code b} gives only other values ({@code [key, unit]} pairs). */
    private static int conflicts(long[] a, long[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i += 2) {
            boolean same = false;
            boolean other = false;
            for (int j = 0; j < b.length; j += 2) {
                if (a[i + 1] == b[j + 1]) {
                    same |= a[i] == b[j];
                    other |= a[i] != b[j];
                }
            }
            if (other && !same) {
                n++;
            }
        }
        return n;
    }

    /** The features as one {@link Comparison}. */
    static final class Aligned extends Comparison {
        private final TokenAlignment t;

        Aligned(String prefix, TokenAlignment t) {
            super(SUFFIXES.stream().map(s -> prefix + "." + s).toArray(String[]::new));
            this.t = t;
        }

        @Override
        void columns(List<Object> l, List<Object> r) {
            l.add(t.left.words);
            l.add(t.left.codes);
            r.add(t.right.words);
            r.add(t.right.codes);
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            double[] f = scratch.align;
            if (!t.align(l, r, f)) {
                missing(out);
                return;
            }
            for (int k = 0; k < f.length; k++) {
                put(out, k, f[k]);
            }
        }
    }
}
