package dev.matcher.bench;

import dev.matcher.cluster.Clusterers;
import dev.matcher.cluster.Clusters;
import dev.matcher.cluster.ScoredPairs;
import dev.matcher.cluster.UnionFind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Union-find over 10,000,000 random edges on one thread (target: under 2 s), and the whole connected-components
 * clusterer on the same edges (threshold filter, union-find, canonical labels, members and confidences).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ClusterUnionFind -p records=1000000,10000000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ClusterUnionFindBenchmark {
    private static final int EDGES = 10_000_000;

    /**
     * Records the edges fall on: 1M (arrays fit in cache better; the default) and 10M (every find misses the cache;
     * full profile).
     */
    @Param({"1000000"})
    public int records;

    private int[] left;
    private int[] right;
    private ScoredPairs scored;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        left = new int[EDGES];
        right = new int[EDGES];
        double[] scores = new double[EDGES];
        for (int i = 0; i < EDGES; i++) {
            left[i] = random.nextInt(records);
            right[i] = random.nextInt(records);
            scores[i] = random.nextDouble();
        }
        scored = ScoredPairs.of(left, right, scores);
    }

    @Benchmark
    public int unionFind() {
        UnionFind uf = new UnionFind(records);
        int[] l = left;
        int[] r = right;
        for (int i = 0; i < l.length; i++) {
            uf.union(l[i], r[i]);
        }
        return uf.count();
    }

    /** All 10M edges pass the threshold 0: the clusterer's full cost on the same union-find work. */
    @Benchmark
    public Clusters connectedComponents() {
        return Clusterers.connectedComponents(0).cluster(records, scored);
    }
}
