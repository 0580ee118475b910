package dev.matcher;

import dev.matcher.data.DataException;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Task;
import dev.matcher.match.ActiveLearner;
import dev.matcher.match.Matcher;
import dev.matcher.match.MatcherBuilder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Active learning with a {@link Labeller}: starts from the given labels (if any), asks about the candidate pairs the
 * current matcher is least sure of, retrains every few answers, and returns the matcher trained on all labels. Labelled
 * pairs blocking did not propose still count (they join the pool).
 */
final class LabellingSession {
    private final MatcherBuilder trainer;
    private final Task task;
    private final LabelledPairs given;
    private final Labeller labeller;
    private final int maxAnswers;
    private final int batch;
    private int labelled;

    LabellingSession(MatcherBuilder trainer, Task task, LabelledPairs given, Labeller labeller, int maxAnswers,
                     int batch) {
        this.trainer = trainer;
        this.task = task;
        this.given = given;
        this.labeller = labeller;
        this.maxAnswers = maxAnswers;
        this.batch = batch;
    }

    /** Labels known after the session (given ones included). */
    int labelled() {
        return labelled;
    }

    Matcher run(Pairs candidates) {
        Set<Long> pool = new LinkedHashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            pool.add(candidates.packed(i));
        }
        long[] givenKeys = new long[given == null ? 0 : given.size()];
        for (int i = 0; i < givenKeys.length; i++) {
            givenKeys[i] = key(given.pairs().left(i), given.pairs().right(i));
            pool.add(givenKeys[i]);
        }
        if (pool.isEmpty()) {
            throw new DataException("no candidate pairs to label: the tables share no blocking key");
        }
        ActiveLearner learner = ActiveLearner.start(trainer, task.left(), task.right(),
                Pairs.fromPacked(pool.stream().mapToLong(Long::longValue).toArray()));
        for (int i = 0; i < givenKeys.length; i++) {
            learner.label(Pairs.left(givenKeys[i]), Pairs.right(givenKeys[i]), given.label(i));
        }
        int matches = given == null ? 0 : given.positives();
        retrainIfPossible(learner);
        Set<Long> skipped = new HashSet<>();
        int answers = 0;
        int sinceRetrain = 0;
        session:
        while (answers < maxAnswers) {
            List<Long> ask = next(learner, skipped);
            if (ask.isEmpty()) {
                break;
            }
            for (long key : ask) {
                if (answers >= maxAnswers) {
                    break session;
                }
                int l = Pairs.left(key);
                int r = Pairs.right(key);
                double p = learner.matcher() == null ? Double.NaN
                        : learner.matcher().score(task.left(), task.right(), l, r);
                Labeller.Answer answer = labeller.label(new Labeller.Question(task, l, r, p, learner.labelled(), matches));
                if (answer == null || answer == Labeller.Answer.STOP) {
                    break session;
                }
                answers++;
                if (answer == Labeller.Answer.UNSURE) {
                    skipped.add(key);
                    continue;
                }
                boolean match = answer == Labeller.Answer.MATCH;
                learner.label(l, r, match);
                matches += match ? 1 : 0;
                if (++sinceRetrain >= batch && retrainIfPossible(learner)) {
                    sinceRetrain = 0;
                    labeller.retrained(learner.matcher(), learner.labelled());
                }
            }
        }
        labelled = learner.labelled();
        if (!learner.canTrain()) {
            throw new DataException("need at least 2 matches and 2 non-matches to train, have " + matches + " and "
                    + (labelled - matches) + ": label more pairs");
        }
        return learner.retrain();
    }

    /** Pool keys: in deduplication a pair is unordered, so (b, a) is stored as (a, b) like the blocker's pairs. */
    private long key(int l, int r) {
        return task.isDeduplication() ? Pairs.pack(Math.min(l, r), Math.max(l, r)) : Pairs.pack(l, r);
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
}
