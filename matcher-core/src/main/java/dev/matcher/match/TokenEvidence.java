package dev.matcher.match;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.text.Analyzer;
import dev.matcher.text.Analyzers;
import dev.matcher.util.Parallel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Supervised token importance: what the training labels say about each token when both records of a pair hold it
 * (agreement) or only one does (disagreement). Per token, a shrunk log-odds of a match against the labels' base rate,
 * {@code ln((m + a p) / (n + a (1 - p))) - ln(p / (1 - p))} with {@code m}, {@code n} the matching and non-matching
 * training pairs with that agreement (or disagreement), {@code p} the share of matches and {@code a} = {@value #PRIOR}
 * pseudo-pairs: a token seen in a few pairs stays near 0, one that decides pairs again and again (a model code, a
 * capacity, a colour where colour matters) gets a weight, whatever its IDF; a token no training pair holds counts 0.
 * Shop boilerplate that both sides of matches and non-matches alike carry ends near 0 too. Three features per pair:
 * the sum of the agreement weights of the shared tokens, the sum of the disagreement weights of the tokens on one
 * side only, and the lowest of those (the one disagreement that most speaks against a match).
 *
 * <p>Tokens are the folded words ({@link Tokenizer#words}) of every attribute except images (values shifted between
 * columns still count), at most {@value #MAX_TOKEN} characters. The training rows get features from weights fitted without
 * their own fold ({@link #crossFitted}), so that the learner sees what unseen pairs will look like.
 *
 * <pre>{@code
 * TokenEvidence te = TokenEvidence.fit(left, right, train.pairs(), train.labels());
 * double[] f = new double[3];
 * te.compute(te.rows(left), 0, te.rows(right), 5, f, 0);     // {agreement, disagreement, strongest disagreement}
 * }</pre>
 */
final class TokenEvidence {
    /** The features this adds, in order. */
    static final List<String> NAMES = List.of("tokens.agreement_evidence", "tokens.disagreement_evidence",
            "tokens.strongest_disagreement");
    /** Pseudo-pairs of shrinkage towards the base rate. */
    static final double PRIOR = 4;
    /** Longer runs (a whole unspaced title) are left out: they name one record, not a property. */
    static final int MAX_TOKEN = 64;
    static final int FOLDS = 5;
    private static final int[] NONE = {};

    private final String[] vocabulary;          // sorted
    private final float[] agree;
    private final float[] disagree;
    private final Map<String, Integer> ids;

    TokenEvidence(String[] vocabulary, float[] agree, float[] disagree) {
        if (vocabulary.length != agree.length || vocabulary.length != disagree.length) {
            throw new IllegalArgumentException(vocabulary.length + " tokens for " + agree.length + " and "
                    + disagree.length + " weights");
        }
        this.vocabulary = vocabulary;
        this.agree = agree;
        this.disagree = disagree;
        this.ids = new HashMap<>(vocabulary.length * 2);
        for (int i = 0; i < vocabulary.length; i++) {
            if (i > 0 && vocabulary[i - 1].compareTo(vocabulary[i]) >= 0) {
                throw new IllegalArgumentException("tokens not sorted and distinct at " + i + ": '" + vocabulary[i] + "'");
            }
            ids.put(vocabulary[i], i);
        }
    }

    /** Weights from every labelled pair. */
    static TokenEvidence fit(Table left, Table right, Pairs pairs, boolean[] labels) {
        boolean[] all = new boolean[labels.length];
        Arrays.fill(all, true);
        boolean[][] needed = rowsIn(left, right, pairs);
        return fit(tokens(left, needed[0]), left == right ? null : tokens(right, needed[1]), pairs, labels, all);
    }

    /** Which rows of each side the pairs name (one array twice in deduplication): only those need tokens. */
    private static boolean[][] rowsIn(Table left, Table right, Pairs pairs) {
        boolean[] l = new boolean[left.size()];
        boolean[] r = left == right ? l : new boolean[right.size()];
        for (int i = 0; i < pairs.size(); i++) {
            l[pairs.left(i)] = true;
            r[pairs.right(i)] = true;
        }
        return new boolean[][] {l, r};
    }

    /**
     * The features of each labelled pair from weights fitted on the other folds (stratified, seeded), so that no
     * training row sees its own label.
     */
    static double[][] crossFitted(Table left, Table right, Pairs pairs, boolean[] labels, long seed) {
        boolean[][] needed = rowsIn(left, right, pairs);
        String[][] l = tokens(left, needed[0]);
        String[][] r = left == right ? null : tokens(right, needed[1]);
        int n = labels.length;
        int[] fold = new int[n];
        Random random = new Random(seed);
        int[] next = new int[2];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Collections.shuffle(Arrays.asList(order), random);
        for (int i : order) {
            int c = labels[i] ? 1 : 0;
            fold[i] = next[c]++ % FOLDS;
        }
        double[][] out = new double[n][NAMES.size()];
        for (int f = 0; f < FOLDS; f++) {
            boolean[] use = new boolean[n];
            for (int i = 0; i < n; i++) {
                use[i] = fold[i] != f;
            }
            TokenEvidence te = fit(l, r, pairs, labels, use);
            int[][] li = te.ids(l);
            int[][] ri = r == null ? li : te.ids(r);
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    te.compute(li[pairs.left(i)], ri[pairs.right(i)], out[i], 0);
                }
            }
        }
        return out;
    }

    private static TokenEvidence fit(String[][] left, String[][] right, Pairs pairs, boolean[] labels, boolean[] use) {
        String[][] r = right == null ? left : right;
        Map<String, int[]> counts = new HashMap<>();   // agree match, agree non-match, disagree match, disagree non
        int matches = 0;
        int used = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (!use[i]) {
                continue;
            }
            used++;
            boolean y = labels[i];
            matches += y ? 1 : 0;
            String[] a = left[pairs.left(i)];
            String[] b = r[pairs.right(i)];
            for (String t : a) {
                boolean both = Arrays.binarySearch(b, t) >= 0;
                counts.computeIfAbsent(t, k -> new int[4])[(both ? 0 : 2) + (y ? 0 : 1)]++;
            }
            for (String t : b) {
                if (Arrays.binarySearch(a, t) < 0) {
                    counts.computeIfAbsent(t, k -> new int[4])[2 + (y ? 0 : 1)]++;
                }
            }
        }
        double p = (matches + 1.0) / (used + 2.0);
        double base = Math.log(p / (1 - p));
        String[] vocabulary = counts.keySet().toArray(new String[0]);
        Arrays.sort(vocabulary);
        float[] agree = new float[vocabulary.length];
        float[] disagree = new float[vocabulary.length];
        for (int i = 0; i < vocabulary.length; i++) {
            int[] c = counts.get(vocabulary[i]);
            agree[i] = (float) (Math.log((c[0] + PRIOR * p) / (c[1] + PRIOR * (1 - p))) - base);
            disagree[i] = (float) (Math.log((c[2] + PRIOR * p) / (c[3] + PRIOR * (1 - p))) - base);
        }
        return new TokenEvidence(vocabulary, agree, disagree);
    }

    /** Sorted distinct tokens of every row of a table (all attributes but images), in parallel. */
    static String[][] tokens(Table table) {
        return tokens(table, null);
    }

    /** As {@link #tokens(Table)} for the rows marked {@code needed} (all when null); the others stay null. */
    private static String[][] tokens(Table table, boolean[] needed) {
        int[] columns = textColumns(table);
        String[][] out = new String[table.size()][];
        Parallel.forRange(table.size(), 1024, (from, to) -> {
            List<String> buffer = new ArrayList<>();
            for (int row = from; row < to; row++) {
                if (needed != null && !needed[row]) {
                    continue;
                }
                buffer.clear();
                for (int a : columns) {
                    split(table.value(row, a), buffer);
                }
                String[] t = buffer.toArray(new String[0]);
                Arrays.sort(t);
                int u = 0;
                for (int i = 0; i < t.length; i++) {
                    if (u == 0 || !t[i].equals(t[u - 1])) {
                        t[u++] = t[i];
                    }
                }
                out[row] = Arrays.copyOf(t, u);
            }
            return null;
        });
        return out;
    }

    /** Folded words of every column's text (the whole-record view the token log-odds are counted over). */
    private static final Analyzer FOLDED_WORDS = Analyzers.builder().fold().words().build();

    private static void split(String value, List<String> out) {
        if (value == null) {
            return;
        }
        for (String t : FOLDED_WORDS.tokens(value)) {
            if (t.length() <= MAX_TOKEN) {
                out.add(t);
            }
        }
    }

    private static int[] textColumns(Table table) {
        return java.util.stream.IntStream.range(0, table.schema().size())
                .filter(a -> table.schema().get(a).kind() != AttributeKind.IMAGE).toArray();
    }

    /**
     * Per row, the ids of its tokens this evidence knows, ascending and distinct, in two flat arrays: computed once
     * per table, read per pair. Each column's distinct values are tokenised once (person and product tables repeat
     * their names, places and categories over many rows), then each row's ids are the union of its values' ids (the
     * same ids as {@code ids(tokens(table))}).
     */
    Rows rows(Table table) {
        int[] columns = textColumns(table);
        int n = table.size();
        int[][] valueOf = new int[columns.length][];
        Rows[] valueIds = new Rows[columns.length];
        Parallel.forEach(columns.length, k -> {
            Map<String, Integer> index = new HashMap<>();
            List<String> distinct = new ArrayList<>();
            int[] of = new int[n];
            for (int row = 0; row < n; row++) {
                String value = table.value(row, columns[k]);
                Integer i = value == null ? null : index.putIfAbsent(value, distinct.size());
                if (value == null) {
                    of[row] = -1;
                } else if (i == null) {
                    of[row] = distinct.size();
                    distinct.add(value);
                } else {
                    of[row] = i;
                }
            }
            valueOf[k] = of;
            valueIds[k] = Rows.build(distinct.size(), (v, out) -> {
                for (String t : FOLDED_WORDS.tokens(distinct.get(v))) {
                    Integer id = t.length() <= MAX_TOKEN ? ids.get(t) : null;
                    if (id != null) {
                        out.add(id);
                    }
                }
            });
        });
        return Rows.build(n, (row, out) -> {
            for (int k = 0; k < columns.length; k++) {
                int v = valueOf[k][row];
                if (v >= 0) {
                    out.add(valueIds[k].ids, valueIds[k].start[v], valueIds[k].start[v + 1]);
                }
            }
        });
    }

    /**
     * Sorted distinct token ids per row, flat: row {@code r}'s are {@code ids[start[r]]} up to (excluding)
     * {@code ids[start[r + 1]]}. Two arrays however many rows, instead of an object per row.
     */
    static final class Rows {
        final int[] start;
        final int[] ids;

        private Rows(int[] start, int[] ids) {
            this.start = start;
            this.ids = ids;
        }

        int size() {
            return start.length - 1;
        }

        /** One row's ids as an array of its own (tests, explanations). */
        int[] row(int r) {
            return Arrays.copyOfRange(ids, start[r], start[r + 1]);
        }

        /** What one row holds, given as ids in any order and with repeats; {@link #build} sorts and dedupes them. */
        interface Fill {
            void fill(int row, IdBuffer out);
        }

        /** The rows {@code [0, n)}, filled in parallel chunks, each row's ids sorted and distinct. */
        static Rows build(int n, Fill fill) {
            Object[][] parts = Parallel.map(n, 1024, Object[][]::new, (from, to) -> {
                int[] lengths = new int[to - from];
                IdBuffer all = new IdBuffer();
                IdBuffer one = new IdBuffer();
                for (int row = from; row < to; row++) {
                    one.size = 0;
                    fill.fill(row, one);
                    Arrays.sort(one.ids, 0, one.size);
                    int u = 0;
                    for (int i = 0; i < one.size; i++) {
                        if (u == 0 || one.ids[i] != one.ids[u - 1]) {
                            one.ids[u++] = one.ids[i];
                        }
                    }
                    lengths[row - from] = u;
                    all.add(one.ids, 0, u);
                }
                return new Object[] {lengths, Arrays.copyOf(all.ids, all.size)};
            });
            int[] start = new int[n + 1];
            int row = 0;
            for (Object[] part : parts) {
                for (int length : (int[]) part[0]) {
                    start[row + 1] = start[row] + length;
                    row++;
                }
            }
            int[] ids = new int[start[n]];
            int at = 0;
            for (Object[] part : parts) {
                int[] chunk = (int[]) part[1];
                System.arraycopy(chunk, 0, ids, at, chunk.length);
                at += chunk.length;
            }
            return new Rows(start, ids);
        }
    }

    /** A growable int array, reused from row to row. */
    static final class IdBuffer {
        int[] ids = new int[64];
        int size;

        void add(int id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        void add(int[] from, int begin, int end) {
            int k = end - begin;
            if (size + k > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(size * 2, size + k));
            }
            System.arraycopy(from, begin, ids, size, k);
            size += k;
        }
    }

    int[][] ids(String[][] tokens) {
        int[][] out = new int[tokens.length][];
        Parallel.forRange(tokens.length, 1024, (from, to) -> {
            for (int row = from; row < to; row++) {
                if (tokens[row] == null) {
                    continue;       // a row no pair names
                }
                int[] id = new int[tokens[row].length];
                int n = 0;
                for (String t : tokens[row]) {
                    Integer i = ids.get(t);
                    if (i != null) {
                        id[n++] = i;
                    }
                }
                int[] known = n == 0 ? NONE : Arrays.copyOf(id, n);
                Arrays.sort(known);
                out[row] = known;
            }
            return null;
        });
        return out;
    }

    /** The three features of a pair of rows (token ids, ascending) into {@code out} from {@code offset}. */
    void compute(int[] a, int[] b, double[] out, int offset) {
        compute(a, 0, a.length, b, 0, b.length, out, offset);
    }

    /** As {@link #compute(int[], int[], double[], int)} for row {@code l} of {@code left} and {@code r} of {@code right}. */
    void compute(Rows left, int l, Rows right, int r, double[] out, int offset) {
        compute(left.ids, left.start[l], left.start[l + 1], right.ids, right.start[r], right.start[r + 1], out, offset);
    }

    private void compute(int[] a, int i, int aEnd, int[] b, int j, int bEnd, double[] out, int offset) {
        double agreement = 0;
        double disagreement = 0;
        double strongest = 0;
        while (i < aEnd || j < bEnd) {
            int t;
            if (j == bEnd || (i < aEnd && a[i] < b[j])) {
                t = a[i++];
            } else if (i == aEnd || b[j] < a[i]) {
                t = b[j++];
            } else {
                agreement += agree[a[i]];
                i++;
                j++;
                continue;
            }
            disagreement += disagree[t];
            strongest = Math.min(strongest, disagree[t]);
        }
        out[offset] = agreement;
        out[offset + 1] = disagreement;
        out[offset + 2] = strongest;
    }

    int size() {
        return vocabulary.length;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(vocabulary.length);
        for (int i = 0; i < vocabulary.length; i++) {
            out.writeUTF(vocabulary[i]);
            out.writeFloat(agree[i]);
            out.writeFloat(disagree[i]);
        }
    }

    /** Reads what {@link #writeTo} wrote; {@code part} names the place in errors. */
    static TokenEvidence readFrom(DataInputStream in, String part) throws IOException {
        int n = in.readInt();
        // each token takes at least 2 + 4 + 4 bytes
        if (n < 0 || (long) n * 10 > in.available()) {
            throw new DataException(part + ": token count " + n + " does not fit the " + in.available()
                    + " bytes left");
        }
        String[] vocabulary = new String[n];
        float[] agree = new float[n];
        float[] disagree = new float[n];
        for (int i = 0; i < n; i++) {
            vocabulary[i] = in.readUTF();
            agree[i] = in.readFloat();
            disagree[i] = in.readFloat();
            if (!Float.isFinite(agree[i]) || !Float.isFinite(disagree[i])) {
                throw new DataException(part + ": token " + i + " has a weight that is not a finite number");
            }
            if (i > 0 && vocabulary[i - 1].compareTo(vocabulary[i]) >= 0) {
                throw new DataException(part + ": tokens not sorted and distinct at " + i);
            }
        }
        return new TokenEvidence(vocabulary, agree, disagree);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenEvidence t && Arrays.equals(vocabulary, t.vocabulary) && Arrays.equals(agree, t.agree)
                && Arrays.equals(disagree, t.disagree);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(vocabulary), Arrays.hashCode(agree), Arrays.hashCode(disagree));
    }

    @Override
    public String toString() {
        return "TokenEvidence[" + vocabulary.length + " tokens]";
    }
}
