package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.util.Parallel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable collection of blocks: groups of records whose pairs are candidates. Stored flat (one int array of
 * members, one of block offsets). Records are "nodes": in deduplication node {@code i} is row {@code i}; in linkage
 * nodes {@code 0..leftSize-1} are left rows and {@code leftSize + r} is right row {@code r}. Members of a block are
 * sorted, so the left members of a linkage block come first. Blocks that yield no comparison are never stored.
 *
 * <pre>{@code
 * Blocks blocks = Blockers.tokens("title").blocks(left, right);
 * System.out.println(blocks);                 // Blocks[1,234 blocks, 56,789 comparisons, largest 120]
 * Pairs candidates = blocks.purge(500).filter(0.8).pairs();
 * }</pre>
 */
public final class Blocks {
    private static final Logger LOG = LoggerFactory.getLogger(Blocks.class);
    /** Distinct candidate pairs allowed by {@link #pairs()} before the candidate guard purges the largest blocks. */
    public static final long DEFAULT_CANDIDATE_BUDGET = 100_000_000L;

    private final int leftSize;
    private final int rightSize;
    private final boolean dedup;
    private final int[] start;
    private final int[] members;
    private final int[] leftCount;
    private volatile int[][] entityIndex;

    /**
     * What the size guard dropped while building from key hashes: the caller turns it into a {@link Candidates.Cut}
     * naming the largest block's key, which only it can read back.
     */
    record GuardCut(int dropped, int largestSize, int largestMember, long largestHash) {
        static final GuardCut NONE = new GuardCut(0, 0, -1, 0);
    }

    final GuardCut guard;
    private final List<Candidates.Cut> cuts;

    private Blocks(int leftSize, int rightSize, boolean dedup, int[] start, int[] members) {
        this(leftSize, rightSize, dedup, start, members, GuardCut.NONE, List.of());
    }

    private Blocks(int leftSize, int rightSize, boolean dedup, int[] start, int[] members, GuardCut guard,
                   List<Candidates.Cut> cuts) {
        this.guard = guard;
        this.cuts = List.copyOf(cuts);
        this.leftSize = leftSize;
        this.rightSize = rightSize;
        this.dedup = dedup;
        this.start = start;
        this.members = members;
        this.leftCount = new int[start.length - 1];
        if (!dedup) {
            for (int b = 0; b < leftCount.length; b++) {
                int c = 0;
                for (int k = start[b]; k < start[b + 1] && members[k] < leftSize; k++) {
                    c++;
                }
                leftCount[b] = c;
            }
        }
    }

    /** Deduplication blocks over {@code size} records; each block lists rows (any order, duplicates ignored). */
    public static Blocks dedup(int size, int[]... blocks) {
        return fromLists(size, 0, true, blocks);
    }

    /** Linkage blocks: block {@code b} holds left rows {@code left[b]} and right rows {@code right[b]}. */
    public static Blocks linkage(int leftSize, int rightSize, int[][] left, int[][] right) {
        if (left.length != right.length) {
            throw new IllegalArgumentException(left.length + " left member lists for " + right.length + " right ones");
        }
        int[][] nodes = new int[left.length][];
        for (int b = 0; b < left.length; b++) {
            nodes[b] = new int[left[b].length + right[b].length];
            for (int k = 0; k < left[b].length; k++) {
                nodes[b][k] = checkRow(left[b][k], leftSize);
            }
            for (int k = 0; k < right[b].length; k++) {
                nodes[b][left[b].length + k] = leftSize + checkRow(right[b][k], rightSize);
            }
        }
        return fromLists(leftSize, rightSize, false, nodes);
    }

    private static int checkRow(int row, int size) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " outside 0.." + (size - 1));
        }
        return row;
    }

    /** Blocks from node lists (nodes in the combined numbering); useless blocks are dropped. */
    static Blocks fromLists(int leftSize, int rightSize, boolean dedup, int[][] blocks) {
        int nodes = dedup ? leftSize : leftSize + rightSize;
        IntBuffer st = new IntBuffer(blocks.length + 1);
        IntBuffer mem = new IntBuffer(16);
        st.add(0);
        for (int[] block : blocks) {
            int[] sorted = block.clone();
            Arrays.sort(sorted);
            int before = mem.size;
            for (int k = 0; k < sorted.length; k++) {
                if (sorted[k] < 0 || sorted[k] >= nodes) {
                    throw new IndexOutOfBoundsException("node " + sorted[k] + " outside 0.." + (nodes - 1));
                }
                if (k == 0 || sorted[k] != sorted[k - 1]) {
                    mem.add(sorted[k]);
                }
            }
            if (useful(mem.data, before, mem.size, leftSize, dedup)) {
                st.add(mem.size);
            } else {
                mem.size = before;
            }
        }
        return new Blocks(leftSize, rightSize, dedup, st.toArray(), mem.toArray());
    }

    private static boolean useful(int[] sortedMembers, int from, int to, int leftSize, boolean dedup) {
        if (to - from < 2) {
            return false;
        }
        return dedup || (sortedMembers[from] < leftSize && sortedMembers[to - 1] >= leftSize);
    }

    /**
     * Blocks from key hashes per node: nodes sharing a hash share a block. Blocks are ordered by hash value, members
     * by node, so the result does not depend on thread timing. Blocks with more than {@code maxBlockSize} members are
     * dropped (the caller logs it from {@link #guard}).
     */
    static Blocks fromKeyHashes(long[][] keys, int leftSize, int rightSize, boolean dedup, int maxBlockSize) {
        int nodes = keys.length;
        long total = 0;
        for (long[] k : keys) {
            total += k.length;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(total + " keys: too many for one block collection");
        }
        long[] all = new long[(int) total];
        int[] keyStart = new int[nodes + 1];
        for (int u = 0, n = 0; u < nodes; u++) {
            keyStart[u] = n;
            System.arraycopy(keys[u], 0, all, n, keys[u].length);
            n += keys[u].length;
            keyStart[u + 1] = n;
        }
        long[] dictionary = LongBuffer.sortedUnique(all.clone());
        // key id per entry, then a counting sort by id: members come out in node order. The hashes are uniform, so
        // their leading bits index where each run starts and a lookup searches a few neighbouring entries instead of
        // log2(dictionary) cache lines (the search was most of the time with millions of distinct keys)
        int bits = Math.max(1, Math.min(24, 64 - Long.numberOfLeadingZeros(dictionary.length)));
        int[] runStart = new int[(1 << bits) + 1];
        for (long h : dictionary) {
            runStart[run(h, bits) + 1]++;
        }
        for (int r = 0; r < 1 << bits; r++) {
            runStart[r + 1] += runStart[r];
        }
        int[] ids = new int[all.length];
        Parallel.forRange(nodes, 4096, (from, to) -> {
            for (int e = keyStart[from]; e < keyStart[to]; e++) {
                int r = run(all[e], bits);
                ids[e] = Arrays.binarySearch(dictionary, runStart[r], runStart[r + 1], all[e]);
            }
            return null;
        });
        int[] count = new int[dictionary.length + 1];
        for (int id : ids) {
            count[id + 1]++;
        }
        int[] leftPerBlock = new int[dictionary.length];
        for (int u = 0; u < Math.min(leftSize, nodes); u++) {
            for (int e = keyStart[u]; e < keyStart[u + 1]; e++) {
                leftPerBlock[ids[e]]++;
            }
        }
        // keep only blocks that give comparisons and pass the guard
        boolean[] keep = new boolean[dictionary.length];
        int kept = 0, dropped = 0, largest = 0, largestId = -1;
        for (int b = 0; b < dictionary.length; b++) {
            int size = count[b + 1];
            boolean comparisons = dedup ? size >= 2 : leftPerBlock[b] > 0 && leftPerBlock[b] < size;
            if (comparisons && size > maxBlockSize) {
                dropped++;
                if (size > largest) {
                    largest = size;
                    largestId = b;
                }
            } else if (comparisons) {
                keep[b] = true;
                kept++;
            }
        }
        int[] newId = new int[dictionary.length];
        int[] start = new int[kept + 1];
        for (int b = 0, k = 0; b < dictionary.length; b++) {
            newId[b] = keep[b] ? k : -1;
            if (keep[b]) {
                start[k + 1] = start[k] + count[b + 1];
                k++;
            }
        }
        int[] members = new int[start[kept]];
        int[] fill = Arrays.copyOf(start, kept);
        int largestMember = -1;
        for (int u = 0; u < nodes; u++) {
            for (int e = keyStart[u]; e < keyStart[u + 1]; e++) {
                int b = newId[ids[e]];
                if (b >= 0) {
                    members[fill[b]++] = u;
                } else if (ids[e] == largestId && largestMember < 0) {
                    largestMember = u;
                }
            }
        }
        return new Blocks(leftSize, rightSize, dedup, start, members, dropped == 0 ? GuardCut.NONE
                : new GuardCut(dropped, largest, largestMember, dictionary[largestId]), List.of());
    }

    /** The run of a hash among sorted hashes: its leading {@code bits} bits, in signed order. */
    private static int run(long hash, int bits) {
        return (int) ((hash >> (64 - bits)) + (1L << (bits - 1)));
    }

    /** Number of blocks. */
    public int size() {
        return start.length - 1;
    }

    public boolean isDeduplication() {
        return dedup;
    }

    public int leftSize() {
        return leftSize;
    }

    public int rightSize() {
        return dedup ? leftSize : rightSize;
    }

    /** Number of records (nodes): the table size in deduplication, both sizes added in linkage. */
    public int nodeCount() {
        return dedup ? leftSize : leftSize + rightSize;
    }

    /** Members of block {@code b} (all records). */
    public int blockSize(int b) {
        return start[b + 1] - start[b];
    }

    /** Comparisons block {@code b} asks for: {@code n(n-1)/2} in deduplication, left x right members in linkage. */
    public long comparisons(int b) {
        long n = blockSize(b);
        return dedup ? n * (n - 1) / 2 : (long) leftCount[b] * (n - leftCount[b]);
    }

    /** Sum of comparisons over all blocks (pairs in several blocks count several times). */
    public long totalComparisons() {
        long t = 0;
        for (int b = 0; b < size(); b++) {
            t += comparisons(b);
        }
        return t;
    }

    /** Sum of block sizes. */
    public long totalAssignments() {
        return members.length;
    }

    public int largestBlockSize() {
        int m = 0;
        for (int b = 0; b < size(); b++) {
            m = Math.max(m, blockSize(b));
        }
        return m;
    }

    /** Left-table rows of block {@code b} (all rows in deduplication). */
    public int[] leftRows(int b) {
        return Arrays.copyOfRange(members, start[b], dedup ? start[b + 1] : start[b] + leftCount[b]);
    }

    /** Right-table rows of block {@code b} (all rows in deduplication). */
    public int[] rightRows(int b) {
        if (dedup) {
            return leftRows(b);
        }
        int[] r = Arrays.copyOfRange(members, start[b] + leftCount[b], start[b + 1]);
        for (int k = 0; k < r.length; k++) {
            r[k] -= leftSize;
        }
        return r;
    }

    // ---- raw access for the algorithms of this package ----

    int start(int b) {
        return start[b];
    }

    int end(int b) {
        return start[b + 1];
    }

    int member(int k) {
        return members[k];
    }

    int leftCount(int b) {
        return dedup ? blockSize(b) : leftCount[b];
    }

    /** For each node the ascending ids of its blocks: {@code [0]} offsets (nodes + 1), {@code [1]} block ids. */
    int[][] entityIndex() {
        int[][] index = entityIndex;
        if (index == null) {
            int nodes = nodeCount();
            int[] nodeStart = new int[nodes + 1];
            for (int m : members) {
                nodeStart[m + 1]++;
            }
            for (int u = 0; u < nodes; u++) {
                nodeStart[u + 1] += nodeStart[u];
            }
            int[] fill = Arrays.copyOf(nodeStart, nodes);
            int[] nodeBlocks = new int[members.length];
            for (int b = 0; b < size(); b++) {
                for (int k = start[b]; k < start[b + 1]; k++) {
                    nodeBlocks[fill[members[k]]++] = b;
                }
            }
            index = new int[][] {nodeStart, nodeBlocks};
            entityIndex = index;
        }
        return index;
    }

    // ---- block cleaning ----

    /** Block purging by size: drops blocks with more than {@code maxBlockSize} records. */
    public Blocks purge(int maxBlockSize) {
        return keep(b -> blockSize(b) <= maxBlockSize);
    }

    /** Block purging by cardinality: drops blocks that ask for more than {@code maxComparisons} comparisons. */
    public Blocks purgeComparisons(long maxComparisons) {
        return keep(b -> comparisons(b) <= maxComparisons);
    }

    private Blocks keep(java.util.function.IntPredicate test) {
        IntBuffer st = new IntBuffer(size() + 1);
        IntBuffer mem = new IntBuffer(members.length);
        st.add(0);
        for (int b = 0; b < size(); b++) {
            if (test.test(b)) {
                for (int k = start[b]; k < start[b + 1]; k++) {
                    mem.add(members[k]);
                }
                st.add(mem.size);
            }
        }
        return new Blocks(leftSize, rightSize, dedup, st.toArray(), mem.toArray(), GuardCut.NONE, cuts);
    }

    /** What size guards have dropped from these blocks so far (purges the caller asked for are not cuts). */
    public List<Candidates.Cut> cuts() {
        return cuts;
    }

    /** The same blocks with one more guard cut reported. */
    Blocks withCut(Candidates.Cut cut) {
        List<Candidates.Cut> all = new ArrayList<>(cuts);
        all.add(cut);
        return new Blocks(leftSize, rightSize, dedup, start, members, GuardCut.NONE, all);
    }

    /**
     * Block filtering (Papadakis et al.): every record stays only in the {@code ratio} share of its blocks that are
     * smallest (fewest comparisons), at least one; blocks left without comparisons disappear.
     */
    public Blocks filter(double ratio) {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio must be in (0, 1], got " + ratio);
        }
        int[][] index = entityIndex();
        int[] nodeStart = index[0];
        int[] nodeBlocks = index[1];
        int nodes = nodeCount();
        long[] cost = new long[size()];
        for (int b = 0; b < cost.length; b++) {
            cost[b] = comparisons(b);
        }
        boolean[] kept = new boolean[nodeBlocks.length];
        Parallel.forRange(nodes, 2048, (from, to) -> {
            for (int u = from; u < to; u++) {
                int s = nodeStart[u];
                int n = nodeStart[u + 1] - s;
                if (n == 0) {
                    continue;
                }
                int limit = Math.max(1, (int) Math.round(ratio * n));
                // order this node's blocks by (comparisons, block id): ids ascend within a node, so one long sort of
                // (capped comparisons, position) does it without boxing
                long[] order = new long[n];
                for (int k = 0; k < n; k++) {
                    order[k] = (Math.min(cost[nodeBlocks[s + k]], (1L << 38) - 1) << 25) | k;
                }
                java.util.Arrays.sort(order);
                for (int k = 0; k < limit; k++) {
                    kept[s + (int) (order[k] & ((1 << 25) - 1))] = true;
                }
            }
            return null;
        });
        int[] newSize = new int[size()];
        for (int u = 0; u < nodes; u++) {
            for (int k = nodeStart[u]; k < nodeStart[u + 1]; k++) {
                if (kept[k]) {
                    newSize[nodeBlocks[k]]++;
                }
            }
        }
        int[][] lists = new int[size()][];
        int[] fill = new int[size()];
        for (int b = 0; b < lists.length; b++) {
            lists[b] = new int[newSize[b]];
        }
        for (int u = 0; u < nodes; u++) {
            for (int k = nodeStart[u]; k < nodeStart[u + 1]; k++) {
                if (kept[k]) {
                    int b = nodeBlocks[k];
                    lists[b][fill[b]++] = u;
                }
            }
        }
        Blocks filtered = fromLists(leftSize, rightSize, dedup, lists);
        return new Blocks(leftSize, rightSize, dedup, filtered.start, filtered.members, GuardCut.NONE, cuts);
    }

    // ---- candidate pairs ----

    /** The distinct candidate pairs of all blocks, under the default candidate guard. */
    public Pairs pairs() {
        return pairs(DEFAULT_CANDIDATE_BUDGET);
    }

    /** The distinct candidate pairs under a candidate budget (see {@link #candidates}). */
    public Pairs pairs(long budget) {
        return candidates(budget).pairs();
    }

    /**
     * The distinct candidate pairs, sorted by left then right row, with every cut reported. When there would be more
     * than {@code budget}, the guard drops the largest blocks (lowering the allowed block size) until the rest fits.
     */
    public Candidates candidates(long budget) {
        Blocks b = this;
        // counting distinct pairs costs as much as making them: first cut on comparisons, which bound them from above
        // (a pair in several blocks counts several times, hence the slack)
        while (b.totalComparisons() > 4 * budget) {
            b = b.cutAbove(b.sizeLimitFor(4.0 * budget), "candidate guard (" + budget + " candidates)");
        }
        if (b.totalComparisons() > budget) {
            long distinct = b.countPairs();
            while (distinct > budget) {
                b = b.cutAbove(b.sizeLimitFor(budget * (b.totalComparisons() / (double) distinct)),
                        "candidate guard (" + budget + " candidates)");
                distinct = b.countPairs();
            }
        }
        long t0 = System.nanoTime();
        Pairs pairs = b.emit();
        LOG.debug("{} distinct pairs from {} in {} ms", pairs.size(), b, (System.nanoTime() - t0) / 1_000_000);
        return new Candidates(pairs, b.cuts);
    }

    /** A guard's purge: the blocks up to {@code limit} records, with the cut reported. */
    private Blocks cutAbove(int limit, String guard) {
        Blocks smaller = purge(limit);
        Candidates.Cut cut = new Candidates.Cut(guard, size() - smaller.size(), limit, largestBlockSize(), "");
        LOG.debug("{}", cut);
        return smaller.withCut(cut);
    }

    /**
     * These blocks, or, when they ask for more than {@code maxComparisons} comparisons, the blocks up to the largest
     * size that keeps them within it (logged): bounds the work of whatever walks the blocks next.
     */
    Blocks withinComparisons(long maxComparisons) {
        Blocks b = this;
        while (b.totalComparisons() > maxComparisons) {
            b = b.cutAbove(b.sizeLimitFor(maxComparisons), "comparison guard (" + maxComparisons + " comparisons)");
        }
        return b;
    }

    /**
     * The largest block size such that the blocks up to that size ask for at most {@code comparisons} comparisons;
     * always below the largest block size, so that each guard round drops something.
     */
    int sizeLimitFor(double comparisons) {
        int largest = largestBlockSize();
        double[] bySize = new double[largest + 1];
        for (int b = 0; b < size(); b++) {
            bySize[blockSize(b)] += comparisons(b);
        }
        double sum = 0;
        int limit = 1;
        for (int s = 2; s < largest; s++) {
            sum += bySize[s];
            if (sum > comparisons) {
                break;
            }
            limit = s;
        }
        return limit;
    }

    /** Number of distinct candidate pairs, without building them. */
    public long countPairs() {
        long total = 0;
        for (PairChunk c : scan(false)) {
            total += c.count;
        }
        return total;
    }

    private Pairs emit() {
        PairChunk[] chunks = scan(true);
        long total = 0;
        for (PairChunk c : chunks) {
            total += c.count;
        }
        int[] l = new int[Math.toIntExact(total)];
        int[] r = new int[l.length];
        int n = 0;
        for (PairChunk c : chunks) {
            System.arraycopy(c.left.data, 0, l, n, c.left.size);
            System.arraycopy(c.right.data, 0, r, n, c.right.size);
            n += c.left.size;
        }
        return Pairs.of(l, r);
    }

    /** One chunk's pairs (when stored) and their number. */
    private static final class PairChunk {
        final IntBuffer left;
        final IntBuffer right;
        long count;

        PairChunk(boolean store) {
            left = store ? new IntBuffer(1024) : null;
            right = store ? new IntBuffer(1024) : null;
        }
    }

    /**
     * Visits, for every query node (all rows in deduplication, left rows in linkage), its distinct partners (greater
     * rows in deduplication, right rows in linkage) in ascending order; stores the pairs or only counts them.
     */
    private PairChunk[] scan(boolean store) {
        int[][] index = entityIndex();
        int[] nodeStart = index[0];
        int[] nodeBlocks = index[1];
        int shift = dedup ? 0 : leftSize;
        Parallel.Scratch<int[]> stamps = new Parallel.Scratch<>(() -> new int[nodeCount()]);
        return Parallel.map(leftSize, 1024, PairChunk[]::new, (from, to) -> {
            int[] stamp = stamps.take();
            IntBuffer partners = new IntBuffer(64);
            PairChunk chunk = new PairChunk(store);
            for (int u = from; u < to; u++) {
                partners.size = 0;
                for (int k = nodeStart[u]; k < nodeStart[u + 1]; k++) {
                    int b = nodeBlocks[k];
                    int first = dedup ? Arrays.binarySearch(members, start[b], start[b + 1], u) + 1
                            : start[b] + leftCount[b];
                    for (int m = first; m < start[b + 1]; m++) {
                        int v = members[m];
                        if (stamp[v] != u + 1) {
                            stamp[v] = u + 1;
                            partners.add(v);
                        }
                    }
                }
                chunk.count += partners.size;
                if (store) {
                    Arrays.sort(partners.data, 0, partners.size);
                    for (int p = 0; p < partners.size; p++) {
                        chunk.left.add(u);
                        chunk.right.add(partners.data[p] - shift);
                    }
                }
            }
            stamps.give(stamp);
            return chunk;
        });
    }

    @Override
    public String toString() {
        return String.format("Blocks[%,d blocks, %,d comparisons, largest %,d records%s]", size(), totalComparisons(),
                largestBlockSize(), dedup ? "" : ", linkage " + leftSize + " x " + rightSize);
    }
}
