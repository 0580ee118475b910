package dev.matcher.bench;

import dev.matcher.data.LabelledPairs;
import dev.matcher.metrics.PairMetrics;
import dev.matcher.match.ActiveLearner;
import dev.matcher.match.Matcher;
import dev.matcher.match.MatcherBuilder;
import dev.matcher.data.Pairs;
import dev.matcher.data.TextTable;
import dev.matcher.eval.BenchmarkDataset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Simulates {@link ActiveLearner} with a gold standard as the oracle: the candidate pool is the union of the
 * {@code train} and {@code valid} split pairs (their labels are the oracle's answers), F1 is measured on {@code test}
 * with the threshold the learner chose by cross-validation on its own labels. Prints F1 after each label budget,
 * beside a baseline that labels the same number of pool pairs drawn at random.
 *
 * <pre>
 * java -cp ... dev.matcher.bench.ActiveLearningSimulation DATASETS/dm_structured_dblp_acm [batch]
 * </pre>
 */
public final class ActiveLearningSimulation {
    private ActiveLearningSimulation() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.log.smile", "warn");
        BenchmarkDataset d = BenchmarkDataset.load(Path.of(args[0]));
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int[] budgets = {100, 200, 500};
        LabelledPairs train = d.split("train").orElseThrow();
        LabelledPairs valid = d.split("valid").orElseThrow();
        LabelledPairs test = d.split("test").orElseThrow();
        LabelledPairs pool = concat(train, valid);
        MatcherBuilder options = Matcher.builder().seed(7).search(false).folds(3);
        long t0 = System.nanoTime();
        ActiveLearner al = ActiveLearner.start(options, d.left(), d.right(), pool.pairs());
        TextTable table = new TextTable("labels", "matches labelled", "active F1", "random F1", "seconds");
        int b = 0;
        while (b < budgets.length) {
            int want = Math.min(batch, budgets[b] - al.labelled());
            Pairs ask = al.propose(want);
            for (int i = 0; i < ask.size(); i++) {
                al.label(ask.left(i), ask.right(i), pool.label(indexOf(pool.pairs(), ask.left(i), ask.right(i))));
            }
            if (al.canTrain()) {
                al.retrain();
            }
            if (al.labelled() >= budgets[b]) {
                double active = al.matcher() == null ? 0 : f1(al.matcher(), d, test);
                double random = randomBaseline(d, pool, test, budgets[b], options);
                table.row(al.labelled(), al.labels().positives(), String.format(Locale.ROOT, "%.1f", 100 * active),
                        String.format(Locale.ROOT, "%.1f", 100 * random),
                        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
                b++;
            }
        }
        System.out.println(d.name() + ": pool = train + valid pairs (" + pool.size() + "), test " + test.size()
                + ", batch " + batch);
        System.out.println(table);
    }

    private static double randomBaseline(BenchmarkDataset d, LabelledPairs pool, LabelledPairs test, int n,
                                         MatcherBuilder options) {
        Random r = new Random(n);
        int[] idx = new int[pool.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] l = new int[n];
        int[] rr = new int[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            l[i] = pool.pairs().left(idx[i]);
            rr[i] = pool.pairs().right(idx[i]);
            y[i] = pool.label(idx[i]);
        }
        LabelledPairs sample = new LabelledPairs(Pairs.of(l, rr), y);
        if (sample.positives() < 2 || n - sample.positives() < 2) {
            return 0;
        }
        return f1(options.train(d.left(), d.right(), sample, null), d, test);
    }

    static double f1(Matcher m, BenchmarkDataset d, LabelledPairs test) {
        return PairMetrics.of(m.score(d.left(), d.right(), test.pairs()), test.labels()).at(m.threshold()).f1();
    }

    private static int indexOf(Pairs pairs, int l, int r) {
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.left(i) == l && pairs.right(i) == r) {
                return i;
            }
        }
        throw new IllegalArgumentException("not in pool");
    }

    static LabelledPairs concat(LabelledPairs a, LabelledPairs b) {
        int n = a.size() + b.size();
        int[] l = new int[n];
        int[] r = new int[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < a.size(); i++) {
            l[i] = a.pairs().left(i);
            r[i] = a.pairs().right(i);
            y[i] = a.label(i);
        }
        for (int i = 0; i < b.size(); i++) {
            l[a.size() + i] = b.pairs().left(i);
            r[a.size() + i] = b.pairs().right(i);
            y[a.size() + i] = b.label(i);
        }
        // a pair in both splits keeps its first label
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = Pairs.pack(l[i], r[i]);
        }
        int m = 0;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            if (seen.add(keys[i])) {
                l[m] = l[i];
                r[m] = r[i];
                y[m++] = y[i];
            }
        }
        return new LabelledPairs(Pairs.of(Arrays.copyOf(l, m), Arrays.copyOf(r, m)), Arrays.copyOf(y, m));
    }
}
