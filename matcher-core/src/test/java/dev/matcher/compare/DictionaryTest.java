package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class DictionaryTest {
    @Test
    void idsFollowFirstSeenOrderOverSidesAndRecords() {
        String[][] left = {{"b", "a", "b"}, null, {"c"}};
        String[][] right = {{"a", "d"}};
        Dictionary d = Dictionary.of(new String[][][] {left, right});
        assertArrayEquals(new String[] {"b", "a", "c", "d"}, d.strings);
        assertArrayEquals(new int[] {0, 1, 0}, d.ids[0][0]);
        assertNull(d.ids[0][1]);
        assertArrayEquals(new int[] {2}, d.ids[0][2]);
        assertArrayEquals(new int[] {1, 3}, d.ids[1][0]);
    }

    @Test
    void batchesGiveTheIdsOfOnePassOverAllRecords() {
        SplittableRandom r = new SplittableRandom(11);
        String[][] records = new String[9_000][];
        for (int i = 0; i < records.length; i++) {
            records[i] = r.nextInt(10) == 0 ? null : r.ints(1 + r.nextInt(5), 0, 5_000)
                    .mapToObj(x -> "w" + x).toArray(String[]::new);
        }
        Dictionary whole = Dictionary.of(new String[][][] {records});
        Dictionary.Growing growing = new Dictionary.Growing();
        int[] cuts = {0, 1, 4_100, 4_100, 8_999, 9_000};       // an empty batch, a one-record batch, uneven ones
        for (int c = 0; c + 1 < cuts.length; c++) {
            int[][] ids = growing.add(java.util.Arrays.copyOfRange(records, cuts[c], cuts[c + 1]));
            for (int i = cuts[c]; i < cuts[c + 1]; i++) {
                assertArrayEquals(whole.ids[0][i], ids[i - cuts[c]], "record " + i);
            }
        }
        assertArrayEquals(whole.strings, growing.strings());
    }

    @Test
    void manyChunksGiveTheIdsOfOneSequentialPass() {
        SplittableRandom r = new SplittableRandom(7);
        String[][][] sides = new String[2][][];
        for (int s = 0; s < 2; s++) {
            sides[s] = new String[10_000 + 3_000 * s][];
            for (int i = 0; i < sides[s].length; i++) {
                sides[s][i] = r.nextInt(20) == 0 ? null : r.ints(1 + r.nextInt(6), 0, 30_000)
                        .mapToObj(x -> "w" + x).toArray(String[]::new);
            }
        }
        Map<String, Integer> expected = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (String[][] side : sides) {
            for (String[] words : side) {
                if (words != null) {
                    for (String w : words) {
                        if (expected.putIfAbsent(w, order.size()) == null) {
                            order.add(w);
                        }
                    }
                }
            }
        }
        Dictionary d = new ForkJoinPool(3).submit(() -> Dictionary.of(sides)).join();   // the caller's pool
        assertEquals(order, List.of(d.strings));
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < sides[s].length; i++) {
                if (sides[s][i] == null) {
                    assertNull(d.ids[s][i]);
                } else {
                    for (int k = 0; k < sides[s][i].length; k++) {
                        assertEquals(expected.get(sides[s][i][k]), d.ids[s][i][k]);
                    }
                }
            }
        }
    }
}
