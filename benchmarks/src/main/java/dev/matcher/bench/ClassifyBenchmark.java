package dev.matcher.bench;

import dev.matcher.classify.Classifier;
import dev.matcher.classify.Predictions;
import dev.matcher.data.Table;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Prediction throughput of a trained classifier, in records per second (wall clock) on a pool of {@code threads}:
 * {@code predict} is {@link Classifier#predict(Table, int[])} (features of each record, then the model), and
 * {@code predictAndAnnotate} adds the output columns {@code matcher classify predict} writes (predicted class,
 * confidence, top 3). The classifier is trained on 4 of every 5 records of the dataset's {@code left.csv}; the
 * {@value #ROWS} predicted records are the first ones of the table.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ClassifyBenchmark -p folder=/path/to/datasets -p threads=2
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ClassifyBenchmark {
    static final int ROWS = 6144;

    /**
     * {@code dataset:label[+finer label]:excluded columns joined by +} (columns that are the label under another
     * name); {@code +}, not a comma, so that {@code -p task=...} can pick one task (JMH splits values at commas).
     */
    @Param({"pricerunner_products:category_label:category_id",
            "ali_ember_multimodal:category_coarse+category_fine:",
            "ali_ember_multimodal:category_fine:category_coarse"})
    public String task;

    /** Folder holding the datasets; empty means system property {@code matcher.datasets} or {@code MATCHER_DATASETS}. */
    @Param({""})
    public String folder;

    @Param({"2"})
    public int threads;

    /** Whether validation may choose trees stacked on the linear model ({@code -p trees=true,false} shows their cost). */
    @Param({"true"})
    public boolean trees;

    private Table table;
    private int[] rows;
    private Classifier classifier;
    private ForkJoinPool pool;
    /** The predicted rows as a table of their own, for the output columns. */
    private Table subset;

    @Setup(Level.Trial)
    public void setUp() {
        String[] t = task.split(":", -1);
        table = BenchData.load(folder, t[0]).left();
        String[] excluded = t[2].isEmpty() ? new String[0] : t[2].split("\\+");
        int[] train = IntStream.range(0, table.size()).filter(i -> i % 5 != 0).toArray();
        pool = new ForkJoinPool(threads);
        classifier = pool.submit(() -> Classifier.builder().label(t[1].split("\\+")).exclude(excluded)
                .trees(trees).train(table, train)).join();
        if (table.size() < ROWS) {
            throw new IllegalStateException(t[0] + " has " + table.size() + " records, the benchmark predicts " + ROWS);
        }
        rows = IntStream.range(0, ROWS).toArray();
        Table.Builder b = Table.builder(table.schema().names().toArray(String[]::new)).name("first " + ROWS);
        for (int r : rows) {
            String[] v = new String[table.schema().size()];
            Arrays.setAll(v, a -> table.value(r, table.schema().get(a).name()));
            b.row(table.id(r), v);
        }
        subset = b.build();
        System.out.println(classifier);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Predictions predict() {
        return pool.submit(() -> classifier.predict(table, rows)).join();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Table predictAndAnnotate() {
        return pool.submit(() -> classifier.predict(table, rows).annotate(subset, 3)).join();
    }
}
