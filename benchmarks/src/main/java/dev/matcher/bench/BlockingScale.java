package dev.matcher.bench;

import dev.matcher.blocking.Blocker;
import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.BlockingMetrics;
import dev.matcher.blocking.KeyFunctions;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.eval.BenchmarkDataset;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times blocking of generated person records (deduplication) end to end, once per strategy, and prints seconds,
 * candidates, recall of the generated duplicates and the heap in use. Run with a bounded heap, e.g.
 * {@code java -Xmx4g ... dev.matcher.bench.BlockingScale DATASETS/febrl4 1000000}.
 */
public final class BlockingScale {
    private BlockingScale() {
    }

    public static void main(String[] args) {
        Path folder = args.length > 0 ? Path.of(args[0]) : BenchmarkDataset.folder().resolve("febrl4");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Table source = BenchmarkDataset.load(folder).left();
        long t0 = System.nanoTime();
        Table people = BlockingPeopleGenerator.generate(source, size, 0.2, 42);
        System.out.printf("generated %,d records in %.1f s; max heap %,d MB; %d processors%n", people.size(),
                (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        List<int[]> dups = BlockingPeopleGenerator.duplicatePairs(people);
        int[] l = new int[dups.size()];
        int[] r = new int[dups.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = dups.get(i)[0];
            r[i] = dups.get(i)[1];
        }
        Pairs gold = Pairs.of(l, r);
        Map<String, Blocker> strategies = new LinkedHashMap<>();
        strategies.put("standard(soundex(surname) AND year(date_of_birth))",
                Blockers.standard(KeyFunctions.and(KeyFunctions.phonetic("surname", KeyFunctions.Phonetic.SOUNDEX),
                        KeyFunctions.year("date_of_birth"))));
        strategies.put("standard(2 passes: soundex(surname)+year(dob), prefix(given_name,3)+postcode)",
                Blockers.standard(
                        KeyFunctions.and(KeyFunctions.phonetic("surname", KeyFunctions.Phonetic.SOUNDEX), KeyFunctions.year("date_of_birth")),
                        KeyFunctions.and(KeyFunctions.prefix("given_name", 3), KeyFunctions.exact("postcode"))));
        strategies.put("tokens(soc_sec_id, date_of_birth, surname).maxBlockSize(50)",
                Blockers.tokens("soc_sec_id", "date_of_birth", "surname").maxBlockSize(50));
        strategies.put("tokens(given_name, surname, postcode, date_of_birth, soc_sec_id).maxBlockSize(300)",
                Blockers.tokens("given_name", "surname", "postcode", "date_of_birth", "soc_sec_id").maxBlockSize(300));
        strategies.put("auto",
                Blockers.auto());
        String only = System.getProperty("only");
        for (Map.Entry<String, Blocker> e : strategies.entrySet()) {
            if (only != null && !e.getKey().startsWith(only)) {
                continue;
            }
            System.gc();
            long start = System.nanoTime();
            Pairs candidates = e.getValue().candidates(people);
            double seconds = (System.nanoTime() - start) / 1e9;
            Runtime rt = Runtime.getRuntime();
            long usedMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
            BlockingMetrics m = BlockingMetrics.of(candidates, gold, people.size(), people.size(), true);
            System.out.printf("%-80s %7.2f s  %,13d candidates  PC %.4f  heap in use after %,d MB%n", e.getKey(), seconds,
                    m.candidates(), m.pairCompleteness(), usedMb);
        }
    }
}
