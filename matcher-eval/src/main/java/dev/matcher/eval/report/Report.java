package dev.matcher.eval.report;

import dev.matcher.io.AtomicFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The results of a benchmark run in every form a reader wants: a Markdown leaderboard (our figures beside the
 * published Magellan / DeepMatcher / Ditto F1), JSON and CSV of every figure, and a self-contained HTML page with
 * SVG plots that needs no network. Rendering is deterministic: the same results give the same bytes.
 *
 * <pre>{@code
 * Report report = Report.builder().title("matcher benchmark").context("command", "matcher eval --data ...")
 *         .add(result1).add(result2).build();
 * report.writeTo(Path.of("reports"));   // leaderboard.md, results.json, results.csv, curves.csv, report.html
 * System.out.println(report.markdown());
 * }</pre>
 */
public final class Report {
    /** The files {@link #writeTo} writes. */
    public static final List<String> FILES = List.of("leaderboard.md", "results.json", "results.csv", "curves.csv",
            "report.html");

    private final String title;
    private final Map<String, String> context;
    private final List<DatasetResult> results;

    private Report(String title, Map<String, String> context, List<DatasetResult> results) {
        this.title = title;
        this.context = new LinkedHashMap<>(context);
        this.results = List.copyOf(results);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A report of these results with a default title and no context. */
    public static Report of(List<DatasetResult> results) {
        Builder b = builder();
        results.forEach(b::add);
        return b.build();
    }

    public String title() {
        return title;
    }

    /** Run context in insertion order (command, machine, date, seed, ...). */
    public Map<String, String> context() {
        return java.util.Collections.unmodifiableMap(context);
    }

    public List<DatasetResult> results() {
        return results;
    }

    /** Our mean F1 over every dataset with a pair decision (the Amazon-challenge ranking figure). */
    public OptionalDouble averageF1() {
        return results.stream().filter(r -> r.decision() != null).mapToDouble(DatasetResult::f1).average();
    }

    /** The leaderboard as a Markdown table with the averages below it. */
    public String markdown() {
        return Leaderboard.markdown(this);
    }

    /** Every figure and curve as one JSON document. */
    public String json() {
        return JsonExport.json(this);
    }

    /** One row per dataset, one column per scalar figure. */
    public String csv() {
        return CsvExport.results(this);
    }

    /** Curves and importances in long form: dataset, series, threshold, x, y, label. */
    public String curvesCsv() {
        return CsvExport.curves(this);
    }

    /** The self-contained HTML page (inline CSS and SVG, no scripts, no external resources). */
    public String html() {
        return HtmlReport.html(this);
    }

    /** Writes every file of {@link #FILES} into {@code folder}, each atomically; returns the HTML file. */
    public Path writeTo(Path folder) {
        String[] contents = {markdown(), json(), csv(), curvesCsv(), html()};
        for (int i = 0; i < contents.length; i++) {
            byte[] bytes = contents[i].getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(folder.resolve(FILES.get(i)), out -> out.write(bytes));
        }
        return folder.resolve("report.html");
    }

    @Override
    public String toString() {
        return markdown();
    }

    /** Collects results and run context. */
    public static final class Builder {
        private String title = "Entity-resolution benchmark";
        private final Map<String, String> context = new LinkedHashMap<>();
        private final List<DatasetResult> results = new ArrayList<>();

        private Builder() {
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** A line of run context shown at the top of every report, e.g. ("machine", "2 cores, 24 GB"). */
        public Builder context(String key, String value) {
            context.put(key, value);
            return this;
        }

        public Builder add(DatasetResult result) {
            results.add(result);
            return this;
        }

        public Report build() {
            return new Report(title, context, results);
        }
    }
}
