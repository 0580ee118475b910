package dev.matcher.cli;

import dev.matcher.Labeller;
import dev.matcher.data.DataException;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.data.TextTable;
import dev.matcher.io.Csv;
import dev.matcher.match.MatchMode;
import dev.matcher.match.Matcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The labelling session of {@code dedupe} and {@code link} in the terminal: shows each pair side by side, asks
 * y/n/u(nsure)/q(uit), and saves every answer to the labels file at once, so a session can be resumed (the
 * {@link dev.matcher.Resolver} is given the file's labels first).
 *
 * <pre>{@code
 * TerminalLabeller t = TerminalLabeller.open(in, out, Path.of("labels.csv"), task, MatchMode.EXACT);
 * Resolver.builder().labels(t.resumed()).labeller(t).build().resolve(task);
 * }</pre>
 */
final class TerminalLabeller implements Labeller {
    private final BufferedReader in;
    private final PrintWriter out;
    private final Path labelsFile;
    private final String question;
    private final Map<Long, Boolean> labels = new LinkedHashMap<>();     // in file order, resumed ones first
    private final LabelledPairs resumed;
    private int asked;

    private TerminalLabeller(BufferedReader in, PrintWriter out, Path labelsFile, Task task, MatchMode mode) {
        this.in = in;
        this.out = out;
        this.labelsFile = labelsFile;
        this.question = mode == MatchMode.VARIANT
                ? "Same product, counting other colours/sizes as the same? [y]es [n]o [u]nsure [q]uit: "
                : "Same entity? [y]es [n]o [u]nsure [q]uit: ";
        this.resumed = Files.exists(labelsFile) ? LabelledPairs.read(labelsFile, task) : null;
        if (resumed != null) {
            for (int i = 0; i < resumed.size(); i++) {
                labels.put(Pairs.pack(resumed.pairs().left(i), resumed.pairs().right(i)), resumed.label(i));
            }
            out.printf("Resuming: %d labels loaded from %s%n", labels.size(), labelsFile);
        }
    }

    /** A session that saves to (and resumes from) {@code labelsFile}. */
    static TerminalLabeller open(BufferedReader in, PrintWriter out, Path labelsFile, Task task, MatchMode mode) {
        return new TerminalLabeller(in, out, labelsFile, task, mode);
    }

    /** The labels loaded from the file, or null when there was none. */
    LabelledPairs resumed() {
        return resumed;
    }

    void announce(int maxAnswers, int retrainEvery) {
        out.printf("Labelling: up to %d answers, retraining every %d; answers are saved to %s%n", maxAnswers,
                retrainEvery, labelsFile);
    }

    @Override
    public Answer label(Question q) {
        Table left = q.task().left();
        Table right = q.task().right();
        out.println();
        out.printf("Pair %d (%d labelled, %d matches)%s%n", ++asked, q.labelled(), q.matches(),
                Double.isNaN(q.probability()) ? "" : String.format(Locale.ROOT, ", match probability %.2f", q.probability()));
        out.print(sideBySide(left, q.left(), right, q.right()));
        Character answer = ask();
        if (answer == null || answer == 'q') {
            out.println("Stopping the session.");
            out.flush();
            return Answer.STOP;
        }
        if (answer == 'u') {
            return Answer.UNSURE;
        }
        labels.put(Pairs.pack(q.left(), q.right()), answer == 'y');
        save(left, right);
        return answer == 'y' ? Answer.MATCH : Answer.NON_MATCH;
    }

    @Override
    public void retrained(Matcher matcher, int labelCount) {
        out.printf(Locale.ROOT, "Retrained on %d labels: threshold %.3f%n", labelCount, matcher.threshold());
    }

    /** Whether the answers so far hold two matches and two non-matches. */
    boolean canTrain() {
        long matches = labels.values().stream().filter(b -> b).count();
        return matches >= 2 && labels.size() - matches >= 2;
    }

    /** The error when the session ended before the matcher could be trained: the answers are kept for next time. */
    DataException tooFewLabels() {
        long matches = labels.values().stream().filter(b -> b).count();
        return new DataException(labelsFile, 0, 0, "need at least 2 matches and 2 non-matches to train, have "
                + matches + " and " + (labels.size() - matches) + "; the answers are saved here: run again to continue labelling");
    }

    /** The closing line once the final matcher is trained. */
    void trained(Matcher matcher) {
        long matches = labels.values().stream().filter(b -> b).count();
        out.printf(Locale.ROOT, "Trained on %d labels (%d matches): threshold %.3f%n", labels.size(), matches,
                matcher.threshold());
        out.flush();
    }

    /** Reads an answer; null at the end of input. Asks again on anything else than y/n/u/q (or yes/no/...). */
    private Character ask() {
        while (true) {
            out.print(question);
            out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the answer: " + e.getMessage(), e);
            }
            if (line == null) {
                out.println();
                return null;
            }
            if (System.console() == null) {
                out.println(line.strip());       // piped answers: echo them so the transcript reads like a session
            }
            switch (line.strip().toLowerCase(Locale.ROOT)) {
                case "y", "yes" -> { return 'y'; }
                case "n", "no" -> { return 'n'; }
                case "u", "unsure", "?", "s", "skip" -> { return 'u'; }
                case "q", "quit", "exit" -> { return 'q'; }
                default -> out.println("Please answer y, n, u or q.");
            }
        }
    }

    /** The pair as a table: attribute | left | right, over the attributes of both tables. */
    static String sideBySide(Table left, int l, Table right, int r) {
        TextTable t = new TextTable("attribute", "left", "right");
        t.row("id", cell(left.id(l)), cell(right.id(r)));
        Set<String> names = new LinkedHashSet<>(left.schema().names());
        names.addAll(right.schema().names());
        for (String a : names) {
            t.row(a, left.schema().indexOf(a) >= 0 ? cell(left.value(l, a)) : "",
                    right.schema().indexOf(a) >= 0 ? cell(right.value(r, a)) : "");
        }
        return t.toString();
    }

    private static String cell(String v) {
        return v == null ? "" : v;     // TextTable shortens long values
    }

    private void save(Table left, Table right) {
        List<String[]> rows = new ArrayList<>(labels.size());
        labels.forEach((key, match) -> rows.add(new String[] {
                left.id(Pairs.left(key)), right.id(Pairs.right(key)), match ? "1" : "0"}));
        Csv.writeRows(labelsFile, new String[] {"left_id", "right_id", "label"}, rows);
    }

    @Override
    public String toString() {
        return "TerminalLabeller[" + labelsFile + ", " + labels.size() + " labels]";
    }
}
