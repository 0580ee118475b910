package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActiveLearnerTest {

    @Test
    void proposesFreshPairsAndLearnsFromAnOracle() {
        Shirts shirts = new Shirts(30, 8);
        LabelledPairs gold = shirts.pairs(0, 30, true, 3);
        ActiveLearner al = ActiveLearner.start(Matcher.builder().seed(1).folds(2).search(false),
                shirts.table, shirts.table, gold.pairs());
        assertNull(al.matcher());
        assertThrows(IllegalStateException.class, al::retrain);
        Set<Long> asked = new HashSet<>();
        for (int round = 0; round < 6; round++) {
            Pairs ask = al.propose(10);
            assertEquals(10, ask.size());
            for (int i = 0; i < ask.size(); i++) {
                assertTrue(asked.add(ask.packed(i)), "asked twice: " + ask.left(i) + "," + ask.right(i));
                assertTrue(gold.pairs().contains(ask.left(i), ask.right(i)));
                al.label(ask.left(i), ask.right(i), oracle(gold, ask.left(i), ask.right(i)));
            }
            if (al.canTrain()) {
                al.retrain();
            }
        }
        assertEquals(60, al.labelled());
        assertTrue(al.labels().positives() >= 5, "the cold start finds matches: " + al.labels());
        // 60 labels out of the pool already separate exact duplicates from the rest
        double f1 = f1(al.matcher(), shirts, gold);
        assertTrue(f1 > 0.8, "F1 on the whole pool " + f1);
        assertThrows(IllegalArgumentException.class, () -> al.label(0, 0, true));
        assertFalse(al.toString().isEmpty());
    }

    private static boolean oracle(LabelledPairs gold, int l, int r) {
        for (int i = 0; i < gold.size(); i++) {
            if (gold.pairs().left(i) == l && gold.pairs().right(i) == r) {
                return gold.label(i);
            }
        }
        throw new AssertionError();
    }

    private static double f1(Matcher m, Shirts s, LabelledPairs test) {
        double[] p = m.score(s.table, s.table, test.pairs());
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean predicted = p[i] >= m.threshold();
            tp += predicted && test.label(i) ? 1 : 0;
            fp += predicted && !test.label(i) ? 1 : 0;
            fn += !predicted && test.label(i) ? 1 : 0;
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
