package dev.matcher.blocking;

import dev.matcher.text.Analyzers;
import dev.matcher.data.Pairs;
import dev.matcher.util.Parallel;
import dev.matcher.data.Table;
import dev.matcher.data.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pairs records whose folded values are all equal (over the attributes both tables have, by name), with a linear
 * number of pairs: each group of identical records becomes a star around its first record (in linkage, around its
 * first left and its first right record). Identical records are duplicates whatever key they share, so this keeps them
 * together when a size guard must drop the block they crowd: 50,000 copies of one row give 49,999 pairs, not 1.25
 * billion and not none. Nulls count as empty values. Deterministic: groups by a 64-bit hash of the folded record, in
 * row order (a hash collision only adds a candidate, which the matcher then scores).
 */
final class IdenticalRecords implements Blocker {
    @Override
    public Pairs candidates(Task task) {
        LongBuffer out = new LongBuffer(16);
        for (int[] group : groups(task)) {
            star(group, task.left().size(), task.isDeduplication(), out);
        }
        return Pairs.fromPacked(LongBuffer.sortedUnique(out.toArray()));
    }

    /** For each row of a table the first row of its group of identical records (itself when it has no copy). */
    static int[] groups(Table table) {
        int[] representative = new int[table.size()];
        for (int r = 0; r < representative.length; r++) {
            representative[r] = r;
        }
        for (int[] group : groups(Task.deduplication(table))) {
            for (int r : group) {
                representative[r] = group[0];
            }
        }
        return representative;
    }

    /**
     * The groups of two or more identical records, each in node order (left rows, then right rows shifted by the
     * left size in linkage).
     */
    private static List<int[]> groups(Task task) {
        Table left = task.left();
        Table right = task.right();
        List<String> common = new ArrayList<>(left.schema().names());
        common.retainAll(right.schema().names());
        if (common.isEmpty()) {
            return List.of();
        }
        int nl = left.size();
        int nodes = task.isDeduplication() ? nl : nl + right.size();
        long[] hash = new long[nodes];
        Parallel.forRange(nodes, 4096, (from, to) -> {
            for (int u = from; u < to; u++) {
                hash[u] = u < nl ? hashOf(left, u, common) : hashOf(right, u - nl, common);
            }
            return null;
        });
        // one primitive sort on (top 33 bits of the hash, node); runs that share the prefix are split by the full hash
        long[] keyed = new long[nodes];
        for (int u = 0; u < nodes; u++) {
            keyed[u] = (hash[u] & 0xFFFFFFFF80000000L) | u;
        }
        Arrays.parallelSort(keyed);
        List<int[]> groups = new ArrayList<>();
        for (int from = 0; from < nodes; ) {
            int to = from + 1;
            while (to < nodes && (keyed[to] >>> 31) == (keyed[from] >>> 31)) {
                to++;
            }
            if (to - from > 1) {
                int[] run = new int[to - from];
                for (int i = from; i < to; i++) {
                    run[i - from] = (int) (keyed[i] & 0x7FFFFFFFL);
                }
                groups.addAll(byFullHash(run, hash));
            }
            from = to;
        }
        return groups;
    }

    /** The nodes of a run (in node order) grouped by their full hash, each group in node order. */
    private static List<int[]> byFullHash(int[] run, long[] hash) {
        List<int[]> groups = new ArrayList<>();
        boolean[] done = new boolean[run.length];
        for (int i = 0; i < run.length; i++) {
            if (done[i]) {
                continue;
            }
            IntBuffer g = new IntBuffer(run.length);
            for (int j = i; j < run.length; j++) {
                if (!done[j] && hash[run[j]] == hash[run[i]]) {
                    done[j] = true;
                    g.add(run[j]);
                }
            }
            if (g.size > 1) {
                groups.add(g.toArray());
            }
        }
        return groups;
    }

    /** Pairs of one group (nodes in order, so left records come first in linkage). */
    private static void star(int[] group, int nl, boolean dedup, LongBuffer out) {
        int first = group[0];
        if (dedup) {
            for (int i = 1; i < group.length; i++) {
                out.add(Pairs.pack(first, group[i]));
            }
            return;
        }
        int firstRight = -1;
        for (int i = 0; i < group.length && firstRight < 0; i++) {
            firstRight = group[i] >= nl ? group[i] : -1;
        }
        if (first >= nl || firstRight < 0) {
            return;                          // the group lies on one side only
        }
        for (int u : group) {
            if (u >= nl) {
                out.add(Pairs.pack(first, u - nl));
            } else if (u != first) {
                out.add(Pairs.pack(u, firstRight - nl));
            }
        }
    }

    private static long hashOf(Table t, int row, List<String> attributes) {
        StringBuilder b = new StringBuilder();
        for (String a : attributes) {
            String v = t.value(row, a);
            b.append(v == null ? "" : Analyzers.KEYS.joined(v, " ")).append('\u001f');
        }
        return KeyHash.of(b.toString(), 0);
    }

    @Override
    public String toString() {
        return "identicalRecords";
    }
}
