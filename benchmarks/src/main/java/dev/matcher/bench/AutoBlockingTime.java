package dev.matcher.bench;

import dev.matcher.blocking.Blockers;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.eval.synth.PersonGenerator;

import java.lang.management.ManagementFactory;

/**
 * The block stage of {@code matcher bench scale} alone: {@code Blockers.auto()} on the same generated people (seed
 * 42), several times in one JVM, printing wall and process CPU seconds per run and a hash of the candidate pairs (equal
 * hashes: equal candidates). Uses only public API, so the same class times an older build's jars too:
 * {@code java -Xmx8g -cp benchmarks/target/benchmarks.jar dev.matcher.bench.AutoBlockingTime 1000000 3}.
 */
public final class AutoBlockingTime {
    private AutoBlockingTime() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Table people = PersonGenerator.builder().records(n).seed(42).build().generate().table();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            System.gc();
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            Pairs p = Blockers.auto().candidates(Task.deduplication(people));
            double wall = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            long hash = 0;
            for (int k = 0; k < p.size(); k++) {
                hash = hash * 31 + p.packed(k);
            }
            System.out.printf("run %d: %,d candidates (hash %016x) wall %.2f s cpu %.2f s%n", i, p.size(), hash, wall,
                    cpuSeconds);
        }
    }
}
