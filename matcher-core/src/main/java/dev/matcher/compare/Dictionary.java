package dev.matcher.compare;

import dev.matcher.util.Parallel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Integer ids for the strings of many records, in first-seen order over the records (side by side, record by
 * record): the same ids a sequential pass gives, however the work is split. Records are read in parallel chunks with
 * small local maps; only each chunk's distinct strings meet the shared map, in chunk order.
 */
final class Dictionary {
    private static final int CHUNK = 4096;

    /** The distinct strings, by id. */
    final String[] strings;
    /** {@code ids[side][record]}: the ids of that record's strings, in their order; null for a null record. */
    final int[][][] ids;

    private Dictionary(String[] strings, int[][][] ids) {
        this.strings = strings;
        this.ids = ids;
    }

    static Dictionary of(String[][][] sides) {
        Growing g = new Growing();
        int[][][] ids = new int[sides.length][][];
        for (int s = 0; s < sides.length; s++) {
            ids[s] = g.add(sides[s]);
        }
        return new Dictionary(g.strings(), ids);
    }

    /**
     * A dictionary fed records batch by batch: ids in first-seen order over all the records added so far, the same
     * ids one {@link #of} over the concatenated batches gives. The batches need not all be held at once.
     */
    static final class Growing {
        private final Map<String, Integer> global = new HashMap<>();
        private final List<String> strings = new ArrayList<>();

        /** The ids of the strings of each record, in their order (null for a null record). */
        int[][] add(String[][] records) {
            int n = records.length;
            int[][] ids = new int[n][];
            int chunks = (n + CHUNK - 1) / CHUNK;
            List<List<String>> local = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                local.add(null);
            }
            // local ids per chunk, in first-seen order within the chunk
            Parallel.forEach(chunks, c -> {
                Map<String, Integer> seen = new HashMap<>();
                List<String> order = new ArrayList<>();
                for (int g = c * CHUNK; g < Math.min(n, (c + 1) * CHUNK); g++) {
                    String[] words = records[g];
                    if (words == null) {
                        continue;
                    }
                    int[] t = new int[words.length];
                    for (int k = 0; k < words.length; k++) {
                        Integer id = seen.get(words[k]);
                        if (id == null) {
                            id = order.size();
                            seen.put(words[k], id);
                            order.add(words[k]);
                        }
                        t[k] = id;
                    }
                    ids[g] = t;
                }
                local.set(c, order);
            });
            // global ids: chunk by chunk, so first-seen order over all records
            int[][] remap = new int[chunks][];
            for (int c = 0; c < chunks; c++) {
                List<String> order = local.get(c);
                int[] r = new int[order.size()];
                for (int k = 0; k < r.length; k++) {
                    Integer id = global.putIfAbsent(order.get(k), strings.size());
                    if (id == null) {
                        id = strings.size();
                        strings.add(order.get(k));
                    }
                    r[k] = id;
                }
                remap[c] = r;
            }
            Parallel.forEach(chunks, c -> {
                for (int g = c * CHUNK; g < Math.min(n, (c + 1) * CHUNK); g++) {
                    int[] t = ids[g];
                    if (t != null) {
                        for (int k = 0; k < t.length; k++) {
                            t[k] = remap[c][t[k]];
                        }
                    }
                }
            });
            return ids;
        }

        /** The distinct strings so far, by id. */
        String[] strings() {
            return strings.toArray(new String[0]);
        }
    }
}
