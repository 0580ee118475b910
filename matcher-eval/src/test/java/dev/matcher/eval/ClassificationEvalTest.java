package dev.matcher.eval;

import dev.matcher.metrics.ClassMetrics;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassificationEvalTest {
    @Test
    void stratifiedFoldsGiveEveryFoldItsShareOfEachClass() {
        String[] labels = new String[100];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 80 ? "a" : "b";
        }
        int[] folds = ClassificationEval.stratifiedFolds(labels, 5, 7);
        int[][] count = new int[5][2];
        for (int i = 0; i < labels.length; i++) {
            count[folds[i]][labels[i].equals("a") ? 0 : 1]++;
        }
        for (int[] c : count) {
            assertArrayEquals(new int[] {16, 4}, c);
        }
        assertArrayEquals(folds, ClassificationEval.stratifiedFolds(labels, 5, 7));   // seeded
    }

    @Test
    void groupedFoldsKeepEveryGroupTogether() {
        String[] labels = new String[90];
        String[] groups = new String[90];
        for (int i = 0; i < labels.length; i++) {
            groups[i] = "g" + (i / 3);
            labels[i] = (i / 3) % 3 == 0 ? "x" : "y";
        }
        int[] folds = ClassificationEval.groupedFolds(labels, groups, 5, 1);
        Map<String, Integer> foldOf = new HashMap<>();
        int[] size = new int[5];
        for (int i = 0; i < labels.length; i++) {
            Integer before = foldOf.putIfAbsent(groups[i], folds[i]);
            assertTrue(before == null || before == folds[i], "group " + groups[i] + " split across folds");
            size[folds[i]]++;
        }
        for (int s : size) {
            assertEquals(18, s);
        }
    }

    @Test
    void metrics() {
        ClassMetrics m = ClassMetrics.of(new String[] {"a", "b", "b", "c"}, new String[] {"a", "b", "a", "a"});
        assertEquals(0.5, m.accuracy(), 1e-12);
        // a: p 1, r 1/3, f1 0.5; b: p 1/2, r 1, f1 2/3; c: p 0, r 0, f1 0
        assertEquals((0.5 + 2.0 / 3 + 0) / 3, m.macroF1(), 1e-12);
        assertEquals(1, m.confusion()[0][1]);
        assertEquals(1, m.confusion()[0][2]);
    }
}
