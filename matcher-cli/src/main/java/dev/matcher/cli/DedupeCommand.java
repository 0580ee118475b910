package dev.matcher.cli;

import dev.matcher.Resolution;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.io.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code matcher dedupe FILE --out OUT}: finds the duplicates in one table and writes its rows with a match id.
 *
 * <pre>{@code
 * matcher dedupe products.csv --labels pairs.csv --out products-deduped.parquet
 * matcher dedupe products.csv --model model.bin --out deduped.csv
 * matcher dedupe products.csv --out deduped.csv          # no model, no labels: label pairs interactively
 * }</pre>
 */
@Command(name = "dedupe", sortOptions = false, description = {
        "Find the duplicates in one table (CSV or Parquet).",
        "Blocks, scores and clusters, then writes the input rows in order with",
        "match_id (shared by the records of one entity: the smallest id among them)",
        "and match_confidence.",
        "The matcher comes from --model or is trained from --labels. With neither,",
        "an interactive session asks about candidate pairs (y/n/u/q), saving every",
        "answer to the labels file so that it can be resumed.",
        "Variant mode adds family_id (clusters of the variant model); match_id then",
        "comes from --exact-model if given, else it equals family_id."})
final class DedupeCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "FILE", description = "Input table (.csv or .parquet).")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "OUT",
            description = {"Output file: .parquet writes Parquet, anything else CSV; '-' writes CSV to",
                    "standard output (the summary then goes to standard error). Never an input."})
    Path out;

    @Mixin
    JobOptions job;

    @Mixin
    ModelOptions model;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        MatchJob.validate(spec, job, model);
        boolean toStdout = out.toString().equals("-");
        if (toStdout && job.model == null && job.labels == null) {
            throw new ParameterException(spec.commandLine(), "--out - writes the table to standard output, where a "
                    + "labelling session would ask its questions: give --model or --labels");
        }
        if (!toStdout) {
            OutputPaths.requireFile(out, input);
            job.requireReplaceable(out);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter messages = toStdout ? spec.commandLine().getErr() : stdout;
        Progress progress = Progress.to(spec.commandLine().getErr(), job.quiet);
        Table table = progress.stage("reading " + input.getFileName(), () -> Table.read(input), Table::size, "records");
        MatchJob.checkColumns(table, input);
        Path labels = toStdout ? Path.of("labels.csv") : out.toAbsolutePath().resolveSibling("labels.csv");
        Resolution result = new MatchJob(model, job, messages, progress).run(Task.deduplication(table), labels, input);
        Table annotated = result.left();
        if (toStdout) {
            MatchJob.writeCsv(annotated, stdout);
        } else {
            progress.stage("writing " + out.getFileName(), () -> {
                annotated.write(out, job.writeOptions());
                return annotated;
            }, Table::size, "records");
        }
        MatchJob.printSummary(messages, result, job);
        if (!toStdout) {
            messages.println("Written to " + out);
        }
    }
}
