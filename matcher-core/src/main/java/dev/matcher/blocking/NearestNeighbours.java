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
    private final long workPerRecord;

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
        this(k, terms, relative, maxPostings, 0);
    }

    /**
     * As {@link #NearestNeighbours(int, KeyFunction, double, int)}, but terms above {@code maxPostings} are not all
     * left out: the most frequent ones are, until the search's work (postings read over all queries, for a table
     * alone the sum of each indexed term's record count squared) fits {@code workPerRecord} times the queries. Records
     * that share only frequent terms (one category word in 7,755 offers) then still find their nearest partners among
     * those, and a table where one term is everywhere still costs at most that budget (see {@link #postingLimit}).
     */
    NearestNeighbours(int k, KeyFunction terms, double relative, int maxPostings, long workPerRecord) {
        if (maxPostings < 1) {
            throw new IllegalArgumentException("maxPostings must be at least 1, got " + maxPostings);
        }
        if (workPerRecord < 0) {
            throw new IllegalArgumentException("workPerRecord must not be negative, got " + workPerRecord);
        }
        this.maxPostings = maxPostings;
        this.workPerRecord = workPerRecord;
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
        return new NearestNeighbours(k, terms, ratio, maxPostings, workPerRecord);
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
            all = propose(tfidf, index(tfidf, 0, nl, 0, nl), 0, nl, true);
        } else {
            Proposal[] a = propose(tfidf, index(tfidf, nl, tfidf.nodes, 0, nl), 0, nl, false);
            Proposal[] b = propose(tfidf, index(tfidf, 0, nl, nl, tfidf.nodes), nl, tfidf.nodes, false);
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

    /** The index over nodes {@code [from, to)} for queries from {@code [queryFrom, queryTo)}, within the postings limit. */
    private TfIdf.Index index(TfIdf tfidf, int from, int to, int queryFrom, int queryTo) {
        return tfidf.index(from, to, workPerRecord == 0 ? maxPostings
                : postingLimit(tfidf, from, to, queryFrom, queryTo, maxPostings, workPerRecord));
    }

    /**
     * The largest postings limit, at least {@code maxPostings}, at which the queries of {@code [queryFrom, queryTo)}
     * read at most {@code workPerRecord} postings each on average: every indexed term costs its postings in the index
     * times the queries holding it, and terms are admitted from the rarest up, a whole record count at a time. A term
     * in a quarter of the indexed records or more is never admitted beyond {@code maxPostings}: it separates nothing
     * (thousands of copies of one row are the identical-records blocker's to pair, in linear work).
     */
    static int postingLimit(TfIdf tfidf, int from, int to, int queryFrom, int queryTo, int maxPostings,
                            long workPerRecord) {
        int[] indexed = new int[tfidf.termCount];
        int[] queried = new int[tfidf.termCount];
        for (int u = from; u < to; u++) {
            for (int t : tfidf.terms[u]) {
                indexed[t]++;
            }
        }
        for (int u = queryFrom; u < queryTo; u++) {
            for (int t : tfidf.terms[u]) {
                queried[t]++;
            }
        }
        // work per postings count: costOf[c] = sum over terms with c postings of c x their queries
        int most = 0;
        for (int c : indexed) {
            most = Math.max(most, c);
        }
        long[] costOf = new long[most + 1];
        for (int t = 0; t < indexed.length; t++) {
            costOf[indexed[t]] += (long) indexed[t] * queried[t];
        }
        long budget = workPerRecord * Math.max(1, queryTo - queryFrom);
        int quarter = (to - from) / 4;
        long work = 0;
        int limit = maxPostings;
        for (int c = 1; c <= Math.min(most, Math.max(quarter, maxPostings)); c++) {
            work += costOf[c];
            if (c > maxPostings && work > budget) {
                break;
            }
            if (costOf[c] > 0 && c > limit) {
                limit = c;
            }
        }
        return limit;
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
                + (maxPostings < Integer.MAX_VALUE ? ", terms in <= " + maxPostings + " records" : "")
                + (workPerRecord > 0 ? " or within " + workPerRecord + " postings read per record" : "") + ")";
    }
}
