package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.util.Parallel;
import dev.matcher.util.Sorted;

import java.util.Arrays;

/** Union, intersection and the per-record cap. */
final class Combinators {
    private Combinators() {
    }

    record Union(Blocker first, Blocker second) implements Blocker {
        @Override
        public Pairs candidates(Task task) {
            return block(task).pairs();
        }

        @Override
        public Candidates block(Task task) {
            Candidates x = first.block(task);
            Candidates y = second.block(task);
            long[] all = LongBuffer.union(x.pairs().toPacked(), y.pairs().toPacked());
            return Candidates.of(Pairs.fromPacked(all)).withCuts(x.cuts()).withCuts(y.cuts());
        }

        @Override
        public String toString() {
            return first + " OR " + second;
        }
    }

    record Intersection(Blocker first, Blocker second) implements Blocker {
        @Override
        public Pairs candidates(Task task) {
            return block(task).pairs();
        }

        @Override
        public Candidates block(Task task) {
            if (second instanceof CategoryBlocking c) {         // a filter: no blocks of whole categories
                Candidates x = first.block(task);
                return new Candidates(c.filter(task, x.pairs()), x.cuts());
            }
            if (first instanceof CategoryBlocking c) {
                Candidates y = second.block(task);
                return new Candidates(c.filter(task, y.pairs()), y.cuts());
            }
            Candidates x = first.block(task);
            Candidates y = second.block(task);
            long[] both = Sorted.intersection(LongBuffer.sortedUnique(x.pairs().toPacked()),
                    LongBuffer.sortedUnique(y.pairs().toPacked()));
            return Candidates.of(Pairs.fromPacked(both)).withCuts(x.cuts()).withCuts(y.cuts());
        }

        @Override
        public String toString() {
            return "(" + first + ") AND (" + second + ")";
        }
    }

    /**
     * At most {@code cap} candidates per record: pairs ranked by TF-IDF cosine over all tokens (ties: lower pair
     * first), accepted best first while both of their records are below the cap.
     */
    record PerRecordCap(Blocker inner, int cap) implements Blocker {
        PerRecordCap {
            if (cap < 1) {
                throw new IllegalArgumentException("cap must be at least 1, got " + cap);
            }
        }

        @Override
        public Pairs candidates(Task task) {
            return block(task).pairs();
        }

        @Override
        public Candidates block(Task task) {
            Candidates in = inner.block(task);
            return new Candidates(cap(task, in.pairs()), in.cuts());
        }

        private Pairs cap(Task task, Pairs pairs) {
            Table left = task.left();
            Table right = task.right();
            long[] packed = LongBuffer.sortedUnique(pairs.toPacked());
            boolean dedup = task.isDeduplication();
            int nl = left.size();
            int[] perLeft = new int[nl];
            int[] perRight = dedup ? perLeft : new int[right.size()];
            if (packed.length <= cap) {
                return Pairs.fromPacked(packed);
            }
            TfIdf tfidf = TfIdf.build(task, KeyFunctions.allTokens());
            int shift = dedup ? 0 : nl;
            // rank key: quantised (1 - cosine) above the pair's index, so one long sort orders by score then pair
            long[] rank = new long[packed.length];
            Parallel.forRange(packed.length, 8192, (from, to) -> {
                for (int i = from; i < to; i++) {
                    double cos = tfidf.cosine(Pairs.left(packed[i]), Pairs.right(packed[i]) + shift);
                    long q = Math.round((1 - Math.min(1, Math.max(0, cos))) * ((1 << 22) - 1));
                    rank[i] = (q << 40) | i;
                }
                return null;
            });
            Arrays.parallelSort(rank);
            LongBuffer kept = new LongBuffer(Math.min(packed.length, (nl + perRight.length) * cap));
            for (long r : rank) {
                long p = packed[(int) (r & ((1L << 40) - 1))];
                int l = Pairs.left(p), rr = Pairs.right(p);
                if (perLeft[l] < cap && perRight[rr] < cap) {
                    perLeft[l]++;
                    perRight[rr]++;
                    kept.add(p);
                }
            }
            return Pairs.fromPacked(LongBuffer.sortedUnique(kept.toArray()));
        }

        @Override
        public String toString() {
            return inner + ".maxCandidatesPerRecord(" + cap + ")";
        }
    }
}
