package dev.matcher.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Markdown leaderboard: one row per dataset, our figures beside the published ones, then two averages: over
 * every task we ran, and over the tasks that have published figures (the fair comparison).
 */
final class Leaderboard {
    private static final String[] HEADER = {"dataset", "task", "P", "R", "F1", "PC", "PQ", "cluster F1", "train s",
            "score s", "Magellan", "DeepMatcher", "Ditto", "Δ Ditto"};

    private Leaderboard() {
    }

    static String markdown(Report report) {
        StringBuilder b = new StringBuilder("# ").append(report.title()).append("\n\n");
        for (Map.Entry<String, String> e : report.context().entrySet()) {
            b.append("- ").append(e.getKey()).append(": ").append(e.getValue().contains("`") ? e.getValue()
                    : "`" + e.getValue() + "`").append('\n');
        }
        if (!report.context().isEmpty()) {
            b.append('\n');
        }
        b.append("F1, precision (P) and recall (R) in percent on the evaluated pairs (for datasets with labelled "
                + "splits: the test split, threshold chosen on the valid split). "
                + "PC/PQ: blocking pair completeness and quality. "
                + "Published F1: Mudgal et al. 2018 (Magellan, DeepMatcher), Li et al. 2021 (Ditto).\n\n");
        List<String[]> rows = new ArrayList<>();
        for (DatasetResult r : report.results()) {
            PublishedResult p = r.published().orElse(null);
            rows.add(new String[] {
                    "`" + r.name() + "`", r.task() == null ? Format.NONE : r.task(),
                    Format.percent(r.precision()), Format.percent(r.recall()), bold(r), 
                    r.blocking() == null ? Format.NONE : Format.fixed(r.blocking().pairCompleteness(), 3),
                    r.blocking() == null ? Format.NONE : Format.fixed(r.blocking().pairQuality(), 3),
                    Format.percent(r.clusterF1()),
                    Format.seconds(r.seconds("train")), Format.seconds(r.seconds("score")),
                    p == null ? Format.NONE : Format.fixed(p.magellan(), 1),
                    p == null ? Format.NONE : Format.fixed(p.deepMatcher(), 1),
                    p == null ? Format.NONE : Format.fixed(p.ditto(), 2),
                    p == null ? Format.NONE : Format.delta(100 * r.f1() - p.ditto())});
        }
        Averages all = Averages.of(report, false);
        Averages published = Averages.of(report, true);
        if (all.count > 0) {
            rows.add(averageRow("average over " + all.count + " tasks", all, false));
        }
        if (published.count > 0) {
            rows.add(averageRow("average over " + published.count + " tasks with published F1", published, true));
        }
        table(b, rows);
        for (DatasetResult r : report.results()) {
            if (r.failed()) {
                b.append("\n- `").append(r.name()).append("` failed: ").append(r.note());
            }
        }
        return b.toString();
    }

    private static String bold(DatasetResult r) {
        String f1 = Format.percent(r.f1());
        PublishedResult p = r.published().orElse(null);
        boolean best = p != null && 100 * r.f1() >= Math.max(p.ditto(), Math.max(p.magellan(), p.deepMatcher()));
        return best ? "**" + f1 + "**" : f1;
    }

    private static String[] averageRow(String label, Averages a, boolean withPublished) {
        return new String[] {"*" + label + "*", "", Format.percent(a.precision), Format.percent(a.recall),
                "*" + Format.percent(a.f1) + "*", "", "", "", Format.seconds(a.trainSeconds),
                Format.seconds(a.scoreSeconds),
                withPublished ? Format.fixed(a.magellan, 1) : "", withPublished ? Format.fixed(a.deepMatcher, 1) : "",
                withPublished ? Format.fixed(a.ditto, 1) : "",
                withPublished ? Format.delta(100 * a.f1 - a.ditto) : ""};
    }

    private static void table(StringBuilder b, List<String[]> rows) {
        b.append('|');
        for (String h : HEADER) {
            b.append(' ').append(h).append(" |");
        }
        b.append("\n|");
        for (int i = 0; i < HEADER.length; i++) {
            b.append(i < 2 ? "---|" : "---:|");
        }
        b.append('\n');
        for (String[] row : rows) {
            b.append('|');
            for (String cell : row) {
                b.append(' ').append(cell.replace("|", "\\|")).append(" |");
            }
            b.append('\n');
        }
    }

    /** Means over the datasets with a pair decision (optionally only those with published figures). */
    static final class Averages {
        int count;
        double precision;
        double recall;
        double f1;
        double trainSeconds;
        double scoreSeconds;
        double magellan;
        double deepMatcher;
        double ditto;

        static Averages of(Report report, boolean publishedOnly) {
            Averages a = new Averages();
            int timedTrain = 0;
            int timedScore = 0;
            for (DatasetResult r : report.results()) {
                PublishedResult p = r.published().orElse(null);
                if (r.decision() == null || (publishedOnly && p == null)) {
                    continue;
                }
                a.count++;
                a.precision += r.precision();
                a.recall += r.recall();
                a.f1 += r.f1();
                if (Double.isFinite(r.seconds("train"))) {
                    a.trainSeconds += r.seconds("train");
                    timedTrain++;
                }
                if (Double.isFinite(r.seconds("score"))) {
                    a.scoreSeconds += r.seconds("score");
                    timedScore++;
                }
                if (p != null) {
                    a.magellan += p.magellan();
                    a.deepMatcher += p.deepMatcher();
                    a.ditto += p.ditto();
                }
            }
            int n = Math.max(1, a.count);
            a.precision /= n;
            a.recall /= n;
            a.f1 /= n;
            a.magellan /= n;
            a.deepMatcher /= n;
            a.ditto /= n;
            a.trainSeconds = timedTrain == 0 ? Double.NaN : a.trainSeconds / timedTrain;
            a.scoreSeconds = timedScore == 0 ? Double.NaN : a.scoreSeconds / timedScore;
            return a;
        }
    }
}
