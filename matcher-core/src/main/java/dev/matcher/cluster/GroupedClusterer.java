package dev.matcher.cluster;

import dev.matcher.data.Pairs;

/**
 * A clusterer over groups of records known to belong together (e.g. identical records): each group is clustered as
 * its representative, whose pairs are the group's pairs to other groups, and every member joins its representative's
 * cluster. Keeps a group whole whatever the linkage says (average linkage would not merge a star of 50,000 identical
 * records) and clusters fewer nodes.
 */
record GroupedClusterer(Clusterer inner, int[] representative) implements Clusterer {
    GroupedClusterer {
        for (int r = 0; r < representative.length; r++) {
            int rep = representative[r];
            if (rep < 0 || rep >= representative.length || representative[rep] != rep) {
                throw new IllegalArgumentException("record " + r + " has representative " + rep
                        + ", which is not its own representative");
            }
        }
    }

    @Override
    public Clusters cluster(int recordCount, ScoredPairs pairs) {
        if (recordCount != representative.length) {
            throw new IllegalArgumentException(recordCount + " records for " + representative.length + " representatives");
        }
        int m = 0;
        for (int i = 0; i < pairs.size(); i++) {
            m += representative[pairs.left(i)] != representative[pairs.right(i)] ? 1 : 0;
        }
        int[] l = new int[m];
        int[] r = new int[m];
        double[] s = new double[m];
        for (int i = 0, k = 0; i < pairs.size(); i++) {
            int a = representative[pairs.left(i)];
            int b = representative[pairs.right(i)];
            if (a != b) {
                l[k] = Math.min(a, b);
                r[k] = Math.max(a, b);
                s[k++] = pairs.score(i);
            }
        }
        int[] labels = inner.cluster(recordCount, new ScoredPairs(Pairs.of(l, r), s)).labels();
        int[] expanded = new int[recordCount];
        for (int i = 0; i < recordCount; i++) {
            expanded[i] = labels[representative[i]];
        }
        return Clusters.of(expanded, pairs);
    }

    @Override
    public String toString() {
        return inner + ", identical records kept together";
    }
}
