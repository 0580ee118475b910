package dev.matcher.bench;

import dev.matcher.block.Blocker;
import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.KeyFunctions;
import dev.matcher.blocking.MetaBlocking;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.io.BenchmarkDataset;
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

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Blocking of generated person records (deduplication), one whole run per operation.
 * {@code java -Xmx4g -jar benchmarks/target/benchmarks.jar BlockingBenchmark -p size=1000000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class BlockingBenchmark {
    @Param({"100000"})
    public int size;

    @Param({"standard", "tokens", "meta", "auto"})
    public String strategy;

    @Param({"/work/shared/datasets/febrl4"})
    public String febrl;

    private Table people;
    private Blocker blocker;

    @Setup(Level.Trial)
    public void setUp() {
        Table source = BenchmarkDataset.load(Path.of(febrl)).left();
        people = BlockingPeopleGenerator.generate(source, size, 0.2, 42);
        blocker = switch (strategy) {
            case "standard" -> Blockers.standard(
                    KeyFunctions.and(KeyFunctions.phonetic("surname", KeyFunctions.Phonetic.SOUNDEX), KeyFunctions.year("date_of_birth")),
                    KeyFunctions.and(KeyFunctions.prefix("given_name", 3), KeyFunctions.exact("postcode")));
            case "tokens" -> Blockers.tokens("soc_sec_id", "date_of_birth", "surname").maxBlockSize(50);
            case "meta" -> Blockers.tokens().filter(0.8).metaBlocking(MetaBlocking.Weighting.ARCS, MetaBlocking.Pruning.WEP);
            case "auto" -> Blockers.auto(people, people);
            default -> throw new IllegalArgumentException("unknown strategy " + strategy);
        };
    }

    @Benchmark
    public Pairs candidates() {
        return blocker.candidates(people);
    }
}
