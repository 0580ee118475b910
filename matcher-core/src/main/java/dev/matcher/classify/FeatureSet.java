package dev.matcher.classify;

import dev.matcher.text.Analyzers;
import dev.matcher.text.TermWeighting;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import dev.matcher.data.Values;
import dev.matcher.util.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The fitted record features of a classifier: a vocabulary of sparse features per column, by the column's kind,
 * with TF-IDF weights; each (column, group) block of a record is scaled to unit length.
 * <ul>
 *   <li>short strings (and dates): words, word bigrams, character q-grams (through the text chain:
 *       {@link dev.matcher.text.Analyzers#TEXT}: prepared text, words, q-gram keys);</li>
 *   <li>long text: words and word bigrams, character q-grams only when asked ({@code charsOnText}): on long text
 *       they multiply the features per record for little gain;</li>
 *   <li>numbers: the quantile bin of the value (bins fitted on the training records) or "missing";</li>
 *   <li>categories: the folded value;</li>
 *   <li>identifiers: their codes ({@link dev.matcher.text.Analyzers#CODES}) and the codes' 2-, 3- and 4-character prefixes;</li>
 *   <li>images: not used here (the stacked trees read their hashes: {@link DenseFeatures}).</li>
 * </ul>
 * Built once per record, in parallel; immutable and thread-safe once fitted.
 */
final class FeatureSet {
    static final int WORD = 0;
    static final int BIGRAM = 1;
    static final int CHAR = 2;
    static final int CATEGORY = 3;
    static final int NUMBER = 4;
    static final int CODE = 5;
    static final int GROUPS = 8;
    static final int BINS = 10;

    /** One input column and the kind it is read as. */
    record Field(String column, AttributeKind kind) {
    }

    /** What features are made; see {@link ClassifierBuilder} for the meaning of each. */
    record Config(boolean words, boolean bigrams, int charMin, int charMax, boolean charsOnText, boolean numbers,
                  boolean categories, boolean codes, int minDf, int maxFeatures) {
        Config {
            if (charMin < 0 || charMax > 4 || (charMin > 0 && charMin > charMax) || (charMin == 0 && charMax != 0)) {
                throw new IllegalArgumentException("character q-grams: need 1 <= min <= max <= 4, or 0 and 0 for none, "
                        + "got " + charMin + ".." + charMax);
            }
            if (minDf < 1 || maxFeatures < 1) {
                throw new IllegalArgumentException("minDf and maxFeatures must be >= 1");
            }
        }
    }

    final List<Field> fields;
    final Config config;
    final long[] keys;
    final String[] names;
    final float[] idf;
    /** Per field, the numeric bin edges (increasing), or null for other kinds. */
    final double[][] edges;
    private final LongIntMap index;

    FeatureSet(List<Field> fields, Config config, long[] keys, String[] names, float[] idf, double[][] edges) {
        this.fields = List.copyOf(fields);
        this.config = config;
        this.keys = keys;
        this.names = names;
        this.idf = idf;
        this.edges = edges;
        this.index = new LongIntMap(keys.length);
        for (int i = 0; i < keys.length; i++) {
            if (index.get(keys[i]) >= 0) {
                throw new IllegalArgumentException("feature key of '" + names[i] + "' appears twice");
            }
            index.put(keys[i], i);
        }
    }

    int size() {
        return keys.length;
    }

    /** Fits the vocabulary, idf and numeric bins on the given rows of the table. */
    static FeatureSet fit(Table t, List<Field> fields, Config c, int[] rows) {
        double[][] edges = new double[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).kind() == AttributeKind.NUMERIC && c.numbers()) {
                edges[f] = binEdges(t, fields.get(f).column(), rows);
            }
        }
        FeatureSet empty = new FeatureSet(fields, c, new long[0], new String[0], new float[0], edges);
        String[][] columns = empty.columns(t);
        LongIntMap seen = new LongIntMap(1 << 16);
        long[] tmpKeys = new long[1 << 16];
        int[] df = new int[1 << 16];
        List<String> tmpNames = new ArrayList<>();
        Extract e = new Extract(true);
        for (int r : rows) {
            e.clear();
            empty.extract(columns, r, e);
            long[] distinct = Arrays.copyOf(e.keys, e.n);
            Arrays.sort(distinct);
            for (int i = 0; i < distinct.length; i++) {
                if (i > 0 && distinct[i] == distinct[i - 1]) {
                    continue;
                }
                int id = seen.get(distinct[i]);
                if (id < 0) {
                    id = tmpNames.size();
                    seen.put(distinct[i], id);
                    tmpNames.add(e.nameOf(distinct[i]));
                    if (id == tmpKeys.length) {
                        tmpKeys = Arrays.copyOf(tmpKeys, id * 2);
                        df = Arrays.copyOf(df, id * 2);
                    }
                    tmpKeys[id] = distinct[i];
                }
                df[id]++;
            }
        }
        int total = tmpNames.size();
        int[] kept = new int[total];
        int k = 0;
        for (int i = 0; i < total; i++) {
            if (df[i] >= c.minDf()) {
                kept[k++] = i;
            }
        }
        kept = Arrays.copyOf(kept, k);
        if (k > c.maxFeatures()) {
            final int[] dfs = df;
            kept = Arrays.stream(kept).boxed().sorted((a, b) -> dfs[b] != dfs[a] ? Integer.compare(dfs[b], dfs[a])
                    : Integer.compare(a, b)).limit(c.maxFeatures()).mapToInt(Integer::intValue).sorted().toArray();
        }
        long[] keys = new long[kept.length];
        String[] names = new String[kept.length];
        float[] idf = new float[kept.length];
        for (int i = 0; i < kept.length; i++) {
            keys[i] = tmpKeys[kept[i]];
            names[i] = tmpNames.get(kept[i]);
            idf[i] = TermWeighting.LOG_SMOOTHED.idf(rows.length, df[kept[i]]);
        }
        return new FeatureSet(fields, c, keys, names, idf, edges);
    }

    private static double[] binEdges(Table t, String column, int[] rows) {
        double[] v = new double[rows.length];
        int n = 0;
        var col = t.column(column);
        for (int r : rows) {
            double x = Values.parseNumber(col.get(r));
            if (Double.isFinite(x)) {
                v[n++] = x;
            }
        }
        Arrays.sort(v, 0, n);
        double[] e = new double[BINS - 1];
        int m = 0;
        for (int b = 1; b < BINS && n > 0; b++) {
            double q = v[Math.min(n - 1, (int) ((long) n * b / BINS))];
            if (m == 0 || q > e[m - 1]) {
                e[m++] = q;
            }
        }
        return Arrays.copyOf(e, m);
    }

    /** The fields' values of the table, checked to be there. */
    String[][] columns(Table t) {
        return columns(t, fields);
    }

    /** The values of the given fields' columns, checked to be there. */
    static String[][] columns(Table t, List<Field> fields) {
        String[][] cols = new String[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            String name = fields.get(f).column();
            if (t.schema().indexOf(name) < 0) {
                throw new DataException("table " + t.name() + " has no column '" + name + "' that the classifier "
                        + "reads (its columns: " + String.join(", ", t.schema().names()) + ")");
            }
            cols[f] = t.column(name).toArray();
        }
        return cols;
    }

    /** The feature vectors of all rows of the table, built in parallel. */
    Sparse transform(Table t) {
        return transform(t, null);
    }

    /** The feature vectors of the given rows of the table (all rows for null), in that order. */
    Sparse transform(Table t, int[] rows) {
        String[][] columns = columns(t);
        int n = rows == null ? t.size() : rows.length;
        if (rows != null) {
            for (int r : rows) {
                if (r < 0 || r >= t.size()) {
                    throw new IndexOutOfBoundsException("row " + r + " of a table of " + t.size() + " rows");
                }
            }
        }
        record Chunk(int[] lengths, int[] col, float[] val) {
        }
        Chunk[] chunks = Parallel.map(n, 256, Chunk[]::new, (from, to) -> {
            Extract e = new Extract(false);
            double[] norms = new double[fields.size() * GROUPS];
            int[] lengths = new int[to - from];
            int[] col = new int[1024];
            float[] val = new float[1024];
            int m = 0;
            int[] count = new int[keys.length];     // per feature, its repeats in the current row (zero between rows)
            int[] slots = new int[64];
            for (int row = from; row < to; row++) {
                e.clear();
                extract(columns, rows == null ? row : rows[row], e);
                if (col.length < m + e.n) {
                    col = Arrays.copyOf(col, (m + e.n) * 2);
                    val = Arrays.copyOf(val, (m + e.n) * 2);
                }
                if (slots.length < e.n) {
                    slots = new int[e.n * 2];
                }
                int start = m;
                for (int i = 0; i < e.n; i++) {     // the row's features in order of first appearance, counted
                    int id = index.get(e.keys[i]);
                    if (id >= 0 && count[id]++ == 0) {
                        slots[m - start] = e.slots[i];
                        col[m++] = id;
                    }
                }
                for (int i = start; i < m; i++) {
                    int id = col[i];
                    double w = TermWeighting.LOG_SMOOTHED.tf(count[id]) * idf[id];
                    count[id] = 0;
                    norms[slots[i - start]] += w * w;
                    val[i] = (float) w;
                }
                for (int i = start; i < m; i++) {
                    val[i] = (float) (val[i] / Math.sqrt(norms[slots[i - start]]));
                }
                for (int i = start; i < m; i++) {
                    norms[slots[i - start]] = 0;
                }
                lengths[row - from] = m - start;
            }
            return new Chunk(lengths, Arrays.copyOf(col, m), Arrays.copyOf(val, m));
        });
        int[] start = new int[n + 1];
        long total = 0;
        for (Chunk c : chunks) {
            total += c.col().length;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException(total + " feature values: more than one array holds");
        }
        int[] col = new int[(int) total];
        float[] val = new float[(int) total];
        int row = 0;
        int at = 0;
        for (Chunk c : chunks) {
            for (int len : c.lengths()) {
                start[row + 1] = start[row] + len;
                row++;
            }
            System.arraycopy(c.col(), 0, col, at, c.col().length);
            System.arraycopy(c.val(), 0, val, at, c.val().length);
            at += c.col().length;
        }
        return new Sparse(keys.length, start, col, val);
    }

    /** Raw features of one record: keys (with repeats for term frequency), their blocks, optionally names. */
    static final class Extract {
        final boolean naming;
        long[] keys = new long[256];
        int[] slots = new int[256];
        int n;
        private final LongIntMap nameIndex;
        private final List<String> nameList;

        Extract(boolean naming) {
            this.naming = naming;
            this.nameIndex = naming ? new LongIntMap(256) : null;
            this.nameList = naming ? new ArrayList<>() : null;
        }

        void clear() {
            n = 0;
        }

        String nameOf(long key) {
            return nameList.get(nameIndex.get(key));
        }

        void add(long key, int slot, String name) {
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                slots = Arrays.copyOf(slots, n * 2);
            }
            keys[n] = key;
            slots[n] = slot;
            n++;
            if (naming && nameIndex.get(key) < 0) {
                nameIndex.put(key, nameList.size());
                nameList.add(name);
            }
        }
    }

    /** Key of a string feature in a block: a 64-bit hash, with the block in the low 16 bits. */
    static long key(int slot, String s) {
        return key(slot, fnv(FNV_BASIS, s));
    }

    private static final long FNV_BASIS = 0xcbf29ce484222325L;

    /** FNV-1a over the characters, continuing from {@code h}: a string's hash without joining it to another. */
    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private static long fnv(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    static long key(int slot, long h) {
        long z = h + 0x9E3779B97F4A7C15L * (slot + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z & ~0xFFFFL) | slot;
    }

    void extract(String[][] columns, int row, Extract e) {
        for (int f = 0; f < fields.size(); f++) {
            Field field = fields.get(f);
            String raw = columns[f][row];
            int base = f * GROUPS;
            switch (field.kind()) {
                case STRING, DATE -> text(field.column(), raw, base, true, e);
                case TEXT -> text(field.column(), raw, base, config.charsOnText(), e);
                case CATEGORICAL -> {
                    if (config.categories() && raw != null) {
                        String v = Analyzers.TEXT.prepare(raw).strip();
                        e.add(key(base + CATEGORY, v), base + CATEGORY, e.naming ? field.column() + "=" + v : null);
                    }
                }
                case NUMERIC -> {
                    if (config.numbers()) {
                        number(field.column(), Values.parseNumber(raw), edges[f], base + NUMBER, e);
                    }
                }
                case IDENTIFIER -> {
                    if (config.codes() && raw != null) {
                        codes(field.column(), Analyzers.TEXT.prepare(raw), base + CODE, e);
                    }
                }
                case IMAGE -> {
                }
            }
        }
    }

    private void text(String column, String raw, int base, boolean chars, Extract e) {
        if (raw == null) {
            return;
        }
        String s = Analyzers.TEXT.prepare(raw);
        if (config.words() || config.bigrams()) {
            String[] w = Analyzers.WORDS.tokens(s);
            for (int i = 0; i < w.length; i++) {
                if (config.words()) {
                    e.add(key(base + WORD, w[i]), base + WORD, e.naming ? column + ":" + w[i] : null);
                }
                if (config.bigrams() && i + 1 < w.length) {
                    e.add(key(base + BIGRAM, fnv(fnv(fnv(FNV_BASIS, w[i]), ' '), w[i + 1])), base + BIGRAM,
                            e.naming ? column + ":'" + w[i] + " " + w[i + 1] + "'" : null);
                }
            }
        }
        for (int q = config.charMin(); chars && q >= 1 && q <= config.charMax(); q++) {
            for (long g : Analyzers.WORDS.qgramKeys(s, q)) {
                e.add(key(base + CHAR, g), base + CHAR, e.naming ? column + "~'" + gram(g, q) + "'" : null);
            }
        }
    }

    /** The q-gram packed by {@link dev.matcher.text.Analyzer#qgramKeys} (q <= 4), boundary marks shown as '_'. */
    static String gram(long g, int q) {
        char[] c = new char[q];
        for (int j = q - 1; j >= 0; j--) {
            char ch = (char) (g & 0xFFFF);
            c[j] = ch == '\u0001' ? '_' : ch;
            g >>>= 16;
        }
        return new String(c);
    }

    private static void number(String column, double x, double[] edges, int slot, Extract e) {
        if (!Double.isFinite(x)) {
            e.add(key(slot, -1L), slot, e.naming ? column + " missing" : null);
            return;
        }
        int b = 0;
        while (b < edges.length && x >= edges[b]) {
            b++;
        }
        String name = null;
        if (e.naming) {
            name = edges.length == 0 ? column + " present"
                    : b == 0 ? column + " < " + fmt(edges[0])
                    : b == edges.length ? column + " >= " + fmt(edges[b - 1])
                    : column + " in [" + fmt(edges[b - 1]) + ", " + fmt(edges[b]) + ")";
        }
        e.add(key(slot, b), slot, name);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    private static void codes(String column, String s, int slot, Extract e) {
        String[] codes = Analyzers.CODES.tokens(s);
        if (codes.length == 0) {
            codes = Analyzers.WORDS.tokens(s);
        }
        for (String c : codes) {
            e.add(key(slot, c), slot, e.naming ? column + " code " + c : null);
            for (int len = 2; len <= 4 && len < c.length(); len++) {
                String p = c.substring(0, len) + "*";
                e.add(key(slot, p), slot, e.naming ? column + " code " + p : null);
            }
        }
    }
}
