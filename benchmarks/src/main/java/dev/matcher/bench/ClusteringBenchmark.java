package dev.matcher.bench;

import dev.matcher.cluster.Clusterer;
import dev.matcher.cluster.Clusterers;
import dev.matcher.cluster.Clusters;
import dev.matcher.cluster.Linkage;
import dev.matcher.cluster.ScoredPairs;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Clustering the scored pairs of a deduplication run at threshold 0.5: milliseconds per run on one thread. The
 * graph looks like a scorer's output after blocking (fixed seed): true entities of one to five records whose pairs
 * score mostly high, plus {@value #NOISE_PER_RECORD} candidate pairs per record to random other records that score
 * low, 1% of them wrongly above the threshold. ({@link ClusterUnionFindBenchmark} covers worst-case random edges.)
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ClusteringBenchmark -p size=200000,1000000
 *      -p algorithm=connectedComponents,hierarchicalAverage,hierarchicalComplete,center,mergeCenter,pivot
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ClusteringBenchmark {
    static final int NOISE_PER_RECORD = 3;
    static final double THRESHOLD = 0.5;

    /**
     * Records: 200,000 by default, 1,000,000 (the end-to-end target size) in the full profile. Named {@code size} like
     * {@link BlockingBenchmark}'s, apart from {@link ClusterUnionFindBenchmark}'s {@code records} (up to 10M).
     */
    @Param({"200000"})
    public int size;

    @Param({"connectedComponents", "hierarchicalAverage"})
    public String algorithm;

    private ScoredPairs pairs;
    private Clusterer clusterer;

    @Setup(Level.Trial)
    public void setUp() {
        clusterer = switch (algorithm) {
            case "connectedComponents" -> Clusterers.connectedComponents(THRESHOLD);
            case "hierarchicalAverage" -> Clusterers.hierarchical(THRESHOLD, Linkage.AVERAGE);
            case "hierarchicalComplete" -> Clusterers.hierarchical(THRESHOLD, Linkage.COMPLETE);
            case "center" -> Clusterers.center(THRESHOLD);
            case "mergeCenter" -> Clusterers.mergeCenter(THRESHOLD);
            case "pivot" -> Clusterers.pivot(THRESHOLD);
            default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
        };
        pairs = dedupGraph(size, 42);
        Clusters c = clusterer.cluster(size, pairs);
        System.out.printf(Locale.ROOT, "%n%s: %,d records, %,d scored pairs -> %,d clusters%n",
                algorithm, size, pairs.size(), c.count());
    }

    /** Entities of 1-5 records (60% singletons), all their inner pairs scored, plus low-scoring random candidates. */
    static ScoredPairs dedupGraph(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        IntList l = new IntList();
        IntList r = new IntList();
        DoubleList s = new DoubleList();
        int start = 0;
        while (start < n) {
            int size = random.nextDouble() < 0.6 ? 1 : random.nextInt(2, 6);
            int end = Math.min(n, start + size);
            for (int a = start; a < end; a++) {
                for (int b = a + 1; b < end; b++) {
                    l.add(a);
                    r.add(b);
                    // most true pairs score high; one in ten is a hard duplicate below the threshold
                    s.add(random.nextInt(10) == 0 ? random.nextDouble(0.2, 0.5) : random.nextDouble(0.6, 1.0));
                }
            }
            start = end;
        }
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < NOISE_PER_RECORD; k++) {
                int b = random.nextInt(n);
                if (b != a) {
                    l.add(a);
                    r.add(b);
                    s.add(random.nextInt(100) == 0 ? random.nextDouble(0.5, 0.7) : random.nextDouble(0.0, 0.5));
                }
            }
        }
        return ScoredPairs.of(l.toArray(), r.toArray(), s.toArray());
    }

    @Benchmark
    public Clusters cluster() {
        return clusterer.cluster(size, pairs);
    }

    private static final class IntList {
        int[] a = new int[1024];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    private static final class DoubleList {
        double[] a = new double[1024];
        int n;

        void add(double v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
