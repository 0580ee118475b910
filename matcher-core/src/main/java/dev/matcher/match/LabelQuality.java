package dev.matcher.match;

import dev.matcher.compare.RecordSimilarity;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Warnings about labelled pairs that will train a poor matcher, each with what to do. The usual trap: a new user
 * labels a few obvious matches and a few <em>random</em> non-matches; the model learns "anything that shares a word
 * is a match" and calls nearly every candidate pair a match. Checks:
 * <ul>
 * <li>{@link Kind#EASY_NON_MATCHES}: most labelled non-matches are less alike than 90% of the candidate pairs
 * (below the candidates' 10th percentile of a similarity, by default the whole-record TF-IDF cosine) — random pairs,
 * not the near misses a matcher must learn to reject;</li>
 * <li>{@link Kind#MOST_CANDIDATES_MATCH} (after training): more than half the candidates score at or above the
 * threshold, where matches are normally a small minority;</li>
 * <li>{@link Kind#CONFLICTING_LABELS}: a pair labelled both 1 and 0; {@link Kind#SELF_PAIRS}: a record paired with
 * itself in deduplication; {@link Kind#TOO_FEW}: fewer than {@value #MIN_PER_CLASS} matches or non-matches.</li>
 * </ul>
 *
 * <pre>{@code
 * LabelQuality q = LabelQuality.check(task, labels, candidates);        // before training
 * q.warnings().forEach(w -> System.err.println(w.message()));
 * LabelQuality after = LabelQuality.builder(labels)                      // after: with the model's scores
 *     .candidateScores(matcher.score(left, right, candidates), matcher.threshold()).check();
 * }</pre>
 */
public final class LabelQuality {
    /** What a warning is about. */
    public enum Kind { EASY_NON_MATCHES, MOST_CANDIDATES_MATCH, CONFLICTING_LABELS, SELF_PAIRS, TOO_FEW }

    /**
     * One problem.
     *
     * @param kind    what it is about
     * @param message what was found and what to do, in a sentence or two
     */
    public record Warning(Kind kind, String message) {
        public Warning {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return "warning: " + message;
        }
    }

    /** The candidates' percentile the labelled non-matches are compared with. */
    static final double PERCENTILE = 0.10;
    /** Share of labelled non-matches below that percentile that makes them look random. */
    static final double EASY_SHARE = 0.5;
    /** Default share of candidates at or above the threshold that is too many. */
    public static final double MAX_MATCH_SHARE = 0.5;
    static final int MIN_PER_CLASS = 5;
    private static final int MIN_CANDIDATES = 20;
    /** Candidates read for the percentile (evenly spread): enough for a stable estimate, bounded cost. */
    private static final int MAX_CANDIDATES = 100_000;
    private static final String NEXT_STEP = "label near misses (pairs that look alike but are different things), "
            + "or use the labelling session (dedupe/link without --labels), which picks them for you";

    private final List<Warning> warnings;

    private LabelQuality(List<Warning> warnings) {
        this.warnings = List.copyOf(warnings);
    }

    /**
     * The checks before training, with the whole-record TF-IDF cosine ({@link RecordSimilarity}) as similarity: the
     * labelled pairs against the candidates, conflicts, self-pairs and counts.
     */
    public static LabelQuality check(Task task, LabelledPairs labels, Pairs candidates) {
        RecordSimilarity s = RecordSimilarity.of(task);
        Pairs sample = sample(candidates);
        return builder(labels).task(task)
                .similarities(s.cosine(labels.pairs()), s.cosine(sample))
                .check();
    }

    /** Starts checks of the labelled pairs; add what is known, then {@link Builder#check}. */
    public static Builder builder(LabelledPairs labels) {
        return new Builder(labels);
    }

    /** The problems found, most serious first; empty when the labels look fine. */
    public List<Warning> warnings() {
        return warnings;
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }

    /** Whether a warning of that kind was found. */
    public boolean has(Kind kind) {
        return warnings.stream().anyMatch(w -> w.kind() == kind);
    }

    /** One line per warning, or a line saying there is none. */
    @Override
    public String toString() {
        if (warnings.isEmpty()) {
            return "labels: no warnings\n";
        }
        StringBuilder sb = new StringBuilder();
        for (Warning w : warnings) {
            sb.append(w).append('\n');
        }
        return sb.toString();
    }

    private static Pairs sample(Pairs candidates) {
        if (candidates.size() <= MAX_CANDIDATES) {
            return candidates;
        }
        long[] keys = new long[MAX_CANDIDATES];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = candidates.packed((int) ((long) i * candidates.size() / MAX_CANDIDATES));
        }
        return Pairs.fromPacked(keys);
    }

    /**
     * What to check the labels against: any per-pair similarity (the same measure for labelled and candidate
     * pairs), and the trained model's candidate scores with its threshold.
     */
    public static final class Builder {
        private final LabelledPairs labels;
        private Task task;
        private double[] labelSimilarity;
        private double[] candidateSimilarity;
        private double[] candidateScores;
        private double threshold;
        private double maxMatchShare = MAX_MATCH_SHARE;

        private Builder(LabelledPairs labels) {
            this.labels = Objects.requireNonNull(labels, "labels");
        }

        /** The task the labels refer to: self-pairs are checked in deduplication, pairs are named by their ids. */
        public Builder task(Task forTask) {
            this.task = Objects.requireNonNull(forTask, "task");
            return this;
        }

        /**
         * One similarity per labelled pair (in label order) and one per candidate pair (all, or a sample), by the
         * same measure: enables {@link Kind#EASY_NON_MATCHES}.
         */
        public Builder similarities(double[] perLabelledPair, double[] perCandidate) {
            if (perLabelledPair.length != labels.size()) {
                throw new IllegalArgumentException(perLabelledPair.length + " similarities for " + labels.size()
                        + " labelled pairs");
            }
            this.labelSimilarity = perLabelledPair.clone();
            this.candidateSimilarity = perCandidate.clone();
            return this;
        }

        /**
         * The trained model's score of every candidate pair and its threshold: enables
         * {@link Kind#MOST_CANDIDATES_MATCH}.
         */
        public Builder candidateScores(double[] scores, double matchThreshold) {
            this.candidateScores = scores.clone();
            this.threshold = matchThreshold;
            return this;
        }

        /** The share of candidates at or above the threshold that is too many (default {@value #MAX_MATCH_SHARE}). */
        public Builder maxMatchShare(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("share must be in (0, 1], was " + share);
            }
            this.maxMatchShare = share;
            return this;
        }

        public LabelQuality check() {
            List<Warning> out = new ArrayList<>();
            conflicts(out);
            easyNonMatches(out);
            matchShare(out);
            counts(out);
            return new LabelQuality(out);
        }

        private String name(int left, int right) {
            return task == null ? "(" + left + ", " + right + ")"
                    : "(" + task.left().id(left) + ", " + task.right().id(right) + ")";
        }

        private void conflicts(List<Warning> out) {
            Map<Long, Integer> seen = new HashMap<>();
            int conflicts = 0;
            int self = 0;
            String firstConflict = null;
            String firstSelf = null;
            boolean dedup = task != null && task.isDeduplication();
            Pairs p = labels.pairs();
            for (int i = 0; i < labels.size(); i++) {
                int l = p.left(i);
                int r = p.right(i);
                if (dedup && l == r) {
                    self++;
                    firstSelf = firstSelf == null ? name(l, r) : firstSelf;
                    continue;
                }
                long key = dedup ? Pairs.pack(Math.min(l, r), Math.max(l, r)) : Pairs.pack(l, r);
                Integer earlier = seen.putIfAbsent(key, i);
                if (earlier != null && labels.label(earlier) != labels.label(i)) {
                    conflicts++;
                    firstConflict = firstConflict == null ? name(l, r) : firstConflict;
                }
            }
            if (conflicts > 0) {
                out.add(new Warning(Kind.CONFLICTING_LABELS, String.format(Locale.ROOT,
                        "%d pair%s labelled both match and non-match, e.g. %s: decide each once, or the model learns "
                                + "noise", conflicts, conflicts == 1 ? " is" : "s are", firstConflict)));
            }
            if (self > 0) {
                out.add(new Warning(Kind.SELF_PAIRS, String.format(Locale.ROOT,
                        "%d labelled pair%s a record with itself, e.g. %s: drop them, they teach nothing", self,
                        self == 1 ? " pairs" : "s pair", firstSelf)));
            }
        }

        private void easyNonMatches(List<Warning> out) {
            if (labelSimilarity == null || candidateSimilarity.length < MIN_CANDIDATES) {
                return;
            }
            double[] sorted = candidateSimilarity.clone();
            Arrays.sort(sorted);
            double p10 = sorted[(int) Math.floor(PERCENTILE * (sorted.length - 1))];
            int negatives = 0;
            int easy = 0;
            for (int i = 0; i < labels.size(); i++) {
                if (!labels.label(i)) {
                    negatives++;
                    if (labelSimilarity[i] < p10) {
                        easy++;
                    }
                }
            }
            if (negatives >= MIN_PER_CLASS && easy >= EASY_SHARE * negatives) {
                out.add(new Warning(Kind.EASY_NON_MATCHES, String.format(Locale.ROOT,
                        "your %d non-matches look random: %d of them are less alike than 90%% of the candidate pairs "
                                + "(similarity below %.2f), so the model learns little about pairs that look alike; "
                                + "%s", negatives, easy, p10, NEXT_STEP)));
            }
        }

        private void matchShare(List<Warning> out) {
            if (candidateScores == null || candidateScores.length < MIN_CANDIDATES) {
                return;
            }
            long above = Arrays.stream(candidateScores).filter(s -> s >= threshold).count();
            double share = (double) above / candidateScores.length;
            if (share > maxMatchShare) {
                out.add(new Warning(Kind.MOST_CANDIDATES_MATCH, String.format(Locale.ROOT,
                        "the model calls %,d of %,d candidate pairs (%.1f%%) matches at threshold %.3f, where matches "
                                + "are usually a small minority: the non-matches it learned from are too easy; %s",
                        above, candidateScores.length, 100 * share, threshold, NEXT_STEP)));
            }
        }

        private void counts(List<Warning> out) {
            int positives = labels.positives();
            int negatives = labels.size() - positives;
            if (positives < MIN_PER_CLASS || negatives < MIN_PER_CLASS) {
                out.add(new Warning(Kind.TOO_FEW, String.format(Locale.ROOT,
                        "%d matches and %d non-matches: label at least %d of each (a few dozen are better)",
                        positives, negatives, MIN_PER_CLASS)));
            }
        }
    }
}
