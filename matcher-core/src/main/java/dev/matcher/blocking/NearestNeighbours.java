package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.util.Parallel;

/**
 * Exact top-k nearest-neighbour blocking: each record proposes the {@code k} records most similar to it by TF-IDF
 * cosine over its terms, found through a sparse inverted index (every shared term is scored; no approximation). In
 * linkage both sides propose (left to right and right to left); the candidates are the union.
 */
final class NearestNeighbours implements Blocker {
    private final int k;
    private final KeyFunction terms;
    private final double relative;
    private final int maxPostings;

    NearestNeighbours(int k, KeyFunction terms) {
        this(k, terms, 0);
    }

    NearestNeighbours(int k, KeyFunction terms, double relative) {
        this(k, terms, relative, Integer.MAX_VALUE);
    }

    /**
     * With {@code maxPostings} below the table size the search is no longer exact: terms found in more records than
     * that are left out of the index (they still count in each vector's norm), which bounds the work per query.
     */
    NearestNeighbours(int k, KeyFunction terms, double relative, int maxPostings) {
        this.maxPostings = maxPostings;
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
        return new NearestNeighbours(k, terms, ratio, maxPostings);
    }

    @Override
    public Pairs candidates(Task task) {
        return Pairs.fromPacked(forEachK(task, new int[] {k})[0]);
    }

    /**
     * The candidates for several smaller neighbour counts at once (one search with this blocker's k): element
     * {@code i} holds the sorted packed pairs of {@code nearestNeighbours(ks[i])}.
     */
    long[][] forEachK(Task task, int[] ks) {
        Table left = task.left();
        boolean dedup = task.isDeduplication();
        TfIdf tfidf = TfIdf.build(task, terms);
        int nl = left.size();
        Proposal[] all;
        if (dedup) {
            all = propose(tfidf, tfidf.index(0, nl, maxPostings), 0, nl, true);
        } else {
            Proposal[] a = propose(tfidf, tfidf.index(nl, tfidf.nodes, maxPostings), 0, nl, false);
            Proposal[] b = propose(tfidf, tfidf.index(0, nl, maxPostings), nl, tfidf.nodes, false);
            all = new Proposal[a.length + b.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(b, 0, all, a.length, b.length);
        }
        long[][] out = new long[ks.length][];
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] > k) {
                throw new IllegalArgumentException(ks[i] + " neighbours asked of a search for " + k);
            }
            LongBuffer pairs = new LongBuffer(1024);
            for (Proposal p : all) {
                for (int j = 0; j < p.pairs.size; j++) {
                    if (p.ranks.data[j] < ks[i]) {
                        pairs.add(p.pairs.data[j]);
                    }
                }
            }
            out[i] = LongBuffer.sortedUnique(pairs.toArray());
        }
        return out;
    }

    /** One chunk's proposed pairs with the rank (0 = best) of the partner in the proposing record's list. */
    private record Proposal(LongBuffer pairs, IntBuffer ranks) {
    }

    private Proposal[] propose(TfIdf tfidf, TfIdf.Index index, int from, int to, boolean dedup) {
        int nl = tfidf.leftSize;
        Parallel.Scratch<TfIdf.Accumulator> scratch = new Parallel.Scratch<>(() -> new TfIdf.Accumulator(tfidf.nodes));
        return Parallel.map(to - from, 256, Proposal[]::new, (a, b) -> {
            TfIdf.Accumulator acc = scratch.take();
            Proposal out = new Proposal(new LongBuffer((b - a) * k), new IntBuffer((b - a) * k));
            int[] best = new int[k];
            double[] bestScore = new double[k];
            for (int u = from + a; u < from + b; u++) {
                acc.query(tfidf, index, u);
                int n = acc.top(k, u, best, bestScore);
                for (int i = 0; i < n && bestScore[i] >= relative * bestScore[0]; i++) {
                    int v = best[i];
                    if (dedup) {
                        out.pairs.add(Pairs.pack(Math.min(u, v), Math.max(u, v)));
                    } else {
                        out.pairs.add(u < nl ? Pairs.pack(u, v - nl) : Pairs.pack(v, u - nl));
                    }
                    out.ranks.add(i);
                }
            }
            acc.clear();
            scratch.give(acc);
            return out;
        });
    }

    @Override
    public String toString() {
        return "nearestNeighbours(" + k + ", " + terms + (relative > 0 ? ", score >= " + relative + " x best" : "")
                + (maxPostings < Integer.MAX_VALUE ? ", terms in <= " + maxPostings + " records" : "") + ")";
    }
}
