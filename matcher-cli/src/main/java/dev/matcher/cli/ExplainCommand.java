package dev.matcher.cli;

import dev.matcher.data.DataException;
import dev.matcher.data.SchemaInference;
import dev.matcher.data.Table;
import dev.matcher.match.Explanation;
import dev.matcher.match.Matcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code matcher explain}: why a saved model matches (or not) one pair of records.
 *
 * <pre>{@code
 * matcher explain --model model.bin --left products.csv p17 p230
 * }</pre>
 */
@Command(name = "explain", sortOptions = false, description = {
        "Explain why a saved model matches (or not) one pair of records.",
        "Shows the two records side by side, the match probability and decision,",
        "and each feature's value and contribution (positive pushes toward match).",
        "Without --right both ids are rows of --left."})
final class ExplainCommand implements Runnable {
    @Option(names = "--model", required = true, paramLabel = "M.bin", description = "A model saved by 'matcher train'.")
    Path modelFile;

    @Option(names = "--left", required = true, paramLabel = "FILE", description = "Left table (the only one for deduplication).")
    Path leftFile;

    @Option(names = "--right", paramLabel = "FILE", description = "Right table (record linkage).")
    Path rightFile;

    @Parameters(index = "0", paramLabel = "LEFT_ID", description = "Id of the left record.")
    String leftId;

    @Parameters(index = "1", paramLabel = "RIGHT_ID", description = "Id of the right record.")
    String rightId;

    @Option(names = "--features", defaultValue = "15", description = "Features to list (default ${DEFAULT-VALUE}); the rest are summed.")
    int features;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Matcher m = Matcher.load(modelFile);
        Table left = Table.read(leftFile);
        Table right = left;
        Path rightPath = leftFile;
        if (rightFile != null) {
            List<Table> both = SchemaInference.harmonize(left, Table.read(rightFile));
            left = both.get(0);
            right = both.get(1);
            rightPath = rightFile;
        }
        int l = row(left, leftFile, leftId);
        int r = row(right, rightPath, rightId);
        Explanation e = m.explain(left, right, l, r);
        out.print(TerminalLabeller.sideBySide(left, l, right, r));
        boolean match = e.probability() >= m.threshold();
        out.printf(Locale.ROOT, "%s: probability %.3f %s threshold %.3f (%s mode)%n", match ? "MATCH" : "NO MATCH",
                e.probability(), match ? ">=" : "<", m.threshold(), m.mode().name().toLowerCase(Locale.ROOT));
        out.print(e.toString(features));
    }

    private static int row(Table table, Path file, String id) {
        int row = table.indexOf(id);
        if (row < 0) {
            throw new DataException(file, 0, 0, "unknown id '" + id + "': no such record in " + table.name());
        }
        return row;
    }
}
