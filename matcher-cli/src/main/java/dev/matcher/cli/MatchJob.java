package dev.matcher.cli;

import dev.matcher.Resolution;
import dev.matcher.Resolver;
import dev.matcher.blocking.Blocker;
import dev.matcher.blocking.Blockers;
import dev.matcher.classify.Classifier;
import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.io.Csv;
import dev.matcher.io.CsvOptions;
import dev.matcher.io.AtomicFiles;
import dev.matcher.io.OutputPaths;
import dev.matcher.match.MatchMode;
import dev.matcher.match.Matcher;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code dedupe} and {@code link} share: the options turned into a {@link Resolver} (a saved model, labelled
 * pairs, or a labelling session in the terminal), one run, and the model saved if asked.
 */
final class MatchJob {
    private final ModelOptions modelOptions;
    private final JobOptions job;
    private final PrintWriter out;
    private final Progress progress;

    MatchJob(ModelOptions modelOptions, JobOptions job, PrintWriter out, Progress progress) {
        this.modelOptions = modelOptions;
        this.job = job;
        this.out = out;
        this.progress = progress;
    }

    /** Usage errors of the option combination (exit code 2). */
    static void validate(CommandSpec spec, JobOptions job, ModelOptions model) {
        if (job.model != null && job.labels != null) {
            throw new ParameterException(spec.commandLine(), "--model and --labels exclude each other");
        }
        if (job.exactModel != null && job.model == null && model.mode != MatchMode.VARIANT) {
            throw new ParameterException(spec.commandLine(), "--exact-model splits variant families into items: "
                    + "train with --mode variant (or give a variant --model)");
        }
        if (job.model != null && !model.map.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--map is for training; a saved --model compares the "
                    + "columns it was trained on");
        }
        if (job.model != null && !model.variantAttributes.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--variant-attributes is for training; a saved --model has its own");
        }
        if (!model.requireSame.isEmpty() && model.mode == MatchMode.VARIANT && job.exactModel == null) {
            throw new ParameterException(spec.commandLine(), "--require-same is a rule of exact matching: in variant "
                    + "mode it applies to --exact-model, which is missing");
        }
        if (job.threads != null && job.threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        if (job.maxBlockSize != null && job.maxBlockSize < 2) {
            throw new ParameterException(spec.commandLine(), "--max-block-size must be at least 2");
        }
        if (job.categoryBlocking && model.categories == null) {
            throw new ParameterException(spec.commandLine(), "--category-blocking needs the classifier: give "
                    + "--categories CLASSIFIER.bin");
        }
    }

    /**
     * Runs the pipeline; {@code defaultLabels} is where a labelling session saves its answers unless told. Files it
     * writes (labels, a saved model) are checked against the {@code inputs} before any work.
     */
    Resolution run(Task task, Path defaultLabels, Path... inputs) {
        if (job.saveModel != null) {
            OutputPaths.requireFile(job.saveModel, inputs);
            AtomicFiles.requireReplaceable(job.saveModel);
        }
        Resolver.Builder b = Resolver.builder().progress(progress.listener()).seed(modelOptions.seed)
                .mode(modelOptions.modeOrDefault()).variantAttributes(modelOptions.variantAttributes.toArray(String[]::new))
                .requireSame(modelOptions.requireSame.toArray(String[]::new));
        if (!modelOptions.map.isEmpty() && task.isDeduplication()) {
            throw new IllegalArgumentException("--map pairs columns of two tables (link); it does not apply to dedupe");
        }
        modelOptions.map.forEach(p -> b.align(p[0], p[1]));
        if (job.threads != null) {
            b.parallelism(job.threads);
        }
        Classifier categories = modelOptions.classifier();
        if (categories != null) {
            b.categories(categories);
        }
        if (job.maxBlockSize != null || job.categoryBlocking) {
            // as the front door's default: variant-aware in variant mode and wherever variant attributes are named
            Matcher saved = job.model != null ? Matcher.load(job.model) : null;
            boolean variants = saved != null ? saved.mode() == MatchMode.VARIANT || !saved.spec().variantAttributes().isEmpty()
                    : modelOptions.modeOrDefault() == MatchMode.VARIANT || !modelOptions.variantAttributes.isEmpty();
            Blocker blocker = job.maxBlockSize == null ? (variants ? Blockers.autoVariants() : Blockers.auto())
                    : variants ? Blockers.autoVariants(job.maxBlockSize) : Blockers.auto(job.maxBlockSize);
            b.blocker(job.categoryBlocking ? blocker.and(Blockers.categories(categories)) : blocker);
        }
        TerminalLabeller session = null;
        if (job.model != null) {
            Matcher m = Matcher.load(job.model);
            if (modelOptions.mode != null && modelOptions.mode != m.mode()) {
                throw new DataException(job.model, 0, 0, "this model was trained in " + name(m.mode())
                        + " mode, but --mode " + name(modelOptions.mode) + " was given");
            }
            b.matcher(m);
        } else if (job.labels != null) {
            b.labels(job.labels);
        } else {
            Path file = job.saveLabels != null ? job.saveLabels : defaultLabels;
            OutputPaths.requireFile(file, inputs);
            session = TerminalLabeller.open(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    out, file, task, modelOptions.modeOrDefault());
            if (session.resumed() != null) {
                b.labels(session.resumed());
            }
            b.labeller(session).maxLabels(job.maxLabels).retrainEvery(job.retrainEvery);
            session.announce(job.maxLabels, job.retrainEvery);
        }
        if (job.exactModel != null) {
            b.exactMatcher(exactMatcher(b, job.exactModel));
        }
        Resolution r;
        try {
            r = b.build().resolve(task);
        } catch (DataException e) {
            if (session != null && !session.canTrain()) {
                throw session.tooFewLabels();
            }
            throw e;
        }
        if (session != null) {
            session.trained(r.matcher());
        }
        if (job.saveModel != null && job.model == null) {
            r.matcher().save(job.saveModel);
            out.println("Model saved to " + job.saveModel);
        }
        return r;
    }

    private Matcher exactMatcher(Resolver.Builder b, Path file) {
        Matcher exact = Matcher.load(file);
        if (exact.mode() != MatchMode.EXACT) {
            throw new DataException(file, 0, 0, "--exact-model must be an exact-mode model, this one is "
                    + name(exact.mode()));
        }
        if (job.model != null && Matcher.load(job.model).mode() != MatchMode.VARIANT) {
            throw new DataException(file, 0, 0, "--exact-model splits variant families into items: it needs a "
                    + "variant-mode matcher (--mode variant), but this one is exact");
        }
        return exact;
    }

    /** The columns a linkage matcher compares, with scores and reasons (nothing for deduplication). */
    static void printColumns(PrintWriter out, Matcher m, boolean linkage) {
        if (linkage && m != null) {
            out.println("Columns compared (left ~ right):");
            out.print(m.columns());
        }
    }

    /** The run's one-line summary, and a line per warning so that nothing left out goes unsaid at the end. */
    static void printSummary(PrintWriter out, Resolution r, JobOptions job) {
        out.println(r.summary());
        for (String w : r.warnings()) {
            out.println("warning: " + w + (w.startsWith("blocking") ? " (--max-block-size raises the guard)"
                    : w.startsWith("labels") && job.labels != null ? " (to go on from your labels in the session, "
                    + "give the file as --save-labels " + job.labels + " instead of --labels)" : ""));
        }
    }

    /** The table as CSV on a writer (standard output for {@code --out -}). */
    static void writeCsv(Table table, PrintWriter out) {
        try {
            Csv.write(table, out, CsvOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to standard output: " + e.getMessage(), e);
        }
    }

    /** Fails early when the input has a column the output adds. */
    static void checkColumns(Table table, Path file) {
        for (String column : new String[] {Resolution.MATCH_ID, Resolution.CONFIDENCE, Resolution.FAMILY_ID}) {
            if (table.schema().indexOf(column) >= 0) {
                throw new DataException(file, 1, 0, "the input already has a column '" + column
                        + "', which the output adds; rename or drop it");
            }
        }
    }

    private static String name(MatchMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
