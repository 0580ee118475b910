package dev.matcher.cluster;

/** Records joined by any chain of pairs scoring at least the threshold. */
final class ConnectedComponents implements Clusterer {
    private final double threshold;

    ConnectedComponents(double threshold) {
        this.threshold = Clusterers.checkThreshold(threshold);
    }

    @Override
    public Clusters cluster(int recordCount, ScoredPairs pairs) {
        return Clusters.of(Graph.of(recordCount, pairs, threshold).components().labels(), pairs);
    }

    @Override
    public String toString() {
        return "connectedComponents(" + threshold + ")";
    }
}
