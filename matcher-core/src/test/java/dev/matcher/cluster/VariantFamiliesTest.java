package dev.matcher.cluster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariantFamiliesTest {
    // records: 0,1 red M shirt; 2 blue M shirt; 3 red L shirt; 4 a mug; 5 the same mug
    private static final String[] IDS = {"s1", "s2", "s3", "s4", "m1", "m2"};
    private static final ScoredPairs VARIANT = ScoredPairs.of(
            new int[] {0, 0, 1, 2, 4, 3},
            new int[] {1, 2, 3, 3, 5, 4},
            new double[] {0.99, 0.9, 0.85, 0.9, 0.97, 0.1});
    private static final ScoredPairs EXACT = ScoredPairs.of(
            new int[] {0, 0, 1, 4, 3},
            new int[] {1, 2, 3, 5, 4},
            new double[] {0.98, 0.2, 0.3, 0.95, 0.7});   // 3-4 is a (wrong) exact match across families

    @Test
    void itemsNestInsideFamilies() {
        VariantFamilies v = VariantFamilies.cluster(6, VARIANT, Clusterers.connectedComponents(0.5),
                EXACT, Clusterers.connectedComponents(0.5)).withIds(IDS);
        assertEquals(2, v.families().count());
        assertEquals(4, v.items().count());
        assertEquals("s1", v.familyId(3));
        assertEquals("m1", v.familyId(5));
        assertEquals("s1", v.itemId(1));
        assertEquals("s3", v.itemId(2));
        assertEquals("s4", v.itemId(3));   // the exact pair to the mug is outside its family and ignored
        assertNotEquals(v.itemId(3), v.itemId(4));
        assertArrayEquals(new int[] {0, 1, 2}, v.itemsOf(v.families().clusterOf(0)));
        for (int r = 0; r < 6; r++) {
            for (int s = 0; s < 6; s++) {
                assertTrue(!v.items().together(r, s) || v.families().together(r, s));
            }
        }
        String printed = v.toString();
        assertTrue(printed.contains("6 records in 2 families of 4 items") && printed.contains("s1 (2)"), printed);
    }

    @Test
    void itemsCrossingFamiliesAreCut() {
        Clusters families = Clusters.of(new int[] {0, 0, 1, 1});
        Clusters items = Clusters.of(new int[] {0, 1, 1, 2});
        VariantFamilies v = VariantFamilies.of(families, items);
        assertEquals(4, v.items().count());
        assertTrue(v.items().together(0, 0));
    }
}
