package dev.matcher.bench;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.match.Matcher;
import dev.matcher.match.ModelType;
import java.util.Random;
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

/**
 * Scoring throughput of a trained matcher, in pairs per second: {@code endToEnd} computes the features of each pair
 * and runs the calibrated model (what {@link Matcher#score} does), {@code modelOnly} runs the model on precomputed
 * feature rows. The matcher is trained (default options) on the dataset's train split; the scored pairs are
 * {@value #PAIRS} random pairs of the left x right cross product, i.e. mostly non-matches as after blocking.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ScoringBenchmark -p labelled=dm_textual_abt_buy,dm_structured_dblp_acm
 *      -p model=GRADIENT_BOOSTING,RANDOM_FOREST,LOGISTIC_REGRESSION
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class ScoringBenchmark {
    static final int PAIRS = 8_192;

    /** A dataset with train and valid splits (named apart from the other benchmarks' {@code dataset}). */
    @Param({"dm_textual_abt_buy"})
    public String labelled;

    /** Folder holding the datasets; empty means system property {@code matcher.datasets} or {@code MATCHER_DATASETS}. */
    @Param({""})
    public String folder;

    /** A {@link ModelType} name. */
    @Param({"GRADIENT_BOOSTING"})
    public String model;

    private Table left;
    private Table right;
    private Pairs pairs;
    private Matcher matcher;
    private double[][] features;

    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty("org.slf4j.simpleLogger.log.smile", "warn");
        BenchmarkDataset d = BenchData.load(folder, labelled);
        left = d.left();
        right = d.right();
        matcher = Matcher.builder().model(ModelType.valueOf(model)).seed(42)
                .train(left, right, d.split("train").orElseThrow(() -> new IllegalStateException(labelled + " has no train split")),
                        d.split("valid").orElse(null));
        Random r = new Random(1);
        int[] l = new int[PAIRS];
        int[] rr = new int[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            l[i] = r.nextInt(left.size());
            rr[i] = r.nextInt(right.size());
        }
        pairs = Pairs.of(l, rr);
        features = matcher.features(left, right).compute(pairs);
        // the model also reads the features it computes after the space's (token evidence): zeros time the same trees
        int width = matcher.model().names().size();
        for (int i = 0; i < features.length; i++) {
            features[i] = java.util.Arrays.copyOf(features[i], width);
        }
        System.out.println(matcher);
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public double[] endToEnd() {
        return matcher.score(left, right, pairs);
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public double[] modelOnly() {
        return matcher.model().probabilities(features);
    }
}
