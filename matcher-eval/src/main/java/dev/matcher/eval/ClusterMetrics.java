package dev.matcher.eval;

import dev.matcher.cluster.Clusters;
import dev.matcher.cluster.UnionFind;
import dev.matcher.data.Pairs;

import java.util.Arrays;
import java.util.Locale;

/**
 * How well predicted clusters agree with true ones, two ways:
 * <ul>
 *   <li><b>pairwise</b>: every pair of records put together is a predicted match; precision, recall and F1 of those
 *       pairs against the pairs together in the truth;</li>
 *   <li><b>B-cubed</b> (Bagga and Baldwin 1998): per record, the share of its predicted cluster that is truly its
 *       entity (precision) and the share of its entity that is in its predicted cluster (recall), averaged over
 *       records. Unlike pairwise scores, large clusters do not dominate.</li>
 * </ul>
 * With nothing predicted together, pairwise precision is 1 (no wrong claim); with nothing truly together, recall is 1.
 *
 * <pre>{@code
 * Clusters truth = ClusterMetrics.truth(table.size(), dataset.matches());
 * ClusterMetrics m = ClusterMetrics.of(predicted, truth);
 * m.pairF1();  m.bcubedF1();  m.predictedClusters();
 * }</pre>
 *
 * @param records           number of records
 * @param predictedClusters clusters predicted
 * @param trueClusters      clusters in the truth
 * @param predictedPairs    record pairs predicted together
 * @param truePairs         record pairs together in the truth
 * @param correctPairs      record pairs together in both
 */
public record ClusterMetrics(int records, int predictedClusters, int trueClusters, long predictedPairs,
                             long truePairs, long correctPairs, double bcubedPrecision, double bcubedRecall) {

    /** Compares predicted clusters with true ones over the same records. */
    public static ClusterMetrics of(Clusters predicted, Clusters truth) {
        return of(predicted.labels(), truth.labels());
    }

    /** Compares two labellings (one label per record; equal label = same cluster). */
    public static ClusterMetrics of(int[] predicted, int[] truth) {
        boolean[] all = new boolean[truth.length];
        Arrays.fill(all, true);
        return of(predicted, truth, all);
    }

    /**
     * Compares two labellings on the pairs that touch a scope of records (e.g. the test families of a catalogue whose
     * other records trained the model): a predicted pair counts when at least one of its records is in scope, so a
     * test record wrongly joined to a training record is a false positive. B-cubed figures are over the records in
     * scope.
     *
     * @throws IllegalArgumentException when a true cluster has records both in and out of scope (the truth must not
     *                                  cross the scope, or pairs outside it would be half counted)
     */
    public static ClusterMetrics of(int[] predicted, int[] truth, boolean[] scope) {
        if (predicted.length != truth.length || scope.length != truth.length) {
            throw new IllegalArgumentException(predicted.length + " predicted labels, " + truth.length + " true labels, "
                    + scope.length + " scope flags: one each per record");
        }
        int n = predicted.length;
        int[] p = Clusters.of(predicted).labels();
        int[] t = Clusters.of(truth).labels();
        int predictedCount = count(p);
        int trueCount = count(t);
        long[] pSize = sizes(p, predictedCount);
        long[] tSize = sizes(t, trueCount);
        long[] pIn = new long[predictedCount];
        long[] tIn = new long[trueCount];
        int inScope = 0;
        for (int r = 0; r < n; r++) {
            if (scope[r]) {
                pIn[p[r]]++;
                tIn[t[r]]++;
                inScope++;
            }
        }
        long predictedPairs = 0;
        int predictedInScope = 0;
        for (int c = 0; c < predictedCount; c++) {
            long out = pSize[c] - pIn[c];
            predictedPairs += pSize[c] * (pSize[c] - 1) / 2 - out * (out - 1) / 2;
            predictedInScope += pIn[c] > 0 ? 1 : 0;
        }
        long truePairs = 0;
        int trueInScope = 0;
        for (int c = 0; c < trueCount; c++) {
            if (tIn[c] != 0 && tIn[c] != tSize[c]) {
                throw new IllegalArgumentException("true cluster of record " + firstOf(t, c) + " has " + tIn[c]
                        + " of its " + tSize[c] + " records in scope: the scope must hold whole true clusters");
            }
            if (tIn[c] > 0) {
                truePairs += tSize[c] * (tSize[c] - 1) / 2;
                trueInScope++;
            }
        }
        long[] cells = new long[inScope];
        for (int r = 0, k = 0; r < n; r++) {
            if (scope[r]) {
                cells[k++] = Pairs.pack(p[r], t[r]);
            }
        }
        Arrays.sort(cells);
        long correct = 0;
        double bp = 0;
        double br = 0;
        for (int i = 0; i < cells.length; ) {
            int j = i;
            while (j < cells.length && cells[j] == cells[i]) {
                j++;
            }
            long both = j - i;
            correct += both * (both - 1) / 2;
            bp += (double) both * both / pSize[Pairs.left(cells[i])];
            br += (double) both * both / tSize[Pairs.right(cells[i])];
            i = j;
        }
        return new ClusterMetrics(inScope, predictedInScope, trueInScope, predictedPairs, truePairs, correct,
                inScope == 0 ? 1 : bp / inScope, inScope == 0 ? 1 : br / inScope);
    }

    private static int firstOf(int[] labels, int label) {
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] == label) {
                return r;
            }
        }
        return -1;
    }

    /** True clusters from known matching pairs: their connected components (records in no pair are alone). */
    public static Clusters truth(int recordCount, Pairs matches) {
        UnionFind uf = new UnionFind(recordCount);
        for (int i = 0; i < matches.size(); i++) {
            uf.union(matches.left(i), matches.right(i));
        }
        return Clusters.of(uf.labels());
    }

    private static int count(int[] labels) {
        int c = 0;
        for (int l : labels) {
            c = Math.max(c, l + 1);
        }
        return c;
    }

    private static long[] sizes(int[] labels, int count) {
        long[] size = new long[count];
        for (int l : labels) {
            size[l]++;
        }
        return size;
    }

    public double pairPrecision() {
        return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
    }

    public double pairRecall() {
        return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
    }

    public double pairF1() {
        return f1(pairPrecision(), pairRecall());
    }

    public double bcubedF1() {
        return f1(bcubedPrecision, bcubedRecall);
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ClusterMetrics[pairs P %.3f R %.3f F1 %.3f | B-cubed P %.3f R %.3f F1 %.3f"
                        + " | %d clusters, truth %d | %d records]", pairPrecision(), pairRecall(), pairF1(),
                bcubedPrecision, bcubedRecall, bcubedF1(), predictedClusters, trueClusters, records);
    }
}
