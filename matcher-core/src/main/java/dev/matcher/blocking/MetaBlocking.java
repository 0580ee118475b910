package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.util.Parallel;

/**
 * Meta-blocking (Papadakis et al., as in JedAI): the blocks define a graph whose edges are the candidate pairs; each
 * edge is weighted by the blocks its records share, and the light edges are pruned.
 *
 * <pre>{@code
 * Blocker b = Blockers.tokens().filter(0.8).metaBlocking(Weighting.ECBS, Pruning.WNP);
 * Pairs candidates = b.candidates(left, right);
 * Pairs same = MetaBlocking.prune(Blockers.tokens().blocks(left, right), Weighting.JS, Pruning.CNP);
 * }</pre>
 */
public final class MetaBlocking implements Blocker {

    /** How an edge (pair) is weighted from the blocks its two records share. */
    public enum Weighting {
        /** Aggregate reciprocal comparisons: sum over shared blocks of 1 / comparisons(block). */
        ARCS,
        /** Common blocks: how many blocks the two records share. */
        CBS,
        /** Enhanced common blocks: CBS x log(|B| / |B_i|) x log(|B| / |B_j|). */
        ECBS,
        /** Jaccard of the two records' block sets. */
        JS,
        /** Enhanced Jaccard: JS x log(|E| / degree_i) x log(|E| / degree_j). */
        EJS,
        /**
         * Inverse block frequency: sum over shared blocks of log(records / block size). Every shared block counts and
         * rare ones count more, so a pair sharing several mid-sized blocks outweighs one sharing a single tiny block
         * (which ARCS, at 1 / comparisons, ranks first).
         */
        IDF
    }

    /** Which edges survive. */
    public enum Pruning {
        /** Weighted edge pruning: edges at least as heavy as the mean edge weight. */
        WEP,
        /** Cardinality node pruning: each record keeps its k heaviest edges, k = average blocks per record - 1. */
        CNP,
        /** Weighted node pruning: each record keeps the edges at least as heavy as its own mean edge weight. */
        WNP
    }

    private final BlockBuilder source;
    private final Weighting weighting;
    private final Pruning pruning;

    MetaBlocking(BlockBuilder source, Weighting weighting, Pruning pruning) {
        this.source = source;
        this.weighting = weighting;
        this.pruning = pruning;
    }

    @Override
    public Pairs candidates(Task task) {
        return block(task).pairs();
    }

    @Override
    public Candidates block(Task task) {
        Blocks blocks = source.blocks(task);
        return new Candidates(prune(blocks, weighting, pruning), blocks.cuts());
    }

    /** Prunes the blocks' candidate pairs; sorted by left, then right row. */
    public static Pairs prune(Blocks blocks, Weighting weighting, Pruning pruning) {
        return new Graph(blocks, weighting).prune(pruning);
    }

    /**
     * Cardinality node pruning with a given {@code k}: each record keeps its {@code k} heaviest edges (ties to the
     * lower row); a pair survives when either record keeps it. Sorted by left, then right row.
     */
    public static Pairs topK(Blocks blocks, Weighting weighting, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        return new Graph(blocks, weighting).cardinalityNodes(k);
    }

    @Override
    public String toString() {
        return source + ".metaBlocking(" + weighting + ", " + pruning + ")";
    }

    /** The blocking graph, explored node by node without storing its edges. */
    private static final class Graph {
        final Blocks blocks;
        final Weighting weighting;
        final int nodes;
        final int leftSize;
        final boolean dedup;
        final int[] nodeStart;
        final int[] nodeBlocks;
        /** What a shared block adds to an edge's sum: 1 / comparisons (ARCS) or log(records / size) (IDF). */
        final double[] blockWeight;
        int[] degree;
        double totalEdges;

        Graph(Blocks blocks, Weighting weighting) {
            this.blocks = blocks;
            this.weighting = weighting;
            this.nodes = blocks.nodeCount();
            this.leftSize = blocks.leftSize();
            this.dedup = blocks.isDeduplication();
            int[][] index = blocks.entityIndex();
            this.nodeStart = index[0];
            this.nodeBlocks = index[1];
            this.blockWeight = new double[blocks.size()];
            for (int b = 0; b < blocks.size(); b++) {
                blockWeight[b] = weighting == Weighting.IDF
                        ? Math.log((double) nodes / blocks.blockSize(b))
                        : 1.0 / Math.max(1, blocks.comparisons(b));
            }
            if (weighting == Weighting.EJS) {
                degree = new int[nodes];
                Parallel.forRange(nodes, 1024, (from, to) -> {
                    Neighbours nb = new Neighbours(nodes);
                    for (int u = from; u < to; u++) {
                        nb.collect(this, u);
                        degree[u] = nb.touched.size;
                    }
                    return null;
                });
                long sum = 0;
                for (int d : degree) {
                    sum += d;
                }
                totalEdges = sum / 2.0;
            }
        }

        int blockCount(int u) {
            return nodeStart[u + 1] - nodeStart[u];
        }

        double weight(int u, int v, int common, double sum) {
            switch (weighting) {
                case ARCS:
                case IDF:
                    return sum;
                case CBS:
                    return common;
                case ECBS: {
                    double b = blocks.size();
                    return common * Math.log(b / blockCount(u)) * Math.log(b / blockCount(v));
                }
                case JS:
                    return common / (double) (blockCount(u) + blockCount(v) - common);
                case EJS: {
                    double js = common / (double) (blockCount(u) + blockCount(v) - common);
                    return js * Math.log(totalEdges / degree[u]) * Math.log(totalEdges / degree[v]);
                }
                default:
                    throw new AssertionError(weighting);
            }
        }

        long edge(int u, int v) {
            if (dedup) {
                return Pairs.pack(Math.min(u, v), Math.max(u, v));
            }
            return u < leftSize ? Pairs.pack(u, v - leftSize) : Pairs.pack(v, u - leftSize);
        }

        Pairs prune(Pruning pruning) {
            return switch (pruning) {
                case WEP -> weightedEdges();
                case CNP -> cardinalityNodes((int) Math.max(1,
                        Math.floor((double) blocks.totalAssignments() / Math.max(1, nodes)) - 1));
                case WNP -> weightedNodes();
            };
        }

        /** Edges visited once, from their lower node (dedup) or their left node (linkage). */
        private Pairs weightedEdges() {
            int owners = dedup ? nodes : leftSize;
            double[][] sums = Parallel.map(owners, 1024, double[][]::new, (from, to) -> {
                Neighbours nb = new Neighbours(nodes);
                double sum = 0, count = 0;
                for (int u = from; u < to; u++) {
                    nb.collect(this, u);
                    for (int i = 0; i < nb.touched.size; i++) {
                        int v = nb.touched.data[i];
                        if (!dedup || v > u) {
                            sum += weight(u, v, nb.common[v], nb.sum[v]);
                            count++;
                        }
                    }
                }
                return new double[] {sum, count};
            });
            double sum = 0, count = 0;
            for (double[] s : sums) {
                sum += s[0];
                count += s[1];
            }
            double mean = count == 0 ? 0 : sum / count;
            LongBuffer[] kept = Parallel.map(owners, 1024, LongBuffer[]::new, (from, to) -> {
                Neighbours nb = new Neighbours(nodes);
                LongBuffer out = new LongBuffer(1024);
                for (int u = from; u < to; u++) {
                    nb.collect(this, u);
                    for (int i = 0; i < nb.touched.size; i++) {
                        int v = nb.touched.data[i];
                        if ((!dedup || v > u) && weight(u, v, nb.common[v], nb.sum[v]) >= mean - 1e-12) {
                            out.add(edge(u, v));
                        }
                    }
                }
                return out;
            });
            return Pairs.fromPacked(LongBuffer.sortedUnique(kept));
        }

        private Pairs cardinalityNodes(int k) {
            LongBuffer[] kept = Parallel.map(nodes, 1024, LongBuffer[]::new, (from, to) -> {
                Neighbours nb = new Neighbours(nodes);
                LongBuffer out = new LongBuffer(1024);
                int[] best = new int[k];
                double[] bestWeight = new double[k];
                for (int u = from; u < to; u++) {
                    nb.collect(this, u);
                    int n = 0;
                    for (int i = 0; i < nb.touched.size; i++) {
                        int v = nb.touched.data[i];
                        double w = weight(u, v, nb.common[v], nb.sum[v]);
                        if (n == k && !(w > bestWeight[n - 1] || (w == bestWeight[n - 1] && v < best[n - 1]))) {
                            continue;
                        }
                        int p = n < k ? n++ : n - 1;
                        while (p > 0 && (w > bestWeight[p - 1] || (w == bestWeight[p - 1] && v < best[p - 1]))) {
                            best[p] = best[p - 1];
                            bestWeight[p] = bestWeight[p - 1];
                            p--;
                        }
                        best[p] = v;
                        bestWeight[p] = w;
                    }
                    for (int i = 0; i < n; i++) {
                        out.add(edge(u, best[i]));
                    }
                }
                return out;
            });
            return Pairs.fromPacked(LongBuffer.sortedUnique(kept));
        }

        private Pairs weightedNodes() {
            LongBuffer[] kept = Parallel.map(nodes, 1024, LongBuffer[]::new, (from, to) -> {
                Neighbours nb = new Neighbours(nodes);
                LongBuffer out = new LongBuffer(1024);
                double[] w = new double[16];
                for (int u = from; u < to; u++) {
                    nb.collect(this, u);
                    int n = nb.touched.size;
                    if (w.length < n) {
                        w = new double[Math.max(n, w.length * 2)];
                    }
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        int v = nb.touched.data[i];
                        w[i] = weight(u, v, nb.common[v], nb.sum[v]);
                        sum += w[i];
                    }
                    double mean = n == 0 ? 0 : sum / n;
                    for (int i = 0; i < n; i++) {
                        if (w[i] >= mean - 1e-12) {
                            out.add(edge(u, nb.touched.data[i]));
                        }
                    }
                }
                return out;
            });
            return Pairs.fromPacked(LongBuffer.sortedUnique(kept));
        }
    }

    /** One node's neighbours with their shared-block count and block-weight sum; dense arrays reused node to node. */
    private static final class Neighbours {
        final int[] common;
        final double[] sum;
        final IntBuffer touched = new IntBuffer(64);

        Neighbours(int nodes) {
            common = new int[nodes];
            sum = new double[nodes];
        }

        void collect(Graph g, int u) {
            for (int i = 0; i < touched.size; i++) {
                common[touched.data[i]] = 0;
                sum[touched.data[i]] = 0;
            }
            touched.size = 0;
            Blocks blocks = g.blocks;
            boolean left = u < g.leftSize;
            for (int k = g.nodeStart[u]; k < g.nodeStart[u + 1]; k++) {
                int b = g.nodeBlocks[k];
                int from, to;
                if (g.dedup) {
                    from = blocks.start(b);
                    to = blocks.end(b);
                } else if (left) {
                    from = blocks.start(b) + blocks.leftCount(b);
                    to = blocks.end(b);
                } else {
                    from = blocks.start(b);
                    to = blocks.start(b) + blocks.leftCount(b);
                }
                double w = g.blockWeight[b];
                for (int m = from; m < to; m++) {
                    int v = blocks.member(m);
                    if (v == u) {
                        continue;
                    }
                    if (common[v]++ == 0) {
                        touched.add(v);
                    }
                    sum[v] += w;
                }
            }
        }
    }
}
