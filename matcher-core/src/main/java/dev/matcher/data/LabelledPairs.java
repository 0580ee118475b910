package dev.matcher.data;

/**
 * Record pairs with a 0/1 label each (1 = match), e.g. a train, valid or test split.
 *
 * <pre>{@code
 * LabelledPairs train = dataset.split("train").orElseThrow();
 * int positives = train.positives();
 * }</pre>
 *
 * @param pairs  the pairs, as row indices
 * @param labels one label per pair, true for a match
 */
public record LabelledPairs(Pairs pairs, boolean[] labels) {
    public LabelledPairs {
        if (pairs.size() != labels.length) {
            throw new IllegalArgumentException(pairs.size() + " pairs for " + labels.length + " labels");
        }
        labels = labels.clone();
    }

    public int size() {
        return labels.length;
    }

    public boolean label(int i) {
        return labels[i];
    }

    @Override
    public boolean[] labels() {
        return labels.clone();
    }

    public int positives() {
        int n = 0;
        for (boolean l : labels) {
            if (l) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "LabelledPairs[" + size() + " pairs, " + positives() + " matches]";
    }
}
