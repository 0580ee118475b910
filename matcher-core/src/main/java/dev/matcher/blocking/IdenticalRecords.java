package dev.matcher.blocking;

import dev.matcher.data.Column;
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
        Column[] lc = columns(left, common);
        Column[] rc = columns(right, common);
        long[] hash = new long[nodes];
        Parallel.forRange(nodes, 4096, (from, to) -> {
            for (int u = from; u < to; u++) {
                hash[u] = u < nl ? hashOf(lc, u) : hashOf(rc, u - nl);
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

    private static Column[] columns(Table t, List<String> names) {
        Column[] c = new Column[names.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = t.column(names.get(i));
        }
        return c;
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

    /**
     * {@code KeyHash.of(v1 + US + v2 + US + ...)} of the record's values cleaned by the key analyzer
     * ({@code Analyzers.KEYS.joined(v, " ")}, null as ""), computed without building the strings: ASCII values (most) are folded, split and joined as they
     * are hashed, others go through the analyzer itself. The same hash, bit for bit, at a fraction of the cost (this
     * runs for every record twice: blocking and clustering).
     */
    static long hashOf(Column[] columns, int row) {
        long h = KeyHash.start(0);
        for (Column c : columns) {
            String v = c.get(row);
            if (v != null) {
                h = ascii(v) ? hashCleanAscii(h, v) : KeyHash.add(h, Analyzers.KEYS.joined(v, " "));
            }
            h = KeyHash.add(h, '\u001f');
        }
        return KeyHash.finish(h);
    }

    private static boolean ascii(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Hashes what the key analyzer gives for an ASCII value: lower-case letter/digit runs joined by one space. */
    private static long hashCleanAscii(long h, String v) {
        boolean any = false;
        boolean gap = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean lower = c >= 'a' && c <= 'z';
            boolean upper = c >= 'A' && c <= 'Z';
            if (lower || upper || (c >= '0' && c <= '9')) {
                if (gap && any) {
                    h = KeyHash.add(h, ' ');
                }
                h = KeyHash.add(h, upper ? (char) (c + ('a' - 'A')) : c);
                any = true;
                gap = false;
            } else {
                gap = true;
            }
        }
        return h;
    }

    @Override
    public String toString() {
        return "identicalRecords";
    }
}
