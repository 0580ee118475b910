package dev.matcher.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordCategoriesTest {
    @Test
    void certainCategoriesFromValues() {
        RecordCategories c = RecordCategories.of("type", new String[] {"tv", null, " phone ", "tv", ""});
        assertEquals(5, c.size());
        assertEquals("tv", c.predicted(0, 0));
        assertNull(c.predicted(1, 0));
        assertEquals("phone", c.predicted(2, 0));
        assertEquals(1.0, c.probability(3, 0, 0));
        assertEquals(0.0, c.probability(3, 0, 1));
        assertNull(c.predicted(4, 0));
        assertEquals(List.of("tv", "phone"), c.classes(0));
    }

    @Test
    void partsWithOtherClassOrdersMergeByName() {
        RecordCategories a = RecordCategories.of("type", new String[] {"tv", "phone"});
        RecordCategories b = RecordCategories.of("type", new String[] {"kettle", "tv", "phone"});
        RecordCategories m = RecordCategories.merge(5, new int[][] {{3, 0}, {1, 4, 2}}, new RecordCategories[] {a, b});
        // rows 3 and 0 from a (tv, phone): row 3 = tv, row 0 = phone; rows 1, 4, 2 from b: kettle, tv, phone
        assertEquals("phone", m.predicted(0, 0));
        assertEquals("kettle", m.predicted(1, 0));
        assertEquals("phone", m.predicted(2, 0));
        assertEquals("tv", m.predicted(3, 0));
        assertEquals("tv", m.predicted(4, 0));
        int[] ids = m.classIds(0);
        assertEquals(ids[3 * RecordCategories.TOP], ids[4 * RecordCategories.TOP], "one id per class name");
        assertThrows(IllegalArgumentException.class, () -> RecordCategories.merge(5, new int[][] {{3, 0}, {1, 4, 0}},
                new RecordCategories[] {a, b}), "a row in two parts");
        assertThrows(IllegalArgumentException.class, () -> RecordCategories.merge(6, new int[][] {{3, 0}, {1, 4, 2}},
                new RecordCategories[] {a, b}), "a row in no part");
    }

    @Test
    void badArraysAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RecordCategories(
                List.of("type"), List.of(List.of("a", "b")), 1, new int[][] {{1, 0, -1}},
                new float[][] {{0.2f, 0.8f, 0}}));
        assertTrue(e.getMessage().contains("most likely first"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RecordCategories(List.of("type"),
                List.of(List.of("a")), 1, new int[][] {{-1, 0, -1}}, new float[][] {{0, 1, 0}}));
        assertThrows(IllegalArgumentException.class, () -> RecordCategories.of("type", new String[] {"a"})
                .alignedTo(RecordCategories.of("colour", new String[] {"a"})));
    }
}
