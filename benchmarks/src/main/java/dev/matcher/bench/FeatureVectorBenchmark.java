package dev.matcher.bench;

import dev.matcher.compare.FeatureSpace;
import dev.matcher.data.Pairs;
import dev.matcher.eval.BenchmarkDataset;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Full automatic feature vectors per second, on one thread, for 65,536 pairs of a benchmark dataset (about a dozen
 * per left record, as after blocking): half known matches, half random pairs (fixed seed), sorted by left row like a
 * blocker's output ({@code -p order=random} for the cache-hostile order). {@code build} measures preparing the
 * per-record profiles (all cores).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar FeatureVectorBenchmark
 *      [-p folder=/path/to/datasets] [-p dataset=febrl3,dm_textual_abt_buy] [-p order=sorted,random]
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class FeatureVectorBenchmark {
    static final int PAIRS = 65_536;

    /** A person dataset by default; the full profile adds the product titles of Abt-Buy. */
    @Param({"febrl3"})
    public String dataset;

    /**
     * Pair order: {@code sorted} by left row, as blockers emit candidates (the left record's profile stays in cache),
     * or {@code random} (every pair touches cold memory).
     */
    @Param({"sorted"})
    public String order;

    /** Folder holding the datasets; empty means system property {@code matcher.datasets} or {@code MATCHER_DATASETS}. */
    @Param({""})
    public String folder;

    private BenchmarkDataset data;
    private FeatureSpace space;
    private int[] left;
    private int[] right;

    @Setup(Level.Trial)
    public void setUp() {
        data = BenchData.load(folder, dataset);
        space = FeatureSpace.builder(data.left(), data.right()).build();
        Pairs m = data.matches();
        SplittableRandom rnd = new SplittableRandom(42);
        left = new int[PAIRS];
        right = new int[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            if (i % 2 == 0 && m.size() > 0) {
                int k = rnd.nextInt(m.size());
                left[i] = m.left(k);
                right[i] = m.right(k);
            } else {
                left[i] = rnd.nextInt(data.left().size());
                right[i] = rnd.nextInt(data.right().size());
            }
        }
        if (order.equals("sorted")) {
            long[] keys = new long[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                keys[i] = Pairs.pack(left[i], right[i]);
            }
            java.util.Arrays.sort(keys);
            for (int i = 0; i < PAIRS; i++) {
                left[i] = Pairs.left(keys[i]);
                right[i] = Pairs.right(keys[i]);
            }
        }
    }

    @State(Scope.Thread)
    public static class Row {
        double[] out;
    }

    /** Vectors per second on one thread (score = vectors/s). */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public void vectors(Row row, Blackhole bh) {
        if (row.out == null) {
            row.out = new double[space.size()];
        }
        double[] out = row.out;
        for (int i = 0; i < PAIRS; i++) {
            space.compute(left[i], right[i], out);
            bh.consume(out[0]);
        }
    }

    /** Building the space (profiles for every record of both tables), builds per second. */
    @Benchmark
    public FeatureSpace build() {
        return FeatureSpace.builder(data.left(), data.right()).build();
    }
}
