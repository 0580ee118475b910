package dev.matcher.bench;

import dev.matcher.blocking.Blocker;
import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.BlockingMetrics;
import dev.matcher.classify.RecordCategories;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.TextTable;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.eval.ClassificationEval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Blocking by predicted category on a deduplication dataset with a complete gold standard: pair completeness and
 * pairs quality of {@code Blockers.auto()} alone and intersected with {@code Blockers.categories} at each label
 * level. The categories are cross-fitted (5 folds grouped by {@code clusters.csv}: no record is categorized by a
 * classifier that saw its label), and the blocker reads the table without the label columns.
 *
 * <pre>{@code
 * java -cp benchmarks.jar dev.matcher.bench.CategoryBlockingReport DATASETS/ali_ember_multimodal category_coarse,category_fine
 * java -cp benchmarks.jar dev.matcher.bench.CategoryBlockingReport DATASETS/pricerunner_products category_label category_id
 * }</pre>
 */
public final class CategoryBlockingReport {
    private CategoryBlockingReport() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: CategoryBlockingReport <dataset folder> <label[,finer]> [columns to drop]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        List<String> labels = List.of(args[1].split(","));
        BenchmarkDataset d = BenchmarkDataset.load(folder);
        if (args.length > 2) {
            d = d.withoutColumns(List.of(args[2].split(",")));
        }
        Path clusters = folder.resolve("clusters.csv");
        long start = System.nanoTime();
        RecordCategories cats = ClassificationEval.crossFitted(d.left(), labels,
                Files.isRegularFile(clusters) ? clusters : null, 5, 42);
        System.out.printf(Locale.ROOT, "cross-fitted categories of %,d records in %.1f s%n", cats.size(),
                (System.nanoTime() - start) / 1e9);
        Table matched = d.withoutColumns(labels).left();
        TextTable t = new TextTable("blocker", "candidates", "PC", "PQ", "RR");
        row(t, "auto", Blockers.auto(), matched, d.matches());
        for (String level : labels) {
            row(t, "auto AND categories(" + level + ")",
                    Blockers.auto().and(Blockers.categories(table -> cats, level)), matched, d.matches());
        }
        System.out.println(d.name() + " (" + String.join(", ", matched.schema().names()) + ")");
        System.out.print(t);
        for (int l = 0; l < labels.size(); l++) {
            int right = 0;
            String[] truth = ClassificationEval.truth(BenchmarkDataset.load(folder).left(), labels)[l];
            for (int r = 0; r < cats.size(); r++) {
                right += truth[r] != null && truth[r].equals(leafName(cats.predicted(r, l))) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "cross-fitted accuracy of %s: %.4f%n", labels.get(l),
                    (double) right / cats.size());
        }
    }

    /** A level's class name is the path of its classes: the last part is the class. */
    private static String leafName(String path) {
        return path == null ? null : path.substring(path.lastIndexOf(" > ") < 0 ? 0 : path.lastIndexOf(" > ") + 3);
    }

    private static void row(TextTable t, String name, Blocker b, Table table, Pairs gold) {
        Pairs p = b.candidates(table);
        BlockingMetrics m = BlockingMetrics.of(p, gold, table.size(), table.size(), true);
        t.row(name, String.format(Locale.ROOT, "%,d", p.size()), String.format(Locale.ROOT, "%.4f",
                m.pairCompleteness()), String.format(Locale.ROOT, "%.4f", m.pairsQuality()),
                String.format(Locale.ROOT, "%.5f", m.reductionRatio()));
    }
}
