package dev.matcher.match;

import dev.matcher.compare.FeatureSpace;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A labelling loop: proposes the unlabelled candidate pairs a person should label next, accepts the labels and
 * retrains. Features of the whole candidate pool are computed once.
 *
 * <p>Which pairs: before the model can be trained (it needs two matches and two non-matches) the proposals spread
 * over the pool ranked by mean similarity, half of them from the most similar tenth (matches are rare). Afterwards:
 * the {@code 10 x k} pairs with the most uncertain calibrated probability (closest to the current threshold), thinned
 * to {@code k} diverse ones by greedy farthest-point selection in feature space, so one batch does not ask the same
 * question ten times.
 *
 * <pre>{@code
 * ActiveLearner al = ActiveLearner.start(Matcher.builder().seed(1), left, right, candidates);
 * Pairs ask = al.propose(10);                       // show these to a person
 * al.label(ask.left(0), ask.right(0), true);        // ... one answer per pair
 * Matcher m = al.retrain();                         // or al.matcher() for the latest one
 * }</pre>
 */
public final class ActiveLearner {
    private final MatcherBuilder builder;
    private final FeatureSpace space;
    private final Pairs pool;
    private final double[][] x;
    private final double[] similarity;
    private final Map<Long, Integer> index = new HashMap<>();
    private final byte[] label;        // 0 unknown, 1 non-match, 2 match
    private int labelled;
    private int positives;
    private Matcher matcher;
    private double[] probability;

    private ActiveLearner(MatcherBuilder builder, FeatureSpace space, Pairs pool) {
        this.builder = builder;
        this.space = space;
        this.pool = pool;
        this.x = space.compute(pool);
        this.label = new byte[pool.size()];
        this.similarity = new double[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            index.put(pool.packed(i), i);
            double s = 0;
            int n = 0;
            for (double v : x[i]) {
                if (v >= 0 && v <= 1) {
                    s += v;
                    n++;
                }
            }
            similarity[i] = n == 0 ? 0 : s / n;
        }
    }

    /** Starts a loop over a pool of candidate pairs (e.g. from a blocker) with the builder's options. */
    public static ActiveLearner start(MatcherBuilder builder, Table left, Table right, Pairs candidates) {
        if (candidates.size() == 0) {
            throw new IllegalArgumentException("empty candidate pool");
        }
        return new ActiveLearner(builder, builder.featureSpace(left, right), candidates);
    }

    public int labelled() {
        return labelled;
    }

    public int poolSize() {
        return pool.size();
    }

    /** The latest trained matcher, or null before the first successful {@link #retrain}. */
    public Matcher matcher() {
        return matcher;
    }

    /** Records a label for a pool pair. */
    public ActiveLearner label(int leftRow, int rightRow, boolean match) {
        Integer i = index.get(Pairs.pack(leftRow, rightRow));
        if (i == null) {
            throw new IllegalArgumentException("(" + leftRow + ", " + rightRow + ") is not in the candidate pool");
        }
        if (label[i] == 0) {
            labelled++;
            positives += match ? 1 : 0;
        } else if ((label[i] == 2) != match) {
            positives += match ? 1 : -1;
        }
        label[i] = (byte) (match ? 2 : 1);
        return this;
    }

    /** Records labels for many pairs. */
    public ActiveLearner label(Pairs pairs, boolean[] matches) {
        for (int i = 0; i < pairs.size(); i++) {
            label(pairs.left(i), pairs.right(i), matches[i]);
        }
        return this;
    }

    /** The labels given so far. */
    public LabelledPairs labels() {
        int[] l = new int[labelled];
        int[] r = new int[labelled];
        boolean[] y = new boolean[labelled];
        for (int i = 0, k = 0; i < label.length; i++) {
            if (label[i] != 0) {
                l[k] = pool.left(i);
                r[k] = pool.right(i);
                y[k++] = label[i] == 2;
            }
        }
        return new LabelledPairs(Pairs.of(l, r), y);
    }

    /** Whether enough of both classes are labelled to train. */
    public boolean canTrain() {
        return positives >= 2 && labelled - positives >= 2;
    }

    /**
     * Trains on the labels so far (threshold from cross-validation) and rescores the pool.
     *
     * @throws IllegalStateException with fewer than two matches or two non-matches labelled
     */
    public Matcher retrain() {
        if (!canTrain()) {
            throw new IllegalStateException("need two matches and two non-matches, have " + positives + " of "
                    + labelled);
        }
        double[][] lx = new double[labelled][];
        boolean[] ly = new boolean[labelled];
        for (int i = 0, k = 0; i < label.length; i++) {
            if (label[i] != 0) {
                lx[k] = x[i];
                ly[k++] = label[i] == 2;
            }
        }
        matcher = builder.train(space, lx, ly, null);
        probability = matcher.model().probabilities(x);
        return matcher;
    }

    /** Up to {@code k} unlabelled pool pairs worth labelling next, most informative first. */
    public Pairs propose(int k) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < label.length; i++) {
            if (label[i] == 0) {
                open.add(i);
            }
        }
        k = Math.min(k, open.size());
        int[] chosen;
        if (probability == null) {
            chosen = spread(open, k);
        } else {
            double t = matcher.threshold();
            open.sort(Comparator.comparingDouble((Integer i) -> Math.abs(probability[i] - t)).thenComparing(i -> i));
            List<Integer> uncertain = open.subList(0, Math.min(open.size(), 10 * k));
            chosen = diverse(uncertain, k);
        }
        int[] l = new int[chosen.length];
        int[] r = new int[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            l[i] = pool.left(chosen[i]);
            r[i] = pool.right(chosen[i]);
        }
        return Pairs.of(l, r);
    }

    /** Cold start: half from the most similar tenth, half evenly over the rest of the similarity ranking. */
    private int[] spread(List<Integer> open, int k) {
        List<Integer> ranked = new ArrayList<>(open);
        ranked.sort(Comparator.comparingDouble((Integer i) -> -similarity[i]).thenComparing(i -> i));
        int top = Math.max(1, ranked.size() / 10);
        int[] out = new int[k];
        int half = (k + 1) / 2;
        boolean[] used = new boolean[ranked.size()];
        int c = 0;
        for (int i = 0; i < half && c < k; i++) {
            int pos = (int) ((long) i * top / half);
            if (!used[pos]) {
                used[pos] = true;
                out[c++] = ranked.get(pos);
            }
        }
        for (int i = 0; c < k && i < ranked.size(); i++) {
            int pos = top + (int) ((long) i * Math.max(1, ranked.size() - top) / Math.max(1, k - half));
            pos = Math.min(pos, ranked.size() - 1);
            while (pos < ranked.size() && used[pos]) {
                pos++;
            }
            if (pos < ranked.size()) {
                used[pos] = true;
                out[c++] = ranked.get(pos);
            }
        }
        return Arrays.copyOf(out, c);
    }

    /** Greedy farthest-point selection, starting from the most uncertain pair. */
    private int[] diverse(List<Integer> candidates, int k) {
        int m = candidates.size();
        int[] out = new int[k];
        double[] dist = new double[m];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        boolean[] taken = new boolean[m];
        int next = 0;
        for (int c = 0; c < k; c++) {
            taken[next] = true;
            out[c] = candidates.get(next);
            double[] a = x[out[c]];
            int best = -1;
            for (int j = 0; j < m; j++) {
                if (taken[j]) {
                    continue;
                }
                double[] b = x[candidates.get(j)];
                double d = 0;
                for (int f = 0; f < a.length; f++) {
                    d += (a[f] - b[f]) * (a[f] - b[f]);
                }
                dist[j] = Math.min(dist[j], d);
                if (best < 0 || dist[j] > dist[best]) {
                    best = j;
                }
            }
            if (best < 0) {
                return Arrays.copyOf(out, c + 1);
            }
            next = best;
        }
        return out;
    }

    @Override
    public String toString() {
        return "ActiveLearner[pool " + pool.size() + ", labelled " + labelled + " (" + positives + " matches)"
                + (matcher == null ? ", untrained" : ", " + matcher) + "]";
    }
}
