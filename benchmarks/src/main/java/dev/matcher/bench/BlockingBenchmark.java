package dev.matcher.bench;

import dev.matcher.blocking.Blocker;
import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.KeyFunctions;
import dev.matcher.blocking.MetaBlocking;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
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

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Each blocker on generated person records (deduplication, 20% perturbed duplicates, made from the Febrl 4 left
 * table by {@link BlockingPeopleGenerator}): milliseconds per whole run, all cores, one run per operation. The
 * candidate count is printed at setup so pairs per second can be derived. The blockers' size-guard warnings
 * (blocks dropped by {@code maxBlockSize}) are silenced so they do not repeat every iteration; the guards show in
 * the blocker description printed at setup.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar BlockingBenchmark -p size=1000000 -p strategy=standard,tokens,meta,auto
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dorg.slf4j.simpleLogger.log.dev.matcher.blocking=error"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class BlockingBenchmark {
    /** Generated records. */
    @Param({"20000"})
    public int size;

    @Param({"standard", "tokens", "qgrams", "extendedQgrams", "suffixes", "sortedNeighbourhood",
            "adaptiveSortedNeighbourhood", "minHash", "nearestNeighbours", "canopy", "meta", "auto"})
    public String strategy;

    /** The dataset whose left table seeds the person generator. */
    @Param({"febrl4"})
    public String people;

    /** Folder holding the datasets; empty means system property {@code matcher.datasets} or {@code MATCHER_DATASETS}. */
    @Param({""})
    public String folder;

    private Table records;
    private Blocker blocker;

    @Setup(Level.Trial)
    public void setUp() {
        Table source = BenchData.load(folder, people).left();
        records = BlockingPeopleGenerator.generate(source, size, 0.2, 42);
        blocker = switch (strategy) {
            case "standard" -> Blockers.standard(
                    KeyFunctions.and(KeyFunctions.phonetic("surname", KeyFunctions.Phonetic.SOUNDEX), KeyFunctions.year("date_of_birth")),
                    KeyFunctions.and(KeyFunctions.prefix("given_name", 3), KeyFunctions.exact("postcode")));
            case "tokens" -> Blockers.tokens("soc_sec_id", "date_of_birth", "surname").maxBlockSize(50);
            case "qgrams" -> Blockers.qgrams(3, "surname", "given_name").maxBlockSize(100);
            case "extendedQgrams" -> Blockers.extendedQgrams(3, 0.8, "surname").maxBlockSize(100);
            case "suffixes" -> Blockers.suffixes(4, 50, "surname", "address_1");
            case "sortedNeighbourhood" -> Blockers.sortedNeighbourhood(10,
                    KeyFunctions.exact("surname"), KeyFunctions.exact("soc_sec_id"));
            case "adaptiveSortedNeighbourhood" -> Blockers.adaptiveSortedNeighbourhood("surname", 5, 50, 0.8);
            case "minHash" -> Blockers.minHash(20, 4, "given_name", "surname", "address_1", "suburb");
            case "nearestNeighbours" -> Blockers.nearestNeighbours(10, "given_name", "surname", "address_1", "suburb");
            case "canopy" -> Blockers.canopy(0.5, 0.8, "given_name", "surname", "address_1", "suburb");
            case "meta" -> Blockers.tokens().filter(0.8).metaBlocking(MetaBlocking.Weighting.ARCS, MetaBlocking.Pruning.WEP);
            case "auto" -> Blockers.auto();
            default -> throw new IllegalArgumentException("unknown strategy " + strategy);
        };
        System.out.printf(Locale.ROOT, "%n%s on %,d records: %,d candidates%n", blocker, size, blocker.candidates(records).size());
    }

    @Benchmark
    public Pairs candidates() {
        return blocker.candidates(records);
    }
}
