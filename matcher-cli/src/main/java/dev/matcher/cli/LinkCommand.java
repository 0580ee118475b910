package dev.matcher.cli;

import dev.matcher.Resolution;
import dev.matcher.data.SchemaInference;
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
import java.util.List;

/**
 * {@code matcher link LEFT RIGHT --out DIR}: links the records of two tables and writes both with match ids.
 *
 * <pre>{@code
 * matcher link shop-a.csv shop-b.csv --labels pairs.csv --out linked --format parquet
 * }</pre>
 */
@Command(name = "link", sortOptions = false, description = {
        "Link the records of two tables (CSV or Parquet).",
        "Blocks, scores and clusters (one-to-one), then writes DIR/left.<ext> and",
        "DIR/right.<ext>: the input rows in order with match_id and match_confidence.",
        "Ids are prefixed L: or R: (a cluster's id is its smallest member id, so a",
        "right record linked to left record a7 gets L:a7).",
        "The matcher comes from --model or is trained from --labels. With neither,",
        "an interactive session asks about candidate pairs (y/n/u/q), saving every",
        "answer to DIR/labels.csv so that it can be resumed.",
        "Variant mode adds family_id (clusters of the variant model); match_id then",
        "comes from --exact-model if given, else it equals family_id."})
final class LinkCommand implements Runnable {
    enum Format { csv, parquet }

    @Parameters(index = "0", paramLabel = "LEFT", description = "Left table (.csv or .parquet).")
    Path leftFile;

    @Parameters(index = "1", paramLabel = "RIGHT", description = "Right table (.csv or .parquet).")
    Path rightFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|parquet",
            description = "Output format (default ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    JobOptions job;

    @Mixin
    ModelOptions model;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        MatchJob.validate(spec, job, model);
        if (out.toString().equals("-")) {
            throw new ParameterException(spec.commandLine(), "link writes two tables: --out names a folder");
        }
        OutputPaths.requireFolder(out, leftFile, rightFile);
        job.requireReplaceable(out.resolve("left." + format));
        job.requireReplaceable(out.resolve("right." + format));
        PrintWriter stdout = spec.commandLine().getOut();
        Progress progress = Progress.to(spec.commandLine().getErr(), job.quiet);
        Table left = progress.stage("reading " + leftFile.getFileName(), () -> Table.read(leftFile), Table::size, "records");
        Table right = progress.stage("reading " + rightFile.getFileName(), () -> Table.read(rightFile), Table::size, "records");
        MatchJob.checkColumns(left, leftFile);
        MatchJob.checkColumns(right, rightFile);
        List<Table> both = SchemaInference.harmonize(left, right);
        left = both.get(0);
        right = both.get(1);
        Resolution result = new MatchJob(model, job, stdout, progress).run(Task.linkage(left, right),
                out.resolve("labels.csv"), leftFile, rightFile);
        Path leftOut = out.resolve("left." + format);
        Path rightOut = out.resolve("right." + format);
        Table l = result.left();
        Table r = result.right();
        progress.stage("writing " + leftOut.getFileName() + " and " + rightOut.getFileName(), () -> {
            l.write(leftOut, job.writeOptions());
            r.write(rightOut, job.writeOptions());
            return l.size() + r.size();
        }, Integer::longValue, "records");
        MatchJob.printColumns(stdout, result.matcher(), true);
        MatchJob.printSummary(stdout, result, job);
        stdout.println("Written to " + leftOut + " and " + rightOut);
    }
}
