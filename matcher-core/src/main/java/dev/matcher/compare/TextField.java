package dev.matcher.compare;

import dev.matcher.text.Analyzer;
import dev.matcher.text.Analyzers;
import dev.matcher.text.TermWeighting;
import dev.matcher.text.Phonetics;
import dev.matcher.text.StopWords;
import dev.matcher.util.Parallel;
import dev.matcher.util.SharedElements;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.UnaryOperator;

/**
 * Per-record text profiles of one field (an attribute, or all attributes concatenated) for both tables: normalised
 * text, token ids with TF-IDF weights, q-grams, codes, quantities, phonetic codes. Built once, in parallel; the token
 * dictionary and document frequencies are fitted on both tables together (once in deduplication).
 */
final class TextField {
    /** What to prepare. */
    record Options(boolean qgrams, boolean codes, boolean numbers, boolean phonetic, boolean stopWords,
                   UnaryOperator<String> stripVariants) {
    }

    static final class Side {
        final int n;
        /** Words joined by single spaces (after variant stripping); null when missing. */
        final String[] text;
        /** {@link Abbreviations#words(String)} of each text (null when missing); null unless that measure is on. */
        int[][] words;
        /** {@link #text} as value ids shared by both sides ({@link Comparison#valueIds}): -1 when missing. */
        int[] textId;
        /**
         * Everything token-based about record i in one array, so a pair touches one object per side:
         * {@code [tokens, qgrams, idfSum bits, token ids..., weight bits..., q-gram keys...]} (see {@link #HEAD}).
         */
        final int[][] blob;
        /** Q-grams while the profiles are built; folded into {@link #blob}. */
        private int[][] qgramsTmp;
        /** Sorted ids into {@link TextField#codeVocab}; null without codes. */
        int[][] codeIds;
        final long[][] numbers;
        /**
         * Soundex, Double Metaphone and NYSIIS of record i at {@code 3i, 3i+1, 3i+2}, each packed into a long
         * (8 bits per character, 0 when there is none): one memory access per record and pair.
         */
        final long[] phonetic;

        Side(int n, Options o) {
            this.n = n;
            text = new String[n];
            blob = new int[n][];
            qgramsTmp = o.qgrams() ? new int[n][] : null;
            codeIds = o.codes() ? new int[n][] : null;
            numbers = o.numbers() ? new long[n][] : null;
            phonetic = o.phonetic() ? new long[3 * n] : null;
        }

        boolean missing(int row) {
            return text[row] == null;
        }
    }

    /** Header length of a blob: token count, q-gram count, IDF sum. */
    static final int HEAD = 3;
    private static final int[] EMPTY = {0, 0, 0};

    final String name;
    final Side left;
    final Side right;
    String[] vocab;
    /** Each word of {@link #vocab} as Latin-1 bytes when it has at most 64 characters, all Latin-1; else null. */
    byte[][] latin1;
    float[] idf;
    String[] codeVocab;
    /** Share of present values holding at least one code / number; mean words per present value; name-likeness. */
    double codeShare;
    double numberShare;
    double meanWords;
    double nameLike;
    double presentShare;

    private TextField(String name, Side left, Side right) {
        this.name = name;
        this.left = left;
        this.right = right;
    }

    /**
     * The corpus statistics of a field: its word dictionary with the smoothed IDF of each word, and its code
     * dictionary (null without codes). Ids are dictionary positions, so a field rebuilt on part of the tables with
     * these gives every record the same ids, weights and therefore the same floating-point features.
     */
    static final class Fitted implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final String[] vocab;
        final float[] idf;
        final String[] codeVocab;
        private transient volatile java.util.Map<String, Integer> wordIds;
        private transient volatile java.util.Map<String, Integer> codeIds;
        private transient volatile byte[][] latin1;

        Fitted(String[] vocab, float[] idf, String[] codeVocab) {
            this.vocab = vocab;
            this.idf = idf;
            this.codeVocab = codeVocab;
        }

        int word(String field, String w) {
            if (wordIds == null) {
                wordIds = index(vocab);
            }
            return lookup(wordIds, field, "word", w);
        }

        int code(String field, String c) {
            if (codeVocab == null) {
                throw new IllegalArgumentException(field + ": the given statistics hold no code dictionary");
            }
            if (codeIds == null) {
                codeIds = index(codeVocab);
            }
            return lookup(codeIds, field, "code", c);
        }

        byte[][] latin1() {
            if (latin1 == null) {
                latin1 = TextField.latin1(vocab);
            }
            return latin1;
        }

        private static java.util.Map<String, Integer> index(String[] strings) {
            java.util.Map<String, Integer> m = new java.util.HashMap<>(strings.length * 2);
            for (int i = 0; i < strings.length; i++) {
                m.put(strings[i], i);
            }
            return m;
        }

        private static int lookup(java.util.Map<String, Integer> m, String field, String what, String s) {
            Integer id = m.get(s);
            if (id == null) {
                throw new IllegalArgumentException(field + ": the " + what + " '" + s + "' is not in the given "
                        + "statistics; they were fitted on other tables");
            }
            return id;
        }
    }

    static TextField build(String name, String[] leftRaw, String[] rightRaw, Options o) {
        return build(name, leftRaw, rightRaw, o, null);
    }

    /** As {@link #build(String, String[], String[], Options)}, applying {@code given} statistics unless null. */
    static TextField build(String name, String[] leftRaw, String[] rightRaw, Options o, Fitted given) {
        boolean dedup = leftRaw == rightRaw;
        Side l = new Side(leftRaw.length, o);
        Side r = dedup ? l : new Side(rightRaw.length, o);
        TextField f = new TextField(name, l, r);
        Dictionary.Growing dictionary = given == null ? new Dictionary.Growing() : null;
        Dictionary.Growing codes = given == null && o.codes() ? new Dictionary.Growing() : null;
        int[][] lIds = new int[l.n][];
        int[][] rIds = dedup ? lIds : new int[r.n][];
        prepareAll(name, l, leftRaw, o, dictionary, codes, given, lIds);
        if (!dedup) {
            prepareAll(name, r, rightRaw, o, dictionary, codes, given, rIds);
        }
        if (given == null) {
            f.vocab = dictionary.strings();
            f.latin1 = latin1(f.vocab);
            AtomicIntegerArray df = new AtomicIntegerArray(f.vocab.length);
            Parallel.forEach(l.n, i -> countSorted(lIds[i], df));
            if (!dedup) {
                Parallel.forEach(r.n, i -> countSorted(rIds[i], df));
            }
            long docs = Arrays.stream(lIds).filter(w -> w != null).count()
                    + (dedup ? 0 : Arrays.stream(rIds).filter(w -> w != null).count());
            f.idf = new float[f.vocab.length];
            for (int id = 0; id < f.idf.length; id++) {
                f.idf[id] = TermWeighting.LOG_SMOOTHED.idf(docs, df.get(id));
            }
        } else {
            f.vocab = given.vocab;
            f.latin1 = given.latin1();
            f.idf = given.idf;
        }
        Parallel.forEach(l.n, i -> weigh(f, l, i, lIds[i]));
        if (!dedup) {
            Parallel.forEach(r.n, i -> weigh(f, r, i, rIds[i]));
        }
        l.qgramsTmp = null;
        r.qgramsTmp = null;
        int[][] ids = Comparison.valueIds(l.text, r.text);
        l.textId = ids[0];
        r.textId = ids[1];
        f.statistics(dedup);
        if (o.codes()) {
            f.codeVocab = given == null ? codes.strings() : given.codeVocab;
            for (Side s : dedup ? new Side[] {l} : new Side[] {l, r}) {
                int[][] c = s.codeIds;
                Parallel.forEach(c.length, i -> {
                    if (c[i] == null) {
                        c[i] = new int[0];
                    } else {
                        Arrays.sort(c[i]);
                    }
                });
            }
        }
        return f;
    }

    /** This field's corpus statistics, for {@link #build(String, String[], String[], Options, Fitted)}. */
    Fitted fitted() {
        return new Fitted(vocab, idf, codeVocab);
    }

    /** The sorted word ids of each record, from given statistics. */
    private static int[][] known(String field, String[][] words, Fitted given) {
        int[][] ids = new int[words.length][];
        Parallel.forEach(words.length, i -> {
            String[] w = words[i];
            if (w != null) {
                int[] t = new int[w.length];
                for (int k = 0; k < w.length; k++) {
                    t[k] = given.word(field, w[k]);
                }
                Arrays.sort(t);
                ids[i] = t;
            }
        });
        return ids;
    }

    /** Prepares the per-record word boundaries of {@link Measure#ABBREVIATION} (once: sides may be shared). */
    void abbreviationWords() {
        for (Side s : new Side[] {left, right}) {
            if (s.words == null) {
                int[][] w = new int[s.n][];
                for (int i = 0; i < s.n; i++) {
                    w[i] = s.text[i] == null ? null : Abbreviations.words(s.text[i]);
                }
                s.words = w;
            }
        }
    }

    private static byte[][] latin1(String[] words) {
        byte[][] out = new byte[words.length][];
        for (int id = 0; id < words.length; id++) {
            String w = words[id];
            if (w.length() <= 64 && w.chars().allMatch(c -> c <= 0xFF)) {
                out[id] = w.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
        return out;
    }

    /** Sorts a record's word ids (repeats stay: they are its term frequencies) and counts each distinct one in df. */
    private static void countSorted(int[] t, AtomicIntegerArray df) {
        if (t == null) {
            return;
        }
        Arrays.sort(t);
        for (int k = 0; k < t.length; k++) {
            if (k == 0 || t[k] != t[k - 1]) {
                df.incrementAndGet(t[k]);
            }
        }
    }

    /** Words of prepared text without English stop words. */
    private static final Analyzer CONTENT_WORDS = Analyzers.builder().words().stopWords(StopWords.ENGLISH).build();

    /** Rows prepared at a time: their words live only until they have ids, not for the whole table. */
    static final int CHUNK_ROWS = 1 << 16;

    /**
     * Prepares every record of a side and gives each its word ids ({@code ids[i]}: from the growing dictionary, in
     * first-seen order, or from the given statistics, sorted), {@value #CHUNK_ROWS} rows at a time, so that the words
     * of a few chunks, not those of every record, are held at once. Each distinct value is prepared once when values
     * repeat (names, places: a few thousand values over millions of rows): a repeat is handed the first one's
     * objects, which nothing changes later, and a copy of its ids; the profiles are those a record-by-record pass
     * builds.
     */
    private static void prepareAll(String field, Side s, String[] raw, Options o, Dictionary.Growing dictionary,
                                   Dictionary.Growing codeDictionary, Fitted given, int[][] ids) {
        int[] first = SharedElements.firsts(raw);
        for (int from = 0; from < s.n; from += CHUNK_ROWS) {
            int start = from;
            int end = Math.min(s.n, from + CHUNK_ROWS);
            String[][] words = new String[end - start][];
            String[][] codes = o.codes() ? new String[end - start][] : null;
            Parallel.forEach(end - start, k -> {
                int i = start + k;
                if (first == null || first[i] == i) {
                    prepare(s, i, raw[i], o, words, codes, k);
                }
            });
            int[][] chunk = dictionary != null ? dictionary.add(words) : known(field, words, given);
            System.arraycopy(chunk, 0, ids, start, chunk.length);
            if (codes != null) {
                int[][] c = codeDictionary != null ? codeDictionary.add(codes) : knownCodes(field, codes, given);
                System.arraycopy(c, 0, s.codeIds, start, c.length);
            }
            if (first != null) {
                Parallel.forEach(end - start, k -> {
                    int i = start + k;
                    int f = first[i];
                    if (f >= 0 && f != i) {
                        repeat(s, f, i, ids);
                    }
                });
            }
        }
    }

    /** Row {@code i} holds the value of row {@code f}: the same objects, and a copy of the ids (sorted in place later). */
    private static void repeat(Side s, int f, int i, int[][] ids) {
        s.text[i] = s.text[f];
        ids[i] = ids[f] == null ? null : ids[f].clone();
        if (s.qgramsTmp != null) {
            s.qgramsTmp[i] = s.qgramsTmp[f];
        }
        if (s.codeIds != null) {
            s.codeIds[i] = s.codeIds[f] == null ? null : s.codeIds[f].clone();
        }
        if (s.numbers != null) {
            s.numbers[i] = s.numbers[f];
        }
        if (s.phonetic != null) {
            System.arraycopy(s.phonetic, 3 * f, s.phonetic, 3 * i, 3);
        }
    }

    /** Prepares row {@code i}; its words go to {@code words[at]}, its codes to {@code codes[at]}. */
    private static void prepare(Side s, int i, String raw, Options o, String[][] words, String[][] codes, int at) {
        String norm = Analyzers.TEXT.prepare(raw);
        if (norm == null || norm.isBlank()) {
            return;
        }
        String stripped = o.stripVariants() != null ? o.stripVariants().apply(norm) : norm;
        String[] w = (o.stopWords() ? CONTENT_WORDS : Analyzers.WORDS).tokens(stripped);
        if (w.length == 0) {
            if (o.codes()) {
                codes[at] = Analyzers.CODES.tokens(norm);
            }
            return;
        }
        s.text[i] = String.join(" ", w);
        words[at] = w;
        if (o.qgrams()) {
            s.qgramsTmp[i] = fold(Analyzers.WORDS.qgramKeys(s.text[i], 3));
        }
        if (o.codes()) {
            codes[at] = Analyzers.CODES.tokens(norm);        // codes from the unstripped text: never neutralised
        }
        if (o.numbers()) {
            s.numbers[i] = Analyzers.WORDS.quantityKeys(stripped, false);
        }
        if (o.phonetic()) {
            s.phonetic[3 * i] = pack(Phonetics.soundex(s.text[i]));
            s.phonetic[3 * i + 1] = pack(Phonetics.doubleMetaphone(s.text[i]));
            s.phonetic[3 * i + 2] = pack(Phonetics.nysiis(s.text[i]));
        }
    }

    /** 64-bit q-gram keys as sorted distinct 32-bit keys (exact for Latin-1 3-grams, hashed otherwise). */
    static int[] fold(long[] keys) {
        int[] out = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            long k = keys[i];
            boolean latin1 = (k & 0xFF00_FF00_FF00L) == 0 && (k >>> 48) == 0;
            out[i] = latin1 ? (int) (((k >>> 32) & 0xFF) << 16 | ((k >>> 16) & 0xFF) << 8 | (k & 0xFF))
                    : (int) ((k * 0x9E3779B97F4A7C15L) >>> 32) | 0x0100_0000;
        }
        Arrays.sort(out);
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (n == 0 || out[n - 1] != out[i]) {
                out[n++] = out[i];
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Up to 8 ASCII characters in a long; 0 for null (codes longer than 8 keep their first 8). */
    static long pack(String code) {
        if (code == null || code.isEmpty()) {
            return 0;
        }
        long k = 0;
        for (int i = 0; i < Math.min(8, code.length()); i++) {
            k = (k << 8) | (code.charAt(i) & 0xFF);
        }
        return k;
    }

    /** The code ids of each record from given statistics (sorted after the build). */
    private static int[][] knownCodes(String field, String[][] codes, Fitted given) {
        int[][] ids = new int[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] != null) {
                ids[i] = new int[codes[i].length];
                for (int j = 0; j < codes[i].length; j++) {
                    ids[i][j] = given.code(field, codes[i][j]);
                }
            }
        }
        return ids;
    }

    /** Distinct ids with {@code (1 + ln tf) * idf} weights, L2-normalised. */
    private static void weigh(TextField f, Side s, int i, int[] sortedIds) {
        if (sortedIds == null) {
            s.blob[i] = EMPTY;
            return;
        }
        int distinct = 0;
        for (int k = 0; k < sortedIds.length; k++) {
            if (k == 0 || sortedIds[k] != sortedIds[k - 1]) {
                distinct++;
            }
        }
        int[] ids = new int[distinct];
        int[] counts = new int[distinct];
        for (int k = 0, d = -1; k < sortedIds.length; k++) {
            if (k == 0 || sortedIds[k] != sortedIds[k - 1]) {
                ids[++d] = sortedIds[k];
            }
            counts[d]++;
        }
        float[] w = TermWeighting.LOG_SMOOTHED.unitWeights(ids, counts, f.idf);
        double idfSum = 0;
        for (int id : ids) {
            idfSum += f.idf[id];
        }
        int[] q = s.qgramsTmp == null || s.qgramsTmp[i] == null ? new int[0] : s.qgramsTmp[i];
        int[] b = new int[HEAD + 2 * distinct + q.length];
        b[0] = distinct;
        b[1] = q.length;
        b[2] = Float.floatToRawIntBits((float) idfSum);
        System.arraycopy(ids, 0, b, HEAD, distinct);
        for (int k = 0; k < distinct; k++) {
            b[HEAD + distinct + k] = Float.floatToRawIntBits(w[k]);
        }
        System.arraycopy(q, 0, b, HEAD + 2 * distinct, q.length);
        s.blob[i] = b;
    }

    /** At most 24 characters, letters and blanks only. */
    private static boolean isName(String text) {
        if (text.length() > 24) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c != ' ' && !Character.isLetter(c)) {
                return false;
            }
        }
        return true;
    }

    private void statistics(boolean dedup) {
        long present = 0;
        long withCodes = 0;
        long withNumbers = 0;
        long words = 0;
        long names = 0;
        long total = 0;
        for (Side s : dedup ? new Side[] {left} : new Side[] {left, right}) {
            for (int i = 0; i < s.n; i++) {
                total++;
                if (s.text[i] == null) {
                    continue;
                }
                present++;
                int nw = s.blob[i][0];
                words += nw;
                if (s.codeIds != null && s.codeIds[i] != null && s.codeIds[i].length > 0) {
                    withCodes++;
                }
                if (s.numbers != null && s.numbers[i] != null && s.numbers[i].length > 0) {
                    withNumbers++;
                }
                if (nw <= 2 && isName(s.text[i])) {
                    names++;
                }
            }
        }
        presentShare = total == 0 ? 0 : (double) present / total;
        codeShare = present == 0 ? 0 : (double) withCodes / present;
        numberShare = present == 0 ? 0 : (double) withNumbers / present;
        meanWords = present == 0 ? 0 : (double) words / present;
        nameLike = present == 0 ? 0 : (double) names / present;
    }
}
