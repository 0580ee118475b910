package dev.matcher.eval.report;

import dev.matcher.metrics.ConfusionMatrix;
import dev.matcher.metrics.PrCurve;
import dev.matcher.metrics.ScoreHistogram;
import dev.matcher.metrics.ThresholdSweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The self-contained HTML report: inline CSS and SVG only (no scripts, fonts or images to fetch), well-formed XML
 * so it can be checked by any XML parser. One overview (leaderboard and F1 beside published results), then one
 * section per dataset with its figures and four plots.
 */
final class HtmlReport {
    static final String OURS = "#2563eb";
    static final String DITTO = "#7c3aed";
    static final String DEEPMATCHER = "#f59e0b";
    static final String MAGELLAN = "#94a3b8";
    static final String MATCH = "#16a34a";
    static final String NON_MATCH = "#64748b";
    static final String RECALL = "#ea580c";
    static final String THRESHOLD = "#dc2626";
    private static final int MAX_FEATURES = 15;

    private static final String CSS = """
            :root{--fg:#0f172a;--muted:#64748b;--line:#e2e8f0;--card:#fff;--bg:#f8fafc;--accent:#2563eb}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
            main{max-width:1240px;margin:0 auto;padding:28px 24px 56px}
            h1{font-size:28px;margin:0 0 4px}
            h2{font-size:21px;margin:0 0 12px}
            h3{font-size:14px;margin:0 0 6px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.04em}
            header p{color:var(--muted);margin:0 0 14px}
            dl.context{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0;font-size:13px}
            dl.context dt{color:var(--muted)} dl.context dd{margin:0;font-family:ui-monospace,"DejaVu Sans Mono",monospace}
            section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:20px 22px;margin:18px 0}
            .tiles{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0 0}
            .tile{flex:1 1 150px;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
            .tile .v{font-size:26px;font-weight:700} .tile .k{color:var(--muted);font-size:13px}
            table{border-collapse:collapse;width:100%;font-size:13.5px}
            .scroll{overflow-x:auto}
            th,td{padding:5px 5px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
            table.board{font-size:13px} table.board th{white-space:normal;vertical-align:bottom}
            th{color:var(--muted);font-weight:600;border-bottom:2px solid var(--line)}
            th:first-child,td:first-child,table.board th:nth-child(2),table.board td:nth-child(2){text-align:left}
            td.name a{color:var(--fg);text-decoration:none;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:13px}
            td.name a:hover{color:var(--accent)}
            tr.avg td{font-style:italic;background:#f1f5f9}
            td.win{color:#15803d;font-weight:700} td.loss{color:#b91c1c}
            .ours{color:var(--accent);font-weight:700}
            .tag{display:inline-block;font-size:12px;font-weight:600;color:var(--muted);background:#f1f5f9;border:1px solid var(--line);border-radius:99px;padding:1px 9px;margin-left:8px;vertical-align:3px}
            .kpis{display:flex;flex-wrap:wrap;gap:8px 22px;margin:4px 0 16px}
            .kpi .v{font-size:20px;font-weight:700} .kpi .k{color:var(--muted);font-size:12px}
            .kpi.big .v{font-size:30px;color:var(--accent)}
            .grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
            .fig{border:1px solid var(--line);border-radius:8px;padding:10px 10px 4px}
            .side{display:flex;gap:28px;flex-wrap:wrap;align-items:flex-start;margin-top:14px;font-size:13.5px}
            table.cm{width:auto} table.cm td,table.cm th{text-align:center;padding:5px 12px}
            .note{color:var(--muted)}
            nav{font-size:13.5px} nav a{margin-right:12px;color:var(--accent);text-decoration:none;white-space:nowrap}
            footer{color:var(--muted);font-size:12.5px;text-align:center;margin-top:24px}
            svg.plot{display:block;font-family:system-ui,"DejaVu Sans",sans-serif}
            svg .grid{stroke:#eef2f7;stroke-width:1} svg .frame{fill:none;stroke:#cbd5e1}
            svg .tick{font-size:11px;fill:#64748b} svg .axis{font-size:12px;fill:#334155}
            svg .note{font-size:11px;font-weight:600} svg .faint{font-size:10px;fill:#94a3b8}
            svg .legend-text{font-size:11.5px;fill:#334155} svg .empty{font-size:13px;fill:#94a3b8}
            svg .label{font-size:12px;fill:#334155} svg .value{font-size:11px;fill:#475569}
            @media (max-width:820px){.grid{grid-template-columns:1fr}}
            """;

    private HtmlReport() {
    }

    static String html(Report report) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>")
                .append(Html.escape(report.title())).append("</title><style>").append(CSS).append("</style></head><body><main>\n");
        header(b, report);
        leaderboard(b, report);
        overview(b, report);
        for (DatasetResult r : report.results()) {
            dataset(b, r);
        }
        b.append("<footer>Generated by matcher-eval. Self-contained: no scripts, fonts or network access needed.</footer>");
        return b.append("\n</main></body></html>\n").toString();
    }

    private static void header(StringBuilder b, Report report) {
        b.append("<header><h1>").append(Html.escape(report.title())).append("</h1>");
        b.append("<p>Pair decisions, curves and timings per dataset; our F1 beside published Magellan, DeepMatcher and "
                + "Ditto results where they exist.</p>");
        if (!report.context().isEmpty()) {
            b.append("<dl class=\"context\">");
            report.context().forEach((k, v) -> b.append("<dt>").append(Html.escape(k)).append("</dt><dd>")
                    .append(Html.escape(v)).append("</dd>"));
            b.append("</dl>");
        }
        Leaderboard.Averages all = Leaderboard.Averages.of(report, false);
        Leaderboard.Averages pub = Leaderboard.Averages.of(report, true);
        b.append("<div class=\"tiles\">");
        tile(b, Integer.toString(report.results().size()), "datasets");
        tile(b, Format.percent(all.count > 0 ? all.f1 : Double.NaN), "mean F1 over " + all.count + " tasks");
        if (pub.count > 0) {
            tile(b, Format.percent(pub.f1), "mean F1 on the " + pub.count + " published tasks");
            tile(b, Format.fixed(pub.ditto, 1), "Ditto (GPU) on the same tasks");
            tile(b, Format.fixed(pub.deepMatcher, 1), "DeepMatcher on the same tasks");
        }
        b.append("</div></header>\n");
    }

    private static void tile(StringBuilder b, String value, String key) {
        b.append("<div class=\"tile\"><div class=\"v\">").append(Html.escape(value)).append("</div><div class=\"k\">")
                .append(Html.escape(key)).append("</div></div>");
    }

    private static void leaderboard(StringBuilder b, Report report) {
        b.append("<section><h2>Leaderboard</h2><div class=\"scroll\"><table class=\"board\"><thead><tr>");
        for (String h : new String[] {"dataset", "task", "P", "R", "F1", "AP", "PC", "PQ", "cluster F1", "train s",
                "score s", "Magellan", "DeepMatcher", "Ditto", "Δ Ditto"}) {
            b.append("<th>").append(Html.escape(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (DatasetResult r : report.results()) {
            PublishedResult p = r.published().orElse(null);
            double delta = p == null ? Double.NaN : 100 * r.f1() - p.ditto();
            b.append("<tr><td class=\"name\"><a href=\"#").append(Html.id(r.name())).append("\">")
                    .append(Html.escape(r.name())).append("</a></td>");
            cell(b, r.task() == null ? Format.NONE : r.task().replace("deduplication", "dedup"), null);
            cell(b, Format.percent(r.precision()), null);
            cell(b, Format.percent(r.recall()), null);
            cell(b, Format.percent(r.f1()), "ours");
            cell(b, Format.fixed(r.averagePrecision(), 3), null);
            cell(b, r.blocking() == null ? Format.NONE : Format.fixed(r.blocking().pairCompleteness(), 3), null);
            cell(b, r.blocking() == null ? Format.NONE : Format.fixed(r.blocking().pairQuality(), 3), null);
            cell(b, Format.percent(r.clusterF1()), null);
            cell(b, Format.seconds(r.seconds("train")), null);
            cell(b, Format.seconds(r.seconds("score")), null);
            cell(b, p == null ? Format.NONE : Format.fixed(p.magellan(), 1), null);
            cell(b, p == null ? Format.NONE : Format.fixed(p.deepMatcher(), 1), null);
            cell(b, p == null ? Format.NONE : Format.fixed(p.ditto(), 2), null);
            cell(b, Format.delta(delta), Double.isNaN(delta) ? null : delta >= 0 ? "win" : "loss");
            b.append("</tr>");
        }
        for (boolean published : new boolean[] {false, true}) {
            Leaderboard.Averages a = Leaderboard.Averages.of(report, published);
            if (a.count == 0) {
                continue;
            }
            b.append("<tr class=\"avg\"><td>").append(published ? "average, " + a.count + " published tasks"
                    : "average, all " + a.count + " tasks").append("</td><td></td>");
            cell(b, Format.percent(a.precision), null);
            cell(b, Format.percent(a.recall), null);
            cell(b, Format.percent(a.f1), "ours");
            b.append("<td></td><td></td><td></td><td></td>");
            cell(b, Format.seconds(a.trainSeconds), null);
            cell(b, Format.seconds(a.scoreSeconds), null);
            cell(b, published ? Format.fixed(a.magellan, 1) : "", null);
            cell(b, published ? Format.fixed(a.deepMatcher, 1) : "", null);
            cell(b, published ? Format.fixed(a.ditto, 1) : "", null);
            double delta = 100 * a.f1 - a.ditto;
            cell(b, published ? Format.delta(delta) : "", published ? (delta >= 0 ? "win" : "loss") : null);
            b.append("</tr>");
        }
        b.append("</tbody></table></div>");
        b.append("<p class=\"note\">F1, P, R in percent at the chosen threshold; AP = area under the precision-recall "
                + "curve; PC/PQ = blocking pair completeness / quality. Published: Mudgal et al. 2018 (Magellan, "
                + "DeepMatcher) and Li et al. 2021 (Ditto, RoBERTa on a GPU).</p></section>\n");
    }

    private static void cell(StringBuilder b, String text, String cls) {
        b.append(cls == null ? "<td>" : "<td class=\"" + cls + "\">").append(Html.escape(text)).append("</td>");
    }

    /** F1 per dataset as grouped horizontal bars: ours, then Ditto, DeepMatcher and Magellan where published. */
    private static void overview(StringBuilder b, Report report) {
        List<DatasetResult> rows = report.results().stream().filter(r -> r.decision() != null).toList();
        if (rows.isEmpty()) {
            return;
        }
        int labelWidth = 230;
        int width = 1060;
        int right = 40;
        int bar = 9;
        List<Integer> heights = new ArrayList<>();
        int total = 40;
        for (DatasetResult r : rows) {
            int h = (r.published().isPresent() ? 4 : 1) * (bar + 2) + 14;
            heights.add(h);
            total += h;
        }
        total += 28;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" class=\"plot\">"
                        + "<title>F1 per dataset beside published results</title>", width, total));
        double plotWidth = width - labelWidth - right;
        int top = 34;
        for (int t = 0; t <= 100; t += 20) {
            double x = labelWidth + plotWidth * t / 100;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>",
                    x, top - 4, x, total - 24));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%d</text>",
                    x, total - 8, t));
        }
        String[][] series = {{"ours", OURS}, {"Ditto (GPU)", DITTO}, {"DeepMatcher", DEEPMATCHER}, {"Magellan", MAGELLAN}};
        boolean anyPublished = rows.stream().anyMatch(r -> r.published().isPresent());
        int lx = labelWidth;
        for (String[] sr : anyPublished ? series : new String[][] {series[0]}) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"9\" width=\"14\" height=\"10\" rx=\"2\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"18\" class=\"legend-text\">%s</text>", lx, sr[1], lx + 20, Html.escape(sr[0])));
            lx += 40 + sr[0].length() * 7;
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" class=\"legend-text\" text-anchor=\"end\">F1 (%%)</text>",
                width - right));
        int y = top;
        for (int i = 0; i < rows.size(); i++) {
            DatasetResult r = rows.get(i);
            PublishedResult p = r.published().orElse(null);
            double[] values = p == null ? new double[] {100 * r.f1()}
                    : new double[] {100 * r.f1(), p.ditto(), p.deepMatcher(), p.magellan()};
            int h = heights.get(i);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"label\" text-anchor=\"end\">%s</text>",
                    labelWidth - 10, y + (h - 14) / 2.0 + 4, Html.escape(r.name())));
            for (int k = 0; k < values.length; k++) {
                double w = plotWidth * Math.max(0, Math.min(100, values[k])) / 100;
                int by = y + k * (bar + 2);
                s.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\" fill=\"%s\"><title>%s: %s</title></rect>",
                        labelWidth, by, Math.max(1, w), bar, series[k][1], Html.escape(series[k][0]),
                        Format.fixed(values[k], 1)));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"value\">%s</text>",
                        labelWidth + w + 4, by + bar - 1, Format.fixed(values[k], 1)));
            }
            y += h;
        }
        s.append("</svg>");
        b.append("<section><h2>F1 beside published results</h2>").append(s).append("</section>\n");
        b.append("<nav>Datasets: ");
        for (DatasetResult r : report.results()) {
            b.append("<a href=\"#").append(Html.id(r.name())).append("\">").append(Html.escape(r.name())).append("</a> ");
        }
        b.append("</nav>\n");
    }

    private static void dataset(StringBuilder b, DatasetResult r) {
        b.append("<section id=\"").append(Html.id(r.name())).append("\"><h2>").append(Html.escape(r.name()));
        if (r.task() != null) {
            b.append("<span class=\"tag\">").append(Html.escape(r.task())).append("</span>");
        }
        if (r.protocol() != null) {
            b.append("<span class=\"tag\">").append(Html.escape(r.protocol())).append("</span>");
        }
        b.append("</h2><div class=\"kpis\">");
        kpi(b, Format.percent(r.f1()), "F1 (%)", true);
        kpi(b, Format.percent(r.precision()), "precision (%)", false);
        kpi(b, Format.percent(r.recall()), "recall (%)", false);
        kpi(b, Format.fixed(r.averagePrecision(), 3), "average precision", false);
        kpi(b, Format.fixed(r.auc(), 3), "ROC AUC", false);
        if (r.decision() != null) {
            kpi(b, Format.fixed(r.decision().threshold(), 3), "threshold", false);
        }
        r.published().ifPresent(p -> kpi(b, Format.fixed(p.ditto(), 2), "Ditto F1 (%)", false));
        if (r.blocking() != null) {
            kpi(b, Format.fixed(r.blocking().pairCompleteness(), 3), "blocking PC", false);
            kpi(b, Format.fixed(r.blocking().pairQuality(), 3), "blocking PQ", false);
            kpi(b, String.format(Locale.ROOT, "%,d", r.blocking().candidates()), "candidates", false);
        }
        if (!Double.isNaN(r.clusterF1())) {
            kpi(b, Format.percent(r.clusterF1()), "cluster F1 (%)", false);
        }
        r.seconds().forEach((k, v) -> kpi(b, Format.seconds(v), k + " s", false));
        r.extra().forEach((k, v) -> kpi(b, Format.fixed(v, Math.abs(v) >= 100 || v == Math.rint(v) ? 0 : 3), k, false));
        b.append("</div>");
        if (r.prCurve() == null && r.histogram() == null && r.sweep() == null && r.importances().isEmpty()) {
            b.append("<p class=\"note\">No pair scores or feature importances were recorded for this dataset.</p>");
        } else {
            plots(b, r);
        }
        sideNotes(b, r);
        b.append("</section>\n");
    }

    private static void plots(StringBuilder b, DatasetResult r) {
        b.append("<div class=\"grid\">");
        figure(b, "Precision-recall curve", prPlot(r));
        figure(b, "Score distribution", histogramPlot(r));
        figure(b, "Threshold vs precision, recall, F1", sweepPlot(r));
        figure(b, "Feature importance", importancePlot(r));
        b.append("</div>");
    }

    private static void sideNotes(StringBuilder b, DatasetResult r) {
        if (r.decision() != null || r.note() != null) {
            b.append("<div class=\"side\">");
            if (r.decision() != null) {
                ConfusionMatrix m = r.decision().matrix();
                b.append("<div><h3>Confusion matrix</h3><table class=\"cm\"><tr><th></th><th>predicted match</th>"
                        + "<th>predicted non-match</th></tr>");
                b.append(String.format(Locale.ROOT, "<tr><th>true match</th><td>%,d</td><td>%,d</td></tr>",
                        m.truePositives(), m.falseNegatives()));
                b.append(String.format(Locale.ROOT, "<tr><th>true non-match</th><td>%,d</td><td>%,d</td></tr></table></div>",
                        m.falsePositives(), m.trueNegatives()));
            }
            if (r.note() != null) {
                b.append("<div><h3>Note</h3><p class=\"note\">").append(Html.escape(r.note())).append("</p></div>");
            }
            b.append("</div>");
        }
    }

    private static void kpi(StringBuilder b, String value, String key, boolean big) {
        b.append(big ? "<div class=\"kpi big\">" : "<div class=\"kpi\">").append("<div class=\"v\">")
                .append(Html.escape(value)).append("</div><div class=\"k\">").append(Html.escape(key))
                .append("</div></div>");
    }

    private static void figure(StringBuilder b, String title, String svg) {
        b.append("<div class=\"fig\"><h3>").append(Html.escape(title)).append("</h3>").append(svg).append("</div>");
    }

    static String prPlot(DatasetResult r) {
        Plot p = new Plot(540, 340, "Precision-recall curve of " + r.name()).x(0, 1, "recall").y(0, 1.0, "precision")
                .axes();
        PrCurve pr = r.prCurve();
        if (pr == null) {
            return p.empty("no scores recorded").svg();
        }
        for (double f : new double[] {0.2, 0.4, 0.6, 0.8}) {
            int n = 60;
            double[] xs = new double[n];
            double[] ys = new double[n];
            double from = f / (2 - f);
            for (int i = 0; i < n; i++) {
                xs[i] = from + (1 - from) * i / (n - 1);
                ys[i] = f * xs[i] / (2 * xs[i] - f);
            }
            p.line(xs, ys, "#e2e8f0", 1, "3 3", null);
            p.label(0.93, f / (2 - f) + 0.015, "F1=" + f);
        }
        // start the drawn curve at recall 0 with the first point's precision, as step plots do
        double[] xs = new double[pr.size() + 1];
        double[] ys = new double[pr.size() + 1];
        ys[0] = pr.size() > 0 ? pr.precision(0) : 1;
        for (int i = 0; i < pr.size(); i++) {
            xs[i + 1] = pr.recall(i);
            ys[i + 1] = pr.precision(i);
        }
        p.line(xs, ys, OURS, 2.2, null, String.format(Locale.ROOT, "PR curve (AP %.3f)", r.averagePrecision()));
        if (r.decision() != null) {
            p.marker(r.recall(), r.precision(), THRESHOLD, String.format(Locale.ROOT, "threshold %.3g: F1 %s",
                    r.decision().threshold(), Format.percent(r.f1())));
        }
        return p.svg();
    }

    static String histogramPlot(DatasetResult r) {
        ScoreHistogram h = r.histogram();
        Plot p = new Plot(540, 340, "Score histogram of " + r.name());
        if (h == null) {
            return p.x(0, 1, "match score").y(0, 1, "share of class").axes().empty("no scores recorded").svg();
        }
        long matches = 0;
        long nonMatches = 0;
        for (int i = 0; i < h.bins(); i++) {
            matches += h.matches(i);
            nonMatches += h.nonMatches(i);
        }
        double top = 0;
        for (int i = 0; i < h.bins(); i++) {
            top = Math.max(top, share(h.matches(i), matches));
            top = Math.max(top, share(h.nonMatches(i), nonMatches));
        }
        p.x(h.min(), h.max(), "match score").y(0, Math.max(0.05, Math.min(1, top * 1.12)), "share of class").axes();
        for (int i = 0; i < h.bins(); i++) {
            double x0 = h.lowerEdge(i);
            double x1 = h.lowerEdge(i + 1);
            double mid = (x0 + x1) / 2;
            double gap = (x1 - x0) * 0.06;
            p.bar(x0 + gap, mid, share(h.nonMatches(i), nonMatches), NON_MATCH, 0.7,
                    String.format(Locale.ROOT, "non-matches in [%.3g, %.3g): %,d", x0, x1, h.nonMatches(i)));
            p.bar(mid, x1 - gap, share(h.matches(i), matches), MATCH, 0.8,
                    String.format(Locale.ROOT, "matches in [%.3g, %.3g): %,d", x0, x1, h.matches(i)));
        }
        p.legendBox(String.format(Locale.ROOT, "non-matches (%,d)", nonMatches), NON_MATCH);
        p.legendBox(String.format(Locale.ROOT, "matches (%,d)", matches), MATCH);
        if (r.decision() != null) {
            p.vline(r.decision().threshold(), THRESHOLD, String.format(Locale.ROOT, "threshold %.3g",
                    r.decision().threshold()));
        }
        return p.svg();
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }

    static String sweepPlot(DatasetResult r) {
        ThresholdSweep s = r.sweep();
        if (s == null || s.size() == 0) {
            return new Plot(540, 340, "Threshold sweep of " + r.name()).x(0, 1, "threshold").y(0, 1, "")
                    .axes().empty("no scores recorded").svg();
        }
        double[] t = s.thresholds();
        Plot p = new Plot(540, 340, "Threshold vs precision, recall and F1 of " + r.name())
                .x(t[0], t[t.length - 1], "threshold (match when score ≥ threshold)").y(0, 1.0, "").axes();
        // where nothing is called a match precision is undefined (0 by convention): leave those points out
        double[] precision = s.precisions();
        for (int i = 0; i < precision.length; i++) {
            if (precision[i] == 0 && s.recall(i) == 0) {
                precision[i] = Double.NaN;
            }
        }
        p.line(t, precision, OURS, 2, null, "precision");
        p.line(t, s.recalls(), RECALL, 2, null, "recall");
        p.line(t, s.f1s(), MATCH, 2.8, null, "F1");
        if (r.decision() != null) {
            p.vline(r.decision().threshold(), THRESHOLD, String.format(Locale.ROOT, "chosen %.3g",
                    r.decision().threshold()), true);
        }
        return p.svg();
    }

    /** Horizontal bars, largest first, at most {@value #MAX_FEATURES} features. */
    static String importancePlot(DatasetResult r) {
        List<Map.Entry<String, Double>> top = r.importances().entrySet().stream().limit(MAX_FEATURES).toList();
        int width = 540;
        int rowHeight = 20;
        int height = Math.max(340, 40 + rowHeight * top.size() + 16);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" class=\"plot\">"
                        + "<title>Feature importance of %s</title>", width, height, Html.escape(r.name())));
        if (top.isEmpty()) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"empty\" text-anchor=\"middle\">"
                    + "no feature importances recorded</text>", width / 2, height / 2));
            return s.append("</svg>").toString();
        }
        int labelWidth = 200;
        double max = top.stream().mapToDouble(e -> Math.abs(e.getValue())).max().orElse(1);
        double plotWidth = width - labelWidth - 70;
        int remaining = r.importances().size() - top.size();
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" class=\"legend-text\">%s</text>", labelWidth,
                remaining > 0 ? "top " + top.size() + " of " + r.importances().size() + " features"
                        : top.size() + " features, largest first"));
        for (int i = 0; i < top.size(); i++) {
            String name = top.get(i).getKey();
            double v = top.get(i).getValue();
            int y = 30 + i * rowHeight;
            double w = max == 0 ? 0 : plotWidth * Math.abs(v) / max;
            String shown = name.length() > 27 ? name.substring(0, 26) + "…" : name;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\" text-anchor=\"end\">%s<title>%s</title></text>",
                    labelWidth - 8, y + 13, Html.escape(shown), Html.escape(name)));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\" fill=\"%s\"/>",
                    labelWidth, y + 3, Math.max(1, w), rowHeight - 6, v < 0 ? THRESHOLD : OURS));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"value\">%s</text>",
                    labelWidth + w + 5, y + 13, Format.fixed(v, 3)));
        }
        return s.append("</svg>").toString();
    }
}
