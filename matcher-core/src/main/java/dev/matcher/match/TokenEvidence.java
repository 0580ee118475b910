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
 * te.compute(te.rows(left)[0], te.rows(right)[5], f, 0);     // {agreement, disagreement, strongest disagreement}
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
     * Per row, the ids of its tokens this evidence knows, ascending and distinct: computed once per table, read per
     * pair. Tokens map to ids as they are read (the same ids as {@code ids(tokens(table))}, without sorting strings).
     */
    int[][] rows(Table table) {
        int[] columns = textColumns(table);
        int[][] out = new int[table.size()][];
        Parallel.forRange(table.size(), 1024, (from, to) -> {
            int[] buffer = new int[64];
            for (int row = from; row < to; row++) {
                int n = 0;
                for (int a : columns) {
                    String value = table.value(row, a);
                    if (value == null) {
                        continue;
                    }
                    for (String t : FOLDED_WORDS.tokens(value)) {
                        Integer id = t.length() <= MAX_TOKEN ? ids.get(t) : null;
                        if (id != null) {
                            if (n == buffer.length) {
                                buffer = Arrays.copyOf(buffer, n * 2);
                            }
                            buffer[n++] = id;
                        }
                    }
                }
                Arrays.sort(buffer, 0, n);
                int u = 0;
                for (int i = 0; i < n; i++) {
                    if (u == 0 || buffer[i] != buffer[u - 1]) {
                        buffer[u++] = buffer[i];
                    }
                }
                out[row] = u == 0 ? NONE : Arrays.copyOf(buffer, u);
            }
            return null;
        });
        return out;
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

    /** The three features of a pair of rows (token ids from {@link #rows}) into {@code out} from {@code offset}. */
    void compute(int[] a, int[] b, double[] out, int offset) {
        double agreement = 0;
        double disagreement = 0;
        double strongest = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            int t;
            if (j == b.length || (i < a.length && a[i] < b[j])) {
                t = a[i++];
            } else if (i == a.length || b[j] < a[i]) {
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
