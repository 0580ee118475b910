package dev.matcher.compare;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class SharedValuesTest {
    @Test
    void equalProfilesBecomeOneObjectAndKeepTheirContent() {
        int n = 10_000;
        String[] names = new String[n];
        int[][] ids = new int[n][];
        long[][] keys = new long[n][];
        for (int i = 0; i < n; i++) {
            names[i] = i % 7 == 0 ? null : new String("name" + (i % 50));      // distinct objects, 50 values
            ids[i] = new int[] {i % 30, 5};
            keys[i] = new long[] {i % 3};
        }
        String[] namesBefore = names.clone();
        int[][] idsBefore = Arrays.stream(ids).map(int[]::clone).toArray(int[][]::new);
        SharedValues.share(List.of(names, ids), List.of(keys, names));
        for (int i = 0; i < n; i++) {
            assertEquals(namesBefore[i], names[i]);
            assertArrayEquals(idsBefore[i], ids[i]);
            assertEquals(i % 3, keys[i][0]);
        }
        assertNull(names[7]);
        assertSame(names[1], names[51]);
        assertSame(ids[1], ids[31]);
        assertSame(keys[1], keys[4]);
        assertNotSame(ids[1], ids[2]);
    }

    @Test
    void nearlyDistinctColumnsAreLeftAlone() {
        int n = 10_000;
        int[][] ids = new int[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = new int[] {i < n - 10 ? i : 0};          // a few repeats late in an otherwise unique column
        }
        int[] last = ids[n - 1];
        SharedValues.share(new ArrayList<>(List.of(ids)), List.of());
        assertSame(last, ids[n - 1]);
        assertNotSame(ids[0], ids[n - 1]);
    }
}
