package dev.matcher.match;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.TextTable;
import dev.matcher.io.BenchmarkDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The DeepMatcher evaluation protocol on every {@code dm_*} folder with a train split: train on {@code train.csv},
 * choose the threshold on {@code valid.csv}, report precision, recall and F1 on {@code test.csv}, with training
 * seconds (features + cross-validated search + calibration + threshold) and scoring seconds (features + model for
 * the test pairs). Prints one table.
 *
 * <pre>
 * java -cp ... dev.matcher.match.DeepMatcherProtocol [datasetsDir] [GRADIENT_BOOSTING|RANDOM_FOREST|LOGISTIC_REGRESSION] [name-filter]
 * </pre>
 */
public final class DeepMatcherProtocol {
    /** F1 published for DeepMatcher (Mudgal et al. 2018), in percent. */
    static final Map<String, Double> DEEPMATCHER = Map.of("dm_textual_abt_buy", 62.8, "dm_structured_beer", 72.7,
            "dm_structured_dblp_acm", 98.4, "dm_structured_dblp_scholar", 94.7, "dm_structured_fodors_zagats", 100.0,
            "dm_structured_itunes_amazon", 88.0, "dm_dirty_dblp_acm", 98.1, "dm_dirty_itunes_amazon", 79.4);
    static final Map<String, Double> DITTO = Map.of("dm_textual_abt_buy", 89.33, "dm_structured_beer", 94.37,
            "dm_structured_dblp_acm", 98.99, "dm_structured_dblp_scholar", 95.60, "dm_structured_fodors_zagats", 100.0,
            "dm_structured_itunes_amazon", 97.06, "dm_dirty_dblp_acm", 99.03, "dm_dirty_itunes_amazon", 95.65);

    private DeepMatcherProtocol() {
    }

    /** One dataset's outcome. */
    public record Outcome(String dataset, int trainPairs, int testPairs, double precision, double recall, double f1,
                          double threshold, double trainSeconds, double scoreSeconds, String model) {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.log.smile", "warn");
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/datasets");
        ModelType type = args.length > 1 ? ModelType.valueOf(args[1]) : ModelType.GRADIENT_BOOSTING;
        String filter = args.length > 2 ? args[2] : "";
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith("dm_") && p.getFileName().toString().contains(filter)
                    && Files.exists(p.resolve("train.csv"))).sorted().forEach(folders::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TextTable t = new TextTable("dataset", "train", "test", "P", "R", "F1", "DeepMatcher", "Ditto", "threshold",
                "train s", "score s");
        for (Path folder : folders) {
            Outcome o = run(BenchmarkDataset.load(folder), Matcher.builder().model(type).seed(42));
            System.out.println(o);
            t.row(o.dataset(), o.trainPairs(), o.testPairs(), pct(o.precision()), pct(o.recall()), pct(o.f1()),
                    DEEPMATCHER.getOrDefault(o.dataset(), Double.NaN), DITTO.getOrDefault(o.dataset(), Double.NaN),
                    String.format(Locale.ROOT, "%.3f", o.threshold()),
                    String.format(Locale.ROOT, "%.1f", o.trainSeconds()),
                    String.format(Locale.ROOT, "%.2f", o.scoreSeconds()));
        }
        System.out.println(t);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    /** Trains with the builder's options, thresholds on valid, measures on test. */
    public static Outcome run(BenchmarkDataset d, MatcherBuilder builder) {
        LabelledPairs train = d.split("train").orElseThrow();
        LabelledPairs valid = d.split("valid").orElse(null);
        LabelledPairs test = d.split("test").orElseThrow();
        long t0 = System.nanoTime();
        Matcher m = builder.train(d.left(), d.right(), train, valid);
        long t1 = System.nanoTime();
        double[] p = m.score(d.left(), d.right(), test.pairs());
        long t2 = System.nanoTime();
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean pred = p[i] >= m.threshold();
            tp += pred && test.label(i) ? 1 : 0;
            fp += pred && !test.label(i) ? 1 : 0;
            fn += !pred && test.label(i) ? 1 : 0;
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        return new Outcome(d.name(), train.size(), test.size(), precision, recall, f1, m.threshold(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, m.toString());
    }
}
