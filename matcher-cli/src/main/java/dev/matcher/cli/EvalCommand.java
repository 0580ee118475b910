package dev.matcher.cli;

import dev.matcher.classify.Categorizer;
import dev.matcher.classify.Classifier;
import dev.matcher.classify.RecordCategories;
import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import dev.matcher.eval.ClassificationEval;
import dev.matcher.eval.BenchmarkRunner;
import dev.matcher.eval.report.DatasetResult;
import dev.matcher.eval.report.Report;
import dev.matcher.compare.ColumnCorrespondence;
import dev.matcher.data.TextTable;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.eval.transform.Transformation;
import dev.matcher.eval.transform.Transformations;
import dev.matcher.io.AtomicFiles;
import dev.matcher.match.MatchMode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code matcher eval}: the benchmark leaderboard over dataset folders in the shared layout, written as Markdown,
 * JSON, CSV and a self-contained HTML report.
 */
@Command(name = "eval", description = {
        "Evaluate on benchmark dataset folders (left.csv, right.csv, matches.csv, train/valid/test.csv).",
        "--mode variant evaluates variant families (family_*.csv labels when the folder has them).",
        "A folder with family labels and no --mode is evaluated at both levels in one run: an exact model and a",
        "variant model (train/valid/test of each level), then end to end (variant-aware blocking of the whole",
        "table, both models, match_id and family_id clusters scored on the test families; PC/PQ per level).",
        "Writes leaderboard.md, results.json, results.csv and report.html to --out.",
        "--transform NAME,... also runs each dataset with one table transformed (columns renamed to synonyms or",
        "random names, reordered, upper case, a column split, two merged, one dropped or moved into the title,",
        "numbers reformatted; 'standard' = one of each) and writes metamorphic.md: F1 transformed vs untransformed."})
final class EvalCommand implements Runnable {
    static final class Inputs {
        @Option(names = "--data", arity = "1..*", paramLabel = "DIR", description = "Dataset folders.")
        List<Path> folders;

        @Option(names = "--all", paramLabel = "ROOT", description = "Every dataset folder under ROOT.")
        Path root;
    }

    @ArgGroup(multiplicity = "1")
    Inputs inputs;

    @Option(names = "--out", defaultValue = "reports", paramLabel = "DIR", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--label-budget", defaultValue = "500", paramLabel = "N",
            description = "Labels per fold the full-pipeline protocol may ask its oracle for (default ${DEFAULT-VALUE}).")
    int labels;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mode", paramLabel = "exact|variant", converter = ModelOptions.ModeConverter.class,
            description = {"exact (default): the same item matches;",
                    "variant: variants of one family match (a folder's family_*.csv labels when it has them);",
                    "not given on a folder with family labels: both levels and end to end."})
    MatchMode mode;

    @Option(names = "--variant-attributes", split = ",", paramLabel = "ATTR",
            description = "Attributes that describe variants, e.g. color,size (variant mode ignores them).")
    List<String> variantAttributes = new ArrayList<>();

    @Option(names = "--transform", split = ",", paramLabel = "NAME",
            description = {"Metamorphic runs: standard, or any of rename-synonyms, rename-random, reorder, case-upper,",
                    "split, merge, drop, move-into-title, numbers-mixed, rename-title, case-lower, case-title,",
                    "numbers-grouped, numbers-plain, numbers-currency (seeded by --seed)."})
    List<String> transforms = new ArrayList<>();

    @Option(names = "--transform-side", defaultValue = "right", paramLabel = "left|right",
            description = "The table the transformations change (default ${DEFAULT-VALUE}).")
    String transformSide;

    @Option(names = "--drop", split = ",", paramLabel = "COLUMN",
            description = "Columns removed from the tables before matching (e.g. a category a user would not have).")
    List<String> drop = new ArrayList<>();

    @Option(names = "--categories", paramLabel = "CLASSIFIER.bin",
            description = {"Matchers compare the records' categories predicted by this classifier",
                    "(category_agree features). Trained on these records' own labels it flatters: see --categories-cv."})
    Path categories;

    @Option(names = "--categories-cv", split = ",", paramLabel = "LABEL",
            description = {"Cross-fitted categories of a label column (coarse,fine for a hierarchy): each record",
                    "categorized by a classifier trained on the other 5 folds (all records of a clusters.csv",
                    "cluster in one fold); the label columns are removed from the tables the matcher sees."})
    List<String> categoriesCv = new ArrayList<>();

    @Option(names = "--category-blocking",
            description = "With categories: the full pipeline's candidates are auto blocking's of one category.")
    boolean categoryBlocking;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<Path> folders = inputs.root != null ? datasetsUnder(inputs.root) : inputs.folders;
        List<Transformation> chosen = transformations();
        if ((categories != null || !categoriesCv.isEmpty()) && !chosen.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--transform changes the tables the categories are of: "
                    + "run it without --categories / --categories-cv");
        }
        if (categories != null && !categoriesCv.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--categories and --categories-cv exclude each other");
        }
        if (categoryBlocking && categories == null && categoriesCv.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--category-blocking needs --categories or --categories-cv");
        }
        List<String[]> metamorphic = new ArrayList<>();
        Progress progress = Progress.to(stderr, quiet);
        MatchMode m = mode == null ? MatchMode.EXACT : mode;
        BenchmarkRunner runner = new BenchmarkRunner(BenchmarkRunner.Options.defaults().withLabels(labels).withSeed(seed)
                .withMode(m, variantAttributes.toArray(String[]::new)), progress.listener());
        boolean family = m == MatchMode.VARIANT;
        Report.Builder report = Report.builder()
                .context("command", "matcher " + String.join(" ", spec.commandLine().getParseResult().originalArgs()))
                .context("machine", Runtime.getRuntime().availableProcessors() + " cores, max heap "
                        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, Java " + System.getProperty("java.version"))
                .context("seed", Long.toString(seed))
                .context("mode", m.name().toLowerCase(Locale.ROOT)
                        + (variantAttributes.isEmpty() ? "" : ", variant attributes " + String.join(",", variantAttributes)));
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (Path folder : folders) {
            if (!quiet) {
                stderr.printf("[%5.0fs] %s ...%n", (System.nanoTime() - start) / 1e9, folder.getFileName());
                stderr.flush();
            }
            String name = folder.toAbsolutePath().normalize().getFileName().toString();
            BenchmarkDataset d = null;
            BenchmarkDataset families = null;
            List<DatasetResult> rs;
            try {
                d = BenchmarkDataset.load(folder, family);
                if (levels(folder)) {
                    families = BenchmarkDataset.load(folder, true);
                }
                if (!drop.isEmpty()) {
                    d = d.withoutColumns(drop);
                    families = families == null ? null : families.withoutColumns(drop);
                }
                BenchmarkRunner.Options categorized = categorized(runner.options(), folder, d);
                if (!categoriesCv.isEmpty()) {
                    d = d.withoutColumns(categoriesCv);
                    families = families == null ? null : families.withoutColumns(categoriesCv);
                }
                BenchmarkRunner used = categorized == runner.options() ? runner
                        : new BenchmarkRunner(categorized, progress.listener());
                rs = run(used, d, families, stdout);
            } catch (RuntimeException e) {
                // one bad dataset is a row that says why; the others still run
                rs = List.of(failed(name, e));
                failed.add(name);
            }
            for (DatasetResult r : rs) {
                report.add(r);
                stdout.println(r);
            }
            stdout.flush();
            for (Transformation t : d == null ? List.<Transformation>of() : chosen) {
                if (!quiet) {
                    stderr.printf("[%5.0fs] %s %s ...%n", (System.nanoTime() - start) / 1e9, name, t.name());
                    stderr.flush();
                }
                List<DatasetResult> trs;
                try {
                    BenchmarkDataset td = transformed(t, d);
                    // the family level's pairs over the same transformed table (a transformation moves no row)
                    trs = run(runner, td, families == null ? null : new BenchmarkDataset(families.name() + " "
                            + t.name(), td.task(), families.matches(), families.splits()), stdout);
                } catch (RuntimeException e) {
                    trs = List.of(failed(name + " " + t.name(), e));
                    failed.add(name + " " + t.name());
                }
                for (int i = 0; i < trs.size(); i++) {
                    DatasetResult tr = trs.get(i);
                    DatasetResult r = rs.get(Math.min(i, rs.size() - 1));
                    report.add(tr);
                    stdout.println(tr);
                    metamorphic.add(new String[] {r.name(), t.name(), f1(r), f1(tr), delta(r, tr)});
                }
                stdout.flush();
            }
        }
        Path written = report.build().writeTo(out);
        if (!chosen.isEmpty()) {
            TextTable table = new TextTable("dataset", "transformation", "F1 untransformed", "F1 transformed", "change");
            metamorphic.forEach(row -> table.row((Object[]) row));
            String md = "# Metamorphic runs\n\n`matcher " + String.join(" ",
                    spec.commandLine().getParseResult().originalArgs()) + "`\n\nF1 (%) of the dataset's protocol "
                    + "with one table transformed (" + transformSide + "), against the same run untransformed.\n\n"
                    + markdown(metamorphic) + "\n";
            AtomicFiles.write(out.resolve("metamorphic.md"), o -> o.write(md.getBytes(StandardCharsets.UTF_8)));
            stdout.print(table);
            stdout.println("Metamorphic table in " + out.resolve("metamorphic.md"));
        }
        stdout.printf(Locale.ROOT, "%d datasets in %.0f s; report in %s (leaderboard.md, report.html)%n",
                folders.size(), (System.nanoTime() - start) / 1e9, written);
        if (!failed.isEmpty()) {
            throw new DataException(String.format(Locale.ROOT, "%d of %d datasets failed (%s); the report says why",
                    failed.size(), folders.size(), String.join(", ", failed)));
        }
    }

    /** The runner's options with the categories asked for (given, or cross-fitted on this dataset's records). */
    private BenchmarkRunner.Options categorized(BenchmarkRunner.Options options, Path folder, BenchmarkDataset d) {
        if (categories != null) {
            return options.withCategories(Classifier.load(categories), categoryBlocking);
        }
        if (categoriesCv.isEmpty()) {
            return options;
        }
        if (!d.isDeduplication()) {
            throw new DataException("--categories-cv categorizes the records of one table: " + d.name()
                    + " is a linkage dataset");
        }
        Path clusters = folder.resolve("clusters.csv");
        RecordCategories cats = ClassificationEval.crossFitted(d.left(), categoriesCv,
                Files.isRegularFile(clusters) ? clusters : null, CV_FOLDS, seed);
        Table matched = d.withoutColumns(categoriesCv).left();
        return options.withCategories(new CrossFitted(matched, cats, d.name()), categoryBlocking);
    }

    static final int CV_FOLDS = 5;

    /** Cross-fitted categories of one table's records; any other table is refused. */
    private record CrossFitted(Table table, RecordCategories categories, String dataset) implements Categorizer {
        @Override
        public RecordCategories categorize(Table t) {
            if (t.size() != table.size() || !t.schema().names().equals(table.schema().names())) {
                throw new IllegalArgumentException("the cross-fitted categories are those of " + dataset
                        + "'s records, not of " + t.name());
            }
            return categories;
        }

        @Override
        public String toString() {
            return "cross-fitted " + String.join(" > ", categories.labels());
        }
    }

    /** One level's protocol, or both levels end to end when {@code families} is not null. */
    private static List<DatasetResult> run(BenchmarkRunner runner, BenchmarkDataset d, BenchmarkDataset families,
                                           PrintWriter stdout) {
        printColumns(stdout, d);
        return families == null ? List.of(runner.run(d)) : runner.runLevels(d, families);
    }

    /** A dataset with one table transformed, under its own name + the transformation's. */
    private static BenchmarkDataset transformed(Transformation t, BenchmarkDataset d) {
        BenchmarkDataset td = t.apply(d);
        return new BenchmarkDataset(d.name() + " " + t.name(), td.task(), td.matches(), td.splits());
    }

    /**
     * Whether a folder is evaluated at both levels in one run: no {@code --mode} given and the folder has family
     * labels ({@code family_matches.csv} and the three {@code family_} splits beside the item-level ones).
     */
    private boolean levels(Path folder) {
        if (mode != null || !Files.isRegularFile(folder.resolve("family_matches.csv"))) {
            return false;
        }
        for (String split : BenchmarkDataset.SPLITS) {
            if (!Files.isRegularFile(folder.resolve(split + ".csv"))
                    || !Files.isRegularFile(folder.resolve("family_" + split + ".csv"))) {
                return false;
            }
        }
        return true;
    }

    private static DatasetResult failed(String name, RuntimeException e) {
        return DatasetResult.failed(name, e.getMessage() != null ? e.getMessage() : e.toString());
    }

    private List<Transformation> transformations() {
        Transformation.Side side = switch (transformSide.toLowerCase(Locale.ROOT)) {
            case "left" -> Transformation.Side.LEFT;
            case "right" -> Transformation.Side.RIGHT;
            default -> throw new ParameterException(spec.commandLine(), "--transform-side: expected left or right, "
                    + "found '" + transformSide + "'");
        };
        List<Transformation> out = new ArrayList<>();
        for (String name : transforms) {
            try {
                out.addAll(Transformations.byName(name, side, seed));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--transform: " + e.getMessage());
            }
        }
        return out;
    }

    private static String f1(DatasetResult r) {
        return r.failed() ? "failed" : String.format(Locale.ROOT, "%.1f", 100 * r.f1());
    }

    private static String delta(DatasetResult base, DatasetResult t) {
        return base.failed() || t.failed() ? "" : String.format(Locale.ROOT, "%+.1f", 100 * (t.f1() - base.f1()));
    }

    private static String markdown(List<String[]> rows) {
        StringBuilder sb = new StringBuilder("| dataset | transformation | F1 untransformed | F1 transformed | change |\n"
                + "|---|---|---:|---:|---:|\n");
        for (String[] r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }

    /**
     * The columns a linkage dataset's matchers compare (what training finds without labels): one line when both
     * tables have the same columns, else the table of groups with scores and reasons.
     */
    static void printColumns(PrintWriter out, BenchmarkDataset d) {
        if (d.isDeduplication()) {
            return;
        }
        ColumnCorrespondence c = ColumnCorrespondence.of(d.left(), d.right());
        if (c.unmatchedLeft().isEmpty() && c.unmatchedRight().isEmpty()
                && c.groups().stream().allMatch(g -> g.isOneToOne() && g.left().equals(g.right()))) {
            out.println(d.name() + ": columns compared by equal names " + c.leftAttributes());
        } else {
            out.print(d.name() + ": columns compared (left ~ right)\n" + c);
        }
        out.flush();
    }

    /** Sub-folders that hold a left.csv, in name order. */
    static List<Path> datasetsUnder(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            List<Path> found = new ArrayList<>(children.filter(p -> Files.isRegularFile(p.resolve("left.csv"))).sorted().toList());
            if (found.isEmpty()) {
                throw new DataException(root, 0, 0, "no dataset folders (with a left.csv) here");
            }
            return found;
        } catch (IOException e) {
            throw new DataException(root, 0, 0, "cannot list: " + e.getMessage(), e);
        }
    }
}
