package dev.matcher.eval.report;

import dev.matcher.metrics.ConfusionMatrix;
import dev.matcher.metrics.PrCurve;
import dev.matcher.metrics.RocCurve;
import dev.matcher.metrics.ScoreHistogram;
import dev.matcher.metrics.ThresholdSweep;

import java.util.Map;

/** The report as JSON: context, averages, and per dataset every figure and curve (absent figures are null). */
final class JsonExport {
    private JsonExport() {
    }

    static String json(Report report) {
        Json j = new Json().beginObject().field("title", report.title());
        j.name("context").beginObject();
        report.context().forEach(j::field);
        j.endObject();
        j.name("averages").beginObject();
        averages(j, "all", Leaderboard.Averages.of(report, false));
        averages(j, "published_tasks", Leaderboard.Averages.of(report, true));
        j.endObject();
        j.name("datasets").beginArray();
        for (DatasetResult r : report.results()) {
            dataset(j, r);
        }
        return j.endArray().endObject().toString() + "\n";
    }

    private static void averages(Json j, String name, Leaderboard.Averages a) {
        j.name(name).beginObject().field("tasks", a.count);
        if (a.count > 0) {
            j.field("precision", a.precision).field("recall", a.recall).field("f1", a.f1);
            if (name.equals("published_tasks")) {
                j.field("magellan_f1", a.magellan / 100).field("deepmatcher_f1", a.deepMatcher / 100)
                        .field("ditto_f1", a.ditto / 100);
            }
        }
        j.endObject();
    }

    private static void dataset(Json j, DatasetResult r) {
        j.beginObject().field("name", r.name()).field("task", r.task()).field("protocol", r.protocol());
        if (r.decision() != null) {
            ConfusionMatrix m = r.decision().matrix();
            j.field("threshold", r.decision().threshold()).field("precision", r.precision())
                    .field("recall", r.recall()).field("f1", r.f1());
            j.name("confusion").beginObject().field("tp", m.truePositives()).field("fp", m.falsePositives())
                    .field("fn", m.falseNegatives()).field("tn", m.trueNegatives()).endObject();
        }
        j.field("average_precision", r.averagePrecision()).field("roc_auc", r.auc());
        if (r.blocking() != null) {
            j.name("blocking").beginObject().field("candidates", r.blocking().candidates())
                    .field("pair_completeness", r.blocking().pairCompleteness())
                    .field("pair_quality", r.blocking().pairQuality())
                    .field("reduction_ratio", r.blocking().reductionRatio()).endObject();
        }
        j.field("cluster_f1", r.clusterF1());
        r.published().ifPresent(p -> j.name("published_f1").beginObject().field("magellan", p.magellan() / 100)
                .field("deepmatcher", p.deepMatcher() / 100).field("ditto", p.ditto() / 100).endObject());
        map(j, "seconds", r.seconds());
        map(j, "importances", r.importances());
        map(j, "extra", r.extra());
        j.field("note", r.note());
        j.name("curves").beginObject();
        PrCurve pr = r.prCurve();
        if (pr != null) {
            j.name("precision_recall").beginObject().array("threshold", pr.thresholds())
                    .array("precision", pr.precisions()).array("recall", pr.recalls()).endObject();
        }
        RocCurve roc = r.rocCurve();
        if (roc != null) {
            j.name("roc").beginObject().array("threshold", roc.thresholds())
                    .array("false_positive_rate", roc.falsePositiveRates())
                    .array("true_positive_rate", roc.truePositiveRates()).endObject();
        }
        ThresholdSweep s = r.sweep();
        if (s != null) {
            j.name("threshold_sweep").beginObject().array("threshold", s.thresholds())
                    .array("precision", s.precisions()).array("recall", s.recalls()).array("f1", s.f1s()).endObject();
        }
        ScoreHistogram h = r.histogram();
        if (h != null) {
            j.name("score_histogram").beginObject().field("min", h.min()).field("max", h.max());
            j.name("matches").beginArray();
            for (int i = 0; i < h.bins(); i++) {
                j.value(h.matches(i));
            }
            j.endArray().name("non_matches").beginArray();
            for (int i = 0; i < h.bins(); i++) {
                j.value(h.nonMatches(i));
            }
            j.endArray().endObject();
        }
        j.endObject().endObject();
    }

    private static void map(Json j, String name, Map<String, Double> values) {
        j.name(name).beginObject();
        values.forEach(j::field);
        j.endObject();
    }
}
