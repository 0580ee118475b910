package dev.matcher.util;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Equal elements found once: the first row of each value, and sharing built on it. */
class SharedElementsTest {
    @Test
    void eachRowPointsAtTheFirstRowOfItsValue() {
        String[] v = {"oslo", "bergen", new String("oslo"), null, "bergen", "oslo", null, "rome"};
        String[] repeated = new String[4000];
        for (int i = 0; i < repeated.length; i++) {
            repeated[i] = i < v.length ? v[i] : "city" + (i % 7);
        }
        int[] first = SharedElements.firsts(repeated);
        assertArrayEquals(new int[] {0, 1, 0, -1, 1, 0, -1, 7}, java.util.Arrays.copyOf(first, v.length));
        for (int i = v.length; i < repeated.length; i++) {
            int f = first[i];
            assertSame(true, f <= i && repeated[f].equals(repeated[i]), "row " + i);
            assertSame(true, f == i || first[f] == f, "a first row is its own first: row " + i);
        }
        SharedElements.share(repeated);
        assertSame(repeated[0], repeated[2]);
        assertSame(repeated[v.length], repeated[v.length + 7]);
    }

    @Test
    void mostlyDistinctValuesAreNotIndexed() {
        String[] ids = new String[5000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "id" + i;
        }
        ids[10] = "id3";
        assertNull(SharedElements.firsts(ids));
        String[] copy = ids.clone();
        SharedElements.share(copy);
        assertArrayEquals(ids, copy);
    }
}
