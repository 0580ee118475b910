/**
 * Benchmark reports: a {@link dev.matcher.eval.report.DatasetResult} per dataset, collected in a
 * {@link dev.matcher.eval.report.Report} that renders a Markdown leaderboard beside published results
 * ({@link dev.matcher.eval.report.PublishedResults}), JSON and CSV of every figure, and a self-contained HTML page
 * with SVG plots.
 *
 * <pre>{@code
 * Report.builder().context("command", cmd).add(DatasetResult.builder("febrl3").scores(metrics, 0.5).build())
 *       .build().writeTo(Path.of("reports"));
 * }</pre>
 */
package dev.matcher.eval.report;
