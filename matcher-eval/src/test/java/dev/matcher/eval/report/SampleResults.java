package dev.matcher.eval.report;

import dev.matcher.metrics.PairMetrics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Results made from synthetic scores (no model involved), for the report tests and for looking at the HTML:
 * {@code java -cp ... dev.matcher.eval.report.SampleResults /tmp/report} writes a sample report there.
 */
final class SampleResults {
    private static final String[] FEATURES = {"title_jaccard", "title_tfidf_cosine", "title_jaro_winkler",
            "model_exact", "model_levenshtein", "brand_equal", "price_relative_difference", "name_monge_elkan",
            "authors_token_overlap", "year_difference", "venue_qgram3", "description_bm25", "phonetic_surname",
            "postcode_equal", "date_of_birth_days", "street_number_equal", "suburb_jaro", "category_equal"};

    private SampleResults() {
    }

    /** One result per published dataset (scores of varying difficulty), plus two full-pipeline ones. */
    static List<DatasetResult> create(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<DatasetResult> out = new ArrayList<>();
        for (PublishedResult p : PublishedResults.all()) {
            double separation = 0.5 + 2.5 * p.ditto() / 100 * r.nextDouble(0.6, 1.0);
            out.add(result(r, p.dataset(), "linkage", "train/valid/test splits", 1500 + r.nextInt(4000),
                    0.1 + 0.15 * r.nextDouble(), separation, false));
        }
        out.add(result(r, "febrl3", "deduplication", "full pipeline, 5-fold", 20000, 0.2, 3.5, true));
        out.add(result(r, "synthetic_products & <variants>", "deduplication", "full pipeline, 5-fold", 8000, 0.3,
                2.0, true));
        return out;
    }

    static DatasetResult result(SplittableRandom r, String name, String task, String protocol, int n,
                                double positiveShare, double separation, boolean pipeline) {
        PairMetrics valid = metrics(r, n / 3, positiveShare, separation);
        PairMetrics test = metrics(r, n, positiveShare, separation);
        double threshold = valid.bestF1().threshold();
        DatasetResult.Builder b = DatasetResult.builder(name).task(task).protocol(protocol).scores(test, threshold)
                .seconds("train", 0.5 + 5 * r.nextDouble()).seconds("score", 0.05 + r.nextDouble());
        int features = 6 + r.nextInt(FEATURES.length - 6);
        for (int i = 0; i < features; i++) {
            b.importance(FEATURES[(i * 7 + r.nextInt(3)) % FEATURES.length], Math.pow(r.nextDouble(), 2));
        }
        if (pipeline) {
            long candidates = 5000 + r.nextInt(50000);
            b.blocking(new BlockingFigures(candidates, 0.9 + 0.09 * r.nextDouble(), 0.05 + 0.3 * r.nextDouble(),
                    0.999)).clusterF1(0.8 + 0.19 * r.nextDouble()).seconds("block", r.nextDouble())
                    .extra("labels_used", 500).note("Trained on 500 labelled pairs sampled from the candidates; "
                            + "5-fold, so no evaluated pair was seen in training.");
        }
        return b.build();
    }

    /** Scores of a logistic model on two Gaussian classes {@code separation} standard deviations apart. */
    static PairMetrics metrics(SplittableRandom r, int n, double positiveShare, double separation) {
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextDouble() < positiveShare;
            double z = gaussian(r) + (labels[i] ? separation / 2 : -separation / 2);
            scores[i] = 1 / (1 + Math.exp(-2 * z));
        }
        return PairMetrics.of(scores, labels);
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(1e-12, 1);
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/sample-report");
        Report.Builder all = Report.builder().title("matcher benchmark (synthetic scores)")
                .context("command", "java dev.matcher.eval.report.SampleResults " + folder)
                .context("note", "synthetic scores for checking the report layout, not measured results");
        create(7).forEach(all::add);
        Report report = all.build();
        System.out.println("wrote " + report.writeTo(folder));
        System.out.println(report.markdown());
    }
}
