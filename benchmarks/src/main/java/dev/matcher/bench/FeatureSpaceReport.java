package dev.matcher.bench;

import dev.matcher.compare.FeatureSpace;
import dev.matcher.data.Pairs;
import dev.matcher.eval.BenchmarkDataset;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Prints, per benchmark dataset, the automatically generated feature set, the build time and the single-thread
 * throughput of full feature vectors measured in <em>thread CPU time</em> as well as wall time (CPU time is the
 * fairer figure on a shared, overloaded machine). Pairs as in {@link FeatureVectorBenchmark}: half known matches, half
 * random, sorted by left row; then the same pairs in random order. Run by hand:
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.matcher.bench.FeatureSpaceReport febrl3 dm_textual_abt_buy
 * }</pre>
 */
public final class FeatureSpaceReport {
    private FeatureSpaceReport() {
    }

    public static void main(String[] args) {
        Path root = BenchmarkDataset.folder();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String name : args) {
            BenchmarkDataset d = BenchmarkDataset.load(root.resolve(name));
            FeatureSpace.builder(d.left(), d.right()).build();     // warm-up: class loading and JIT
            long t0 = System.nanoTime();
            FeatureSpace fs = FeatureSpace.builder(d.left(), d.right()).build();
            long t1 = System.nanoTime();
            System.out.printf("%s: built in %.0f ms (second build, %d threads)%n%s%n", name, (t1 - t0) / 1e6,
                    Runtime.getRuntime().availableProcessors(), fs);
            System.out.println("names: " + String.join(", ", fs.names()));
            int n = 100_000;
            long[] keys = pairs(d, n);
            double[] out = new double[fs.size()];
            for (String order : new String[] {"sorted", "random"}) {
                if (order.equals("random")) {
                    shuffle(keys);
                }
                for (int rep = 0; rep < 6; rep++) {
                    long w0 = System.nanoTime();
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (long k : keys) {
                        fs.compute(Pairs.left(k), Pairs.right(k), out);
                    }
                    long c1 = mx.getCurrentThreadCpuTime();
                    long w1 = System.nanoTime();
                    if (rep >= 3) {                                // the first rounds warm the JIT up
                        System.out.printf("  %s pairs, round %d: %,.0f vectors/s per CPU-second, %,.0f per wall-second%n",
                                order, rep - 2, n / ((c1 - c0) / 1e9), n / ((w1 - w0) / 1e9));
                    }
                }
            }
        }
    }

    private static long[] pairs(BenchmarkDataset d, int n) {
        SplittableRandom rnd = new SplittableRandom(42);
        Pairs m = d.matches();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0 && m.size() > 0) {
                int k = rnd.nextInt(m.size());
                keys[i] = Pairs.pack(m.left(k), m.right(k));
            } else {
                keys[i] = Pairs.pack(rnd.nextInt(d.left().size()), rnd.nextInt(d.right().size()));
            }
        }
        Arrays.sort(keys);
        return keys;
    }

    private static void shuffle(long[] a) {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
