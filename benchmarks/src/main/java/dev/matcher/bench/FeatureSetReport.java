package dev.matcher.bench;

import dev.matcher.compare.FeatureSpace;
import dev.matcher.io.BenchmarkDataset;
import java.nio.file.Path;

/**
 * Prints the automatically generated feature set and the build time for benchmark datasets (run by hand):
 * {@code java -cp benchmarks/target/benchmarks.jar dev.matcher.bench.FeatureSetReport febrl3 dm_textual_abt_buy}.
 */
public final class FeatureSetReport {
    private FeatureSetReport() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("matcher.datasets", "/work/shared/datasets"));
        for (String name : args) {
            BenchmarkDataset d = BenchmarkDataset.load(root.resolve(name));
            System.out.println(d.left());
            FeatureSpace.builder(d.left(), d.right()).build();     // warm-up: class loading and JIT
            long t0 = System.nanoTime();
            FeatureSpace fs = FeatureSpace.builder(d.left(), d.right()).build();
            long t1 = System.nanoTime();
            System.out.printf("%s: built in %.0f ms (second build)%n%s%n", name, (t1 - t0) / 1e6, fs);
            System.out.println(String.join(", ", fs.names()));
        }
    }
}
