package dev.matcher.bench;

import dev.matcher.eval.BenchmarkDataset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmarks find the shared datasets: the {@code folder} parameter when given ({@code -p folder=...}),
 * else {@link BenchmarkDataset#folder()} (system property {@code matcher.datasets} or {@code MATCHER_DATASETS}).
 */
final class BenchData {
    private BenchData() {
    }

    /** The datasets folder for a {@code folder} parameter ({@code ""} means the property or environment variable). */
    static Path root(String folder) {
        return folder == null || folder.isEmpty() ? BenchmarkDataset.folder() : Path.of(folder);
    }

    /** Loads dataset {@code name} from the folder, failing with a message that says how to point at the data. */
    static BenchmarkDataset load(String folder, String name) {
        Path dir = root(folder).resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("benchmark dataset folder " + dir.toAbsolutePath() + " not found: pass"
                    + " -p folder=/path/to/datasets (or -Dmatcher.datasets=...) holding " + name + "/left.csv");
        }
        return BenchmarkDataset.load(dir);
    }
}
