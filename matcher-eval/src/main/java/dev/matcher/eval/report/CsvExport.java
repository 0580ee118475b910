package dev.matcher.eval.report;

import dev.matcher.metrics.PrCurve;
import dev.matcher.metrics.RocCurve;
import dev.matcher.metrics.ScoreHistogram;
import dev.matcher.metrics.ThresholdSweep;
import dev.matcher.io.CsvWriter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The report as CSV: a wide table of scalar figures, and a long table of curve points. */
final class CsvExport {
    private CsvExport() {
    }

    static String results(Report report) {
        Set<String> stages = new LinkedHashSet<>();
        Set<String> extras = new LinkedHashSet<>();
        for (DatasetResult r : report.results()) {
            stages.addAll(r.seconds().keySet());
            extras.addAll(r.extra().keySet());
        }
        List<String> header = new ArrayList<>(List.of("dataset", "task", "protocol", "threshold", "precision",
                "recall", "f1", "tp", "fp", "fn", "tn", "average_precision", "roc_auc", "candidates",
                "pair_completeness", "pair_quality", "reduction_ratio", "cluster_f1", "magellan_f1",
                "deepmatcher_f1", "ditto_f1"));
        stages.forEach(s -> header.add("seconds_" + s));
        header.addAll(extras);
        StringBuilder b = new StringBuilder();
        row(b, header);
        for (DatasetResult r : report.results()) {
            List<String> cells = new ArrayList<>();
            cells.add(r.name());
            cells.add(r.task());
            cells.add(r.protocol());
            boolean d = r.decision() != null;
            cells.add(d ? num(r.decision().threshold()) : "");
            cells.add(num(r.precision()));
            cells.add(num(r.recall()));
            cells.add(num(r.f1()));
            cells.add(d ? Long.toString(r.decision().matrix().truePositives()) : "");
            cells.add(d ? Long.toString(r.decision().matrix().falsePositives()) : "");
            cells.add(d ? Long.toString(r.decision().matrix().falseNegatives()) : "");
            cells.add(d ? Long.toString(r.decision().matrix().trueNegatives()) : "");
            cells.add(num(r.averagePrecision()));
            cells.add(num(r.auc()));
            boolean blk = r.blocking() != null;
            cells.add(blk ? Long.toString(r.blocking().candidates()) : "");
            cells.add(blk ? num(r.blocking().pairCompleteness()) : "");
            cells.add(blk ? num(r.blocking().pairQuality()) : "");
            cells.add(blk ? num(r.blocking().reductionRatio()) : "");
            cells.add(num(r.clusterF1()));
            PublishedResult p = r.published().orElse(null);
            cells.add(p == null ? "" : num(p.magellan() / 100));
            cells.add(p == null ? "" : num(p.deepMatcher() / 100));
            cells.add(p == null ? "" : num(p.ditto() / 100));
            stages.forEach(s -> cells.add(num(r.seconds(s))));
            extras.forEach(e -> cells.add(num(r.extra().getOrDefault(e, Double.NaN))));
            row(b, cells);
        }
        return b.toString();
    }

    static String curves(Report report) {
        StringBuilder b = new StringBuilder();
        row(b, List.of("dataset", "series", "threshold", "x", "y", "label"));
        for (DatasetResult r : report.results()) {
            PrCurve pr = r.prCurve();
            for (int i = 0; pr != null && i < pr.size(); i++) {
                point(b, r, "precision_recall", pr.threshold(i), pr.recall(i), pr.precision(i), "");
            }
            RocCurve roc = r.rocCurve();
            for (int i = 0; roc != null && i < roc.size(); i++) {
                point(b, r, "roc", roc.threshold(i), roc.falsePositiveRate(i), roc.truePositiveRate(i), "");
            }
            ThresholdSweep s = r.sweep();
            for (int i = 0; s != null && i < s.size(); i++) {
                point(b, r, "sweep_precision", s.threshold(i), s.threshold(i), s.precision(i), "");
                point(b, r, "sweep_recall", s.threshold(i), s.threshold(i), s.recall(i), "");
                point(b, r, "sweep_f1", s.threshold(i), s.threshold(i), s.f1(i), "");
            }
            ScoreHistogram h = r.histogram();
            for (int i = 0; h != null && i < h.bins(); i++) {
                point(b, r, "histogram_matches", Double.NaN, h.lowerEdge(i), h.matches(i), "");
                point(b, r, "histogram_non_matches", Double.NaN, h.lowerEdge(i), h.nonMatches(i), "");
            }
            int rank = 0;
            for (var e : r.importances().entrySet()) {
                point(b, r, "importance", Double.NaN, ++rank, e.getValue(), e.getKey());
            }
        }
        return b.toString();
    }

    private static void point(StringBuilder b, DatasetResult r, String series, double threshold, double x, double y,
                              String label) {
        row(b, List.of(r.name(), series, num(threshold), num(x), num(y), label));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Json.number(v);
    }

    /** One line through the library's CSV writer; an empty cell means "no figure" and is written unquoted. */
    private static void row(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            CsvWriter.appendField(b, c == null || c.isEmpty() ? null : c, ',');
        }
        b.append('\n');
    }
}
