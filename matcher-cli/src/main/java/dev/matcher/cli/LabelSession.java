package dev.matcher.cli;

import dev.matcher.data.DataException;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.data.TextTable;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.io.Csv;
import dev.matcher.match.ActiveLearner;
import dev.matcher.match.MatchMode;
import dev.matcher.match.Matcher;
import dev.matcher.match.MatcherBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An interactive labelling session in the terminal (active learning): shows candidate pairs side by side, asks
 * y/n/u(nsure)/q(uit), saves every answer to a labels file at once (so a session can be resumed: the file's labels
 * are loaded first), retrains every few answers and returns the matcher trained on all labels.
 *
 * <pre>{@code
 * LabelSession s = new LabelSession(in, out, Path.of("labels.csv"), 100, 5);
 * Matcher m = s.run(Matcher.builder().seed(42), table, table, candidates);
 * }</pre>
 */
final class LabelSession {
    private final BufferedReader in;
    private final PrintWriter out;
    private final Path labelsFile;
    private final int maxAnswers;
    private final int batch;

    LabelSession(BufferedReader in, PrintWriter out, Path labelsFile, int maxAnswers, int retrainEvery) {
        if (maxAnswers < 0 || retrainEvery < 1) {
            throw new IllegalArgumentException("--max-labels must be >= 0 and --retrain-every >= 1");
        }
        this.in = in;
        this.out = out;
        this.labelsFile = labelsFile;
        this.maxAnswers = maxAnswers;
        this.batch = retrainEvery;
    }

    /** Runs the session over the candidate pairs (the same table twice for deduplication). */
    Matcher run(MatcherBuilder builder, MatchMode mode, Table left, Table right, Pairs candidates) {
        Task task = left == right ? Task.deduplication(left) : Task.linkage(left, right);
        boolean dedup = task.isDeduplication();
        Map<Long, Boolean> labels = new LinkedHashMap<>();     // answers in file order, resumed ones first
        if (Files.exists(labelsFile)) {
            LabelledPairs saved = LabelledPairs.read(labelsFile, task);
            for (int i = 0; i < saved.size(); i++) {
                int l = saved.pairs().left(i);
                int r = saved.pairs().right(i);
                if (dedup && l == r) {
                    continue;
                }
                labels.put(dedup ? Pairs.pack(Math.min(l, r), Math.max(l, r)) : Pairs.pack(l, r), saved.label(i));
            }
            out.printf("Resuming: %d labels loaded from %s%n", labels.size(), labelsFile);
        }
        // labelled pairs the blocker did not propose still count: add them to the pool
        Set<Long> pool = new LinkedHashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            pool.add(candidates.packed(i));
        }
        pool.addAll(labels.keySet());
        if (pool.isEmpty()) {
            throw new DataException("no candidate pairs to label: the tables share no blocking key");
        }
        ActiveLearner learner = ActiveLearner.start(builder, left, right,
                Pairs.fromPacked(pool.stream().mapToLong(Long::longValue).toArray()));
        labels.forEach((key, match) -> learner.label(Pairs.left(key), Pairs.right(key), match));
        retrainIfPossible(learner);

        String question = mode == MatchMode.VARIANT
                ? "Same product, counting other colours/sizes as the same? [y]es [n]o [u]nsure [q]uit: "
                : "Same entity? [y]es [n]o [u]nsure [q]uit: ";
        out.printf("Labelling: up to %d answers, retraining every %d; answers are saved to %s%n", maxAnswers, batch,
                labelsFile);
        Set<Long> skipped = new HashSet<>();
        int answers = 0;
        int sinceRetrain = 0;
        session:
        while (answers < maxAnswers) {
            List<Long> ask = next(learner, skipped);
            if (ask.isEmpty()) {
                out.println("No more candidate pairs to label.");
                break;
            }
            for (long key : ask) {
                if (answers >= maxAnswers) {
                    break session;
                }
                int l = Pairs.left(key);
                int r = Pairs.right(key);
                out.println();
                out.printf("Pair %d (%d labelled, %d matches)%s%n", answers + 1, labels.size(),
                        labels.values().stream().filter(b -> b).count(),
                        learner.matcher() == null ? "" : String.format(Locale.ROOT, ", match probability %.2f",
                                learner.matcher().score(left, right, l, r)));
                out.print(sideBySide(left, l, right, r));
                Character answer = ask(question);
                if (answer == null || answer == 'q') {
                    out.println("Stopping the session.");
                    break session;
                }
                answers++;
                if (answer == 'u') {
                    skipped.add(key);
                    continue;
                }
                boolean match = answer == 'y';
                learner.label(l, r, match);
                labels.put(key, match);
                save(labels, left, right);
                if (++sinceRetrain >= batch && retrainIfPossible(learner)) {
                    sinceRetrain = 0;
                    out.printf(Locale.ROOT, "Retrained on %d labels: threshold %.3f%n", learner.labelled(),
                            learner.matcher().threshold());
                }
            }
        }
        long matches = labels.values().stream().filter(b -> b).count();
        if (!learner.canTrain()) {
            throw new DataException(labelsFile, 0, 0, "need at least 2 matches and 2 non-matches to train, have "
                    + matches + " and " + (labels.size() - matches) + "; the answers are saved here: run again to continue labelling");
        }
        Matcher m = learner.retrain();
        out.printf(Locale.ROOT, "Trained on %d labels (%d matches): threshold %.3f%n", labels.size(), matches,
                m.threshold());
        out.flush();
        return m;
    }

    private List<Long> next(ActiveLearner learner, Set<Long> skipped) {
        Pairs proposed = learner.propose(batch + skipped.size());
        List<Long> ask = new ArrayList<>();
        for (int i = 0; i < proposed.size() && ask.size() < batch; i++) {
            if (!skipped.contains(proposed.packed(i))) {
                ask.add(proposed.packed(i));
            }
        }
        return ask;
    }

    private static boolean retrainIfPossible(ActiveLearner learner) {
        if (!learner.canTrain()) {
            return false;
        }
        learner.retrain();
        return true;
    }

    /** Reads an answer; null at the end of input. Asks again on anything else than y/n/u/q (or yes/no/...). */
    private Character ask(String question) {
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
            String a = line.strip().toLowerCase(Locale.ROOT);
            switch (a) {
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

    private void save(Map<Long, Boolean> labels, Table left, Table right) {
        List<String[]> rows = new ArrayList<>(labels.size());
        labels.forEach((key, match) -> rows.add(new String[] {
                left.id(Pairs.left(key)), right.id(Pairs.right(key)), match ? "1" : "0"}));
        Csv.writeRows(labelsFile, new String[] {"left_id", "right_id", "label"}, rows);
    }

    @Override
    public String toString() {
        return "LabelSession[" + labelsFile + ", up to " + maxAnswers + " answers, retrain every " + batch + "]";
    }
}
