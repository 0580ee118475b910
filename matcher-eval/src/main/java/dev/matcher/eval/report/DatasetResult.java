package dev.matcher.eval.report;

import dev.matcher.metrics.ConfusionMatrix;
import dev.matcher.metrics.PairMetrics;
import dev.matcher.metrics.PrCurve;
import dev.matcher.metrics.RocCurve;
import dev.matcher.metrics.ScoreHistogram;
import dev.matcher.metrics.ThresholdChoice;
import dev.matcher.metrics.ThresholdSweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything measured on one dataset, as the reports show it: the pair decision at the chosen threshold, the curves
 * behind it, blocking and cluster figures where the protocol has them, feature importances and timings. Optional
 * parts are null (objects) or NaN (numbers). Built by the benchmark runner through {@link #builder(String)}.
 *
 * <pre>{@code
 * DatasetResult r = DatasetResult.builder("dm_textual_abt_buy").task("linkage")
 *         .scores(PairMetrics.of(testScores, testLabels), validThreshold)
 *         .seconds("train", 2.4).seconds("score", 0.3).importance("title_jaccard", 0.41).build();
 * }</pre>
 *
 * @param name             dataset (folder) name
 * @param task             "linkage" or "deduplication"
 * @param protocol         how it was measured, e.g. "train/valid/test splits" or "full pipeline, 5-fold"
 * @param decision         threshold and confusion matrix on the evaluated pairs
 * @param averagePrecision area under the PR curve of the evaluated pairs
 * @param auc              ROC AUC of the evaluated pairs
 * @param prCurve          precision-recall curve (at most {@link #CURVE_POINTS} points), or null
 * @param rocCurve         ROC curve (at most {@link #CURVE_POINTS} points), or null
 * @param sweep            precision/recall/F1 against threshold, or null
 * @param histogram        match and non-match score counts, or null
 * @param blocking         blocking figures, or null when blocking was not part of the protocol
 * @param clusterF1        pairwise F1 of the final clusters, or NaN
 * @param importances      feature name to importance, largest first
 * @param seconds          stage ("block", "train", "score", "cluster", ...) to wall-clock seconds
 * @param extra            any further named figures (e.g. "bcubed_f1", "peak_mb", "labels_used")
 * @param note             a short remark for the reader, or null
 */
public record DatasetResult(String name, String task, String protocol, ThresholdChoice decision,
                            double averagePrecision, double auc, PrCurve prCurve, RocCurve rocCurve,
                            ThresholdSweep sweep, ScoreHistogram histogram, BlockingFigures blocking,
                            double clusterF1, Map<String, Double> importances, Map<String, Double> seconds,
                            Map<String, Double> extra, String note) {

    /** Curves are thinned to this many points: plots and JSON gain nothing from more. */
    public static final int CURVE_POINTS = 400;

    public DatasetResult {
        Objects.requireNonNull(name, "name");
        importances = Collections.unmodifiableMap(new LinkedHashMap<>(importances));
        seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Precision at the chosen threshold, NaN without a decision. */
    public double precision() {
        return decision == null ? Double.NaN : decision.precision();
    }

    public double recall() {
        return decision == null ? Double.NaN : decision.recall();
    }

    public double f1() {
        return decision == null ? Double.NaN : decision.f1();
    }

    /** The protocol of a dataset that could not be evaluated; the note says why. */
    public static final String FAILED = "failed";

    /** A dataset that could not be evaluated, with the reason (a row of the report, so the run can go on). */
    public static DatasetResult failed(String name, String reason) {
        return builder(name).protocol(FAILED).note(reason).build();
    }

    public boolean failed() {
        return FAILED.equals(protocol);
    }

    /** The published figures for this dataset, if any. */
    public Optional<PublishedResult> published() {
        return PublishedResults.find(name);
    }

    /** Seconds spent in a stage, NaN when not recorded. */
    public double seconds(String stage) {
        return seconds.getOrDefault(stage, Double.NaN);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name);
        if (failed()) {
            return b.append(": failed: ").append(note).toString();
        }
        if (task != null) {
            b.append(" (").append(task).append(')');
        }
        if (decision != null) {
            b.append(String.format(Locale.ROOT, ": P=%.1f R=%.1f F1=%.1f at %.3g", 100 * precision(),
                    100 * recall(), 100 * f1(), decision.threshold()));
        }
        if (!Double.isNaN(averagePrecision)) {
            b.append(String.format(Locale.ROOT, ", AP=%.3f", averagePrecision));
        }
        if (blocking != null) {
            b.append(", blocking ").append(blocking);
        }
        if (!Double.isNaN(clusterF1)) {
            b.append(String.format(Locale.ROOT, ", cluster F1=%.1f", 100 * clusterF1));
        }
        seconds.forEach((k, v) -> b.append(String.format(Locale.ROOT, ", %s %.2fs", k, v)));
        return b.toString();
    }

    /** Fills a result step by step; only the name is required. */
    public static final class Builder {
        private final String name;
        private String task;
        private String protocol;
        private ThresholdChoice decision;
        private double averagePrecision = Double.NaN;
        private double auc = Double.NaN;
        private PrCurve prCurve;
        private RocCurve rocCurve;
        private ThresholdSweep sweep;
        private ScoreHistogram histogram;
        private BlockingFigures blocking;
        private double clusterF1 = Double.NaN;
        private final Map<String, Double> importances = new LinkedHashMap<>();
        private final Map<String, Double> seconds = new LinkedHashMap<>();
        private final Map<String, Double> extra = new LinkedHashMap<>();
        private String note;

        private Builder(String name) {
            this.name = name;
        }

        public Builder task(String value) {
            this.task = value;
            return this;
        }

        public Builder protocol(String value) {
            this.protocol = value;
            return this;
        }

        /**
         * The decision at {@code threshold} (e.g. chosen on the validation split) and every curve, area and
         * histogram of the evaluated pairs' scores.
         */
        public Builder scores(PairMetrics metrics, double threshold) {
            this.decision = new ThresholdChoice(threshold, metrics.at(threshold));
            this.averagePrecision = metrics.averagePrecision();
            this.auc = metrics.auc();
            this.prCurve = metrics.prCurve().downsample(CURVE_POINTS);
            this.rocCurve = metrics.rocCurve().downsample(CURVE_POINTS);
            this.sweep = metrics.sweep(101);
            this.histogram = metrics.histogram(20);
            return this;
        }

        /** Only a decision (e.g. from clustering, without scores). */
        public Builder decision(double threshold, ConfusionMatrix matrix) {
            this.decision = new ThresholdChoice(threshold, matrix);
            return this;
        }

        public Builder blocking(BlockingFigures value) {
            this.blocking = value;
            return this;
        }

        public Builder clusterF1(double value) {
            this.clusterF1 = value;
            return this;
        }

        /** Adds importances; the result keeps them sorted, largest first. */
        public Builder importance(String feature, double value) {
            importances.put(feature, value);
            return this;
        }

        public Builder importances(Map<String, Double> values) {
            importances.putAll(values);
            return this;
        }

        public Builder seconds(String stage, double value) {
            seconds.put(stage, value);
            return this;
        }

        public Builder extra(String figure, double value) {
            extra.put(figure, value);
            return this;
        }

        public Builder note(String value) {
            this.note = value;
            return this;
        }

        public DatasetResult build() {
            Map<String, Double> sorted = new LinkedHashMap<>();
            importances.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return new DatasetResult(name, task, protocol, decision, averagePrecision, auc, prCurve, rocCurve, sweep,
                    histogram, blocking, clusterF1, sorted, seconds, extra, note);
        }
    }
}
