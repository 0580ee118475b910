package dev.matcher.eval.report;

import dev.matcher.metrics.ClassMetrics;
import dev.matcher.io.AtomicFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An HTML page of classification results: a summary table (accuracy, macro-F1, timings per protocol and model), then
 * for each result the per-class precision, recall and F1 and the confusion matrix (rows: true class, columns:
 * predicted; at most {@value #MAX_MATRIX} classes drawn, the largest by support).
 *
 * <pre>{@code
 * ClassificationReport.write(Path.of("report.html"), "pricerunner_products", List.of(
 *     new ClassificationReport.Entry("category_label", "grouped", "classifier", metrics, 2.1, 80_000)));
 * }</pre>
 */
public final class ClassificationReport {
    static final int MAX_MATRIX = 40;

    private ClassificationReport() {
    }

    /** One cross-validated result. */
    public record Entry(String label, String protocol, String model, ClassMetrics metrics, double trainSeconds,
                        double predictRecordsPerSecond) {
    }

    /** Writes the page atomically. */
    public static void write(Path file, String dataset, List<Entry> entries) {
        String html = html(dataset, entries);
        AtomicFiles.write(file, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    static String html(String dataset, List<Entry> entries) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Classification: ")
                .append(Html.escape(dataset)).append("</title><style>body{font-family:sans-serif}"
                        + "table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;padding:2px 6px;"
                        + "text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>\n");
        b.append("<h1>Classification: ").append(Html.escape(dataset)).append("</h1>\n<table><tr><th>label</th>"
                + "<th>protocol</th><th>model</th><th>records</th><th>classes</th><th>accuracy</th><th>macro-F1</th>"
                + "<th>train s</th><th>predict rec/s</th></tr>\n");
        for (Entry e : entries) {
            b.append("<tr><td>").append(Html.escape(e.label())).append("</td><td>").append(Html.escape(e.protocol()))
                    .append("</td><td>").append(Html.escape(e.model())).append("</td><td>").append(e.metrics().size())
                    .append("</td><td>").append(e.metrics().classes().size()).append("</td><td>")
                    .append(f(e.metrics().accuracy())).append("</td><td>").append(f(e.metrics().macroF1()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.2f", e.trainSeconds()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.0f", e.predictRecordsPerSecond()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (Entry e : entries) {
            b.append("<h2>").append(Html.escape(e.label() + ", " + e.protocol() + ", " + e.model())).append("</h2>\n");
            b.append("<table><tr><th>class</th><th>support</th><th>precision</th><th>recall</th><th>F1</th></tr>\n");
            List<ClassMetrics.PerClass> per = e.metrics().perClass();
            for (ClassMetrics.PerClass c : per) {
                b.append("<tr><td>").append(Html.escape(c.label())).append("</td><td>").append(c.support())
                        .append("</td><td>").append(f(c.precision())).append("</td><td>").append(f(c.recall()))
                        .append("</td><td>").append(f(c.f1())).append("</td></tr>\n");
            }
            b.append("</table>\n");
            long[][] m = e.metrics().confusion();
            Integer[] order = new Integer[per.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (x, y) -> Long.compare(per.get(y).support(), per.get(x).support()));
            int shown = Math.min(MAX_MATRIX, order.length);
            b.append("<p>Confusion matrix (rows: true, columns: predicted").append(shown < order.length
                    ? "; the " + shown + " largest of " + order.length + " classes" : "").append(")</p>\n<table><tr><th></th>");
            for (int j = 0; j < shown; j++) {
                b.append("<th>").append(Html.escape(per.get(order[j]).label())).append("</th>");
            }
            b.append("</tr>\n");
            for (int i = 0; i < shown; i++) {
                b.append("<tr><td>").append(Html.escape(per.get(order[i]).label())).append("</td>");
                for (int j = 0; j < shown; j++) {
                    long v = m[order[i]][order[j]];
                    b.append(i == j ? "<td style=\"background:#dfd\">" : v > 0 ? "<td style=\"background:#fdd\">"
                            : "<td>").append(v).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
