package dev.matcher.bench;

import dev.matcher.blocking.Blocker;
import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.BlockingMetrics;
import dev.matcher.blocking.KeyFunctions;
import dev.matcher.blocking.LearnedBlocking;
import dev.matcher.blocking.MetaBlocking;
import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.data.TextTable;
import dev.matcher.eval.BenchmarkDataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every blocking strategy on benchmark dataset folders and prints pair completeness, pairs quality, reduction
 * ratio, candidates and seconds per strategy. Strategies are chosen from the schema only (no per-dataset tuning); the
 * learned blocker is trained on every other known match and scored on all of them.
 *
 * <pre>{@code
 * java -cp ... dev.matcher.bench.BlockingReport DATASETS/leipzig_abt_buy DATASETS/febrl3
 * }</pre>
 */
public final class BlockingReport {
    private static final String LEARNED = "learned (50% of matches, recall 0.99)";

    private BlockingReport() {
    }

    /** One strategy's result on one dataset. */
    public record Row(String dataset, String strategy, BlockingMetrics metrics, double seconds) {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: BlockingReport <dataset folder>...");
            System.exit(2);
        }
        for (String folder : args) {
            BenchmarkDataset d = BenchmarkDataset.load(Path.of(folder));
            System.out.println("== " + d);
            Map<String, Blocker> strategies = strategies(d);
            System.out.println(table(run(d, strategies)));
            System.out.println("auto: " + Blockers.autoFor(d.task()) + " OR identicalRecords");
            System.out.println("learned: " + strategies.get(LEARNED));
        }
    }

    /** Runs all strategies on a dataset. */
    public static List<Row> run(BenchmarkDataset d) {
        return run(d, strategies(d));
    }

    private static List<Row> run(BenchmarkDataset d, Map<String, Blocker> strategies) {
        // warm the JIT on the shared code paths so that the first strategy's time is not mostly compilation
        Blockers.auto().candidates(d.task());
        Blockers.tokens().filter(0.8).candidates(d.task());
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Blocker> s : strategies.entrySet()) {
            rows.add(measure(d, s.getKey(), s.getValue()));
        }
        return rows;
    }

    /** Candidates of one blocker on a dataset, timed and scored. */
    public static Row measure(BenchmarkDataset d, String name, Blocker blocker) {
        long t0 = System.nanoTime();
        Pairs candidates = blocker.candidates(d.task());
        double seconds = (System.nanoTime() - t0) / 1e9;
        BlockingMetrics m = BlockingMetrics.of(candidates, d.matches(), d.left().size(), d.right().size(),
                d.isDeduplication());
        return new Row(d.name(), name, m, seconds);
    }

    /** The strategies, named, for a dataset's schema. */
    static Map<String, Blocker> strategies(BenchmarkDataset d) {
        Table left = d.left(), right = d.right();
        String main = mainAttribute(left, right);
        Map<String, Blocker> s = new LinkedHashMap<>();
        s.put("auto", Blockers.auto());
        s.put(LEARNED, learned(d));
        s.put("tokens(*)", Blockers.tokens());
        s.put("tokens(" + main + ")", Blockers.tokens(main));
        s.put("tokens(*).filter(0.8)", Blockers.tokens().filter(0.8));
        for (MetaBlocking.Weighting w : MetaBlocking.Weighting.values()) {
            for (MetaBlocking.Pruning p : MetaBlocking.Pruning.values()) {
                s.put("tokens(*).filter(0.8).meta(" + w + "," + p + ")", Blockers.tokens().filter(0.8).metaBlocking(w, p));
            }
        }
        s.put("standard(code(*))", Blockers.standard(KeyFunctions.allCodes()));
        s.put("standard(prefix(" + main + ",4))", Blockers.standard(KeyFunctions.prefix(main, 4)));
        s.put("standard(soundex(" + main + "))", Blockers.standard(KeyFunctions.phonetic(main, KeyFunctions.Phonetic.SOUNDEX)));
        s.put("qgrams(4, " + main + ")", Blockers.qgrams(4, main));
        s.put("extendedQgrams(3, 0.8, " + main + ")", Blockers.extendedQgrams(3, 0.8, main));
        s.put("suffixes(5, 50, " + main + ")", Blockers.suffixes(5, 50, main));
        s.put("sortedNeighbourhood(" + main + ", 10)", Blockers.sortedNeighbourhood(main, 10));
        s.put("adaptiveSN(" + main + ", 5..50, 0.6)", Blockers.adaptiveSortedNeighbourhood(main, 5, 50, 0.6));
        s.put("minHash(*, jaccard 0.5)", Blockers.minHash(0.5));
        s.put("minHash(*, 30 bands x 4 rows)", Blockers.minHash(30, 4));
        s.put("nearestNeighbours(5, *)", Blockers.nearestNeighbours(5));
        s.put("nearestNeighbours(10, *)", Blockers.nearestNeighbours(10));
        s.put("nearestNeighbours(20, 0.5 x best, tokens+codes)", Blockers.nearestNeighbours(20, 0.5,
                KeyFunctions.union(KeyFunctions.allTokens(), KeyFunctions.allCodes())));
        s.put("canopy(0.3, 0.6, *)", Blockers.canopy(0.3, 0.6));
        s.put("tokens(*).maxCandidatesPerRecord(20)", Blockers.tokens().maxCandidatesPerRecord(20));
        return s;
    }

    private static Blocker learned(BenchmarkDataset d) {
        Pairs gold = d.matches();
        int[] l = new int[(gold.size() + 1) / 2];
        int[] r = new int[l.length];
        for (int i = 0, n = 0; i < gold.size(); i += 2, n++) {
            l[n] = gold.left(i);
            r[n] = gold.right(i);
        }
        return new LearnThenBlock(Pairs.of(l, r));
    }

    /** Learns on the given matches inside the timed run, and remembers the rules it chose. */
    private static final class LearnThenBlock implements Blocker {
        private final Pairs training;
        private LearnedBlocking learned;

        LearnThenBlock(Pairs training) {
            this.training = training;
        }

        @Override
        public Pairs candidates(Task task) {
            learned = LearnedBlocking.learn(task, training, 0.99);
            return learned.candidates(task);
        }

        @Override
        public String toString() {
            return learned == null ? "not learned yet" : learned.toString();
        }
    }

    /** The common text attribute with the most distinct values (the one most likely to tell records apart). */
    static String mainAttribute(Table left, Table right) {
        String best = null;
        double bestScore = -1;
        for (Attribute a : left.schema().attributes()) {
            if (right.schema().indexOf(a.name()) < 0 || a.kind() == AttributeKind.IMAGE) {
                continue;
            }
            double score = distinctShare(left, a.name());
            if (a.kind() == AttributeKind.STRING || a.kind() == AttributeKind.TEXT) {
                score += 1;
            }
            if (score > bestScore) {
                bestScore = score;
                best = a.name();
            }
        }
        return best != null ? best : left.schema().get(0).name();
    }

    private static double distinctShare(Table t, String attribute) {
        java.util.HashSet<String> seen = new java.util.HashSet<>();
        int nonNull = 0;
        for (int i = 0; i < t.size(); i++) {
            String v = t.value(i, attribute);
            if (v != null) {
                nonNull++;
                seen.add(v);
            }
        }
        return nonNull == 0 ? 0 : seen.size() / (double) t.size();
    }

    /** The rows as a text table. */
    public static String table(List<Row> rows) {
        TextTable t = new TextTable("strategy", "PC", "PQ", "RR", "candidates", "per record", "seconds");
        for (Row r : rows) {
            BlockingMetrics m = r.metrics();
            t.row(r.strategy(), f(m.pairCompleteness(), 4), f(m.pairsQuality(), 4), f(m.reductionRatio(), 5),
                    String.format(Locale.ROOT, "%,d", m.candidates()), f(m.candidatesPerRecord(), 1), f(r.seconds(), 3));
        }
        return t.toString();
    }

    private static String f(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
