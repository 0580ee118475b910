package dev.matcher.blocking;

import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.util.Parallel;

/**
 * MinHash LSH: each record's set of shingles (the keys of a {@link KeyFunction}: tokens or q-grams) gets
 * {@code bands x rows} MinHash values; records agreeing on all {@code rows} values of any band share a block. Two
 * sets of Jaccard similarity {@code s} collide with probability {@code 1 - (1 - s^rows)^bands}, which rises steeply
 * around {@code (1/bands)^(1/rows)}.
 */
final class MinHashBlocking implements BlockBuilder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MinHashBlocking.class);
    private final int bands;
    private final int rows;
    private final KeyFunction shingles;
    private final long[] seeds;
    private final int maxBlockSize;

    MinHashBlocking(int bands, int rows, KeyFunction shingles) {
        this(bands, rows, shingles, KeyBlocking.DEFAULT_MAX_BLOCK_SIZE);
    }

    MinHashBlocking(int bands, int rows, KeyFunction shingles, int maxBlockSize) {
        this.maxBlockSize = maxBlockSize;
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be at least 1, got " + bands + " x " + rows);
        }
        this.bands = bands;
        this.rows = rows;
        this.shingles = shingles;
        this.seeds = new long[bands * rows];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = KeyHash.mix(0x5DEECE66DL + i * 0x9E3779B97F4A7C15L);
        }
    }

    /** Sets the size guard on buckets. */
    @Override
    public MinHashBlocking maxBlockSize(int size) {
        return new MinHashBlocking(bands, rows, shingles, size);
    }

    /** The bands x rows split (at most {@code maxHashes} hashes) whose threshold is closest to {@code jaccard}. */
    static int[] bandsAndRows(double jaccard, int maxHashes) {
        if (!(jaccard > 0 && jaccard < 1)) {
            throw new IllegalArgumentException("jaccard must be in (0, 1), got " + jaccard);
        }
        int[] best = {1, 1};
        double bestError = Double.MAX_VALUE;
        for (int r = 1; r <= maxHashes; r++) {
            for (int b = 1; b * r <= maxHashes; b++) {
                double error = Math.abs(Math.pow(1.0 / b, 1.0 / r) - jaccard);
                if (error < bestError - 1e-12) {
                    bestError = error;
                    best = new int[] {b, r};
                }
            }
        }
        return best;
    }

    /** The similarity at which a pair becomes a candidate with probability about one half. */
    double threshold() {
        return Math.pow(1.0 / bands, 1.0 / rows);
    }

    @Override
    public Blocks blocks(Task task) {
        Table left = task.left();
        Table right = task.right();
        boolean dedup = task.isDeduplication();
        KeyFunction.RowKeys l = shingles.bind(left);
        KeyFunction.RowKeys r = dedup ? l : shingles.bind(right);
        int nl = left.size();
        int nodes = dedup ? nl : nl + right.size();
        long[][] keys = new long[nodes][];
        Parallel.forRange(nodes, 512, (from, to) -> {
            long[] signature = new long[seeds.length];
            for (int u = from; u < to; u++) {
                String[] s = u < nl ? l.keys(u) : r.keys(u - nl);
                if (s.length == 0) {
                    keys[u] = new long[0];
                    continue;
                }
                java.util.Arrays.fill(signature, Long.MAX_VALUE);
                for (String shingle : s) {
                    long h = KeyHash.of(shingle, 0);
                    for (int i = 0; i < seeds.length; i++) {
                        long m = KeyHash.mix(h ^ seeds[i]);
                        if (m < signature[i]) {
                            signature[i] = m;
                        }
                    }
                }
                long[] bandKeys = new long[bands];
                for (int b = 0; b < bands; b++) {
                    long h = KeyHash.mix(b + 1L);
                    for (int i = b * rows; i < (b + 1) * rows; i++) {
                        h = KeyHash.mix(h * 31 + signature[i]);
                    }
                    bandKeys[b] = h;
                }
                keys[u] = LongBuffer.sortedUnique(bandKeys);
            }
            return null;
        });
        Blocks blocks = Blocks.fromKeyHashes(keys, nl, dedup ? 0 : right.size(), dedup, maxBlockSize);
        if (blocks.guard.dropped() > 0) {
            LOG.warn("{}: size guard dropped {} buckets with more than {} records (largest {} records)", this,
                    blocks.guard.dropped(), maxBlockSize, blocks.guard.largestSize());
        }
        return blocks;
    }

    @Override
    public String toString() {
        return String.format("minHash(%s, %d bands x %d rows, threshold ~%.2f)", shingles, bands, rows, threshold());
    }
}
