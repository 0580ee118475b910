package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;

/**
 * Exact top-k nearest-neighbour blocking: each record proposes the {@code k} records most similar to it by TF-IDF
 * cosine over its terms, found through a sparse inverted index (every shared term is scored; no approximation). In
 * linkage both sides propose (left to right and right to left); the candidates are the union.
 */
final class NearestNeighbours implements Blocking {
    private final int k;
    private final KeyFunction terms;
    private final double relative;

    NearestNeighbours(int k, KeyFunction terms) {
        this(k, terms, 0);
    }

    NearestNeighbours(int k, KeyFunction terms, double relative) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (!(relative >= 0 && relative <= 1)) {
            throw new IllegalArgumentException("relative must be in [0, 1], got " + relative);
        }
        this.k = k;
        this.terms = terms;
        this.relative = relative;
    }

    /**
     * Keeps, of each record's k neighbours, only those scoring at least {@code ratio} times its best neighbour's
     * score: records with one clear partner propose one, ambiguous ones propose up to k.
     */
    NearestNeighbours relativeTo(double ratio) {
        return new NearestNeighbours(k, terms, ratio);
    }

    @Override
    public Pairs candidates(Table left, Table right) {
        boolean dedup = left == right;
        TfIdf tfidf = TfIdf.build(left, right, terms);
        int nl = left.size();
        if (dedup) {
            return Pairs.fromPacked(LongBuffer.sortedUnique(propose(tfidf, tfidf.index(0, nl), 0, nl, true)));
        }
        LongBuffer[] a = propose(tfidf, tfidf.index(nl, tfidf.nodes), 0, nl, false);
        LongBuffer[] b = propose(tfidf, tfidf.index(0, nl), nl, tfidf.nodes, false);
        LongBuffer[] both = new LongBuffer[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return Pairs.fromPacked(LongBuffer.sortedUnique(both));
    }

    private LongBuffer[] propose(TfIdf tfidf, TfIdf.Index index, int from, int to, boolean dedup) {
        int nl = tfidf.leftSize;
        Parallel.Scratch<TfIdf.Accumulator> scratch = new Parallel.Scratch<>(() -> new TfIdf.Accumulator(tfidf.nodes));
        return Parallel.map(to - from, 256, LongBuffer[]::new, (a, b) -> {
            TfIdf.Accumulator acc = scratch.take();
            LongBuffer out = new LongBuffer((b - a) * k);
            int[] best = new int[k];
            double[] bestScore = new double[k];
            for (int u = from + a; u < from + b; u++) {
                acc.query(tfidf, index, u);
                int n = acc.top(k, u, best, bestScore);
                for (int i = 0; i < n && bestScore[i] >= relative * bestScore[0]; i++) {
                    int v = best[i];
                    if (dedup) {
                        out.add(Pairs.pack(Math.min(u, v), Math.max(u, v)));
                    } else {
                        out.add(u < nl ? Pairs.pack(u, v - nl) : Pairs.pack(v, u - nl));
                    }
                }
            }
            acc.clear();
            scratch.give(acc);
            return out;
        });
    }

    @Override
    public String toString() {
        return "nearestNeighbours(" + k + ", " + terms + (relative > 0 ? ", score >= " + relative + " x best" : "") + ")";
    }
}
