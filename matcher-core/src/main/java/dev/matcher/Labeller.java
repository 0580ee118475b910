package dev.matcher;

import dev.matcher.data.Task;
import dev.matcher.match.Matcher;

/**
 * Answers questions about candidate pairs in a labelling session (active learning): a person at a terminal, a
 * review queue, or a known truth in an evaluation. The {@link Resolver} asks about the pairs that teach the matcher
 * most, retrains as answers come in, and stops at its label budget or when the labeller says {@link Answer#STOP}.
 *
 * <pre>{@code
 * Labeller truth = q -> gold.contains(q.left(), q.right()) ? Labeller.Answer.MATCH : Labeller.Answer.NON_MATCH;
 * Resolution r = Resolver.builder().labeller(truth).maxLabels(200).build().deduplicate(table);
 * }</pre>
 */
@FunctionalInterface
public interface Labeller {
    /** The answer to one question. */
    enum Answer { MATCH, NON_MATCH, UNSURE, STOP }

    /**
     * One question.
     *
     * @param task        the tables
     * @param left        row of the left table
     * @param right       row of the right table (the same table in deduplication)
     * @param probability the current matcher's match probability, NaN before the first training
     * @param labelled    labels so far (given ones included)
     * @param matches     matches among them
     */
    record Question(Task task, int left, int right, double probability, int labelled, int matches) {
    }

    Answer label(Question question);

    /** Called after each retraining during the session, with the new matcher and the labels it learned from. */
    default void retrained(Matcher matcher, int labels) {
    }
}
