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

    @Test
    void linksTablesThatShareNoColumnName() {
        // the right table calls its columns c3, c1, c2 (another order): once an ArrayIndexOutOfBoundsException
        String[] brands = {"sony", "bose", "apple", "canon", "nikon", "philips"};
        String[] nouns = {"speaker", "camera", "lens", "monitor", "tablet", "phone", "charger", "router"};
        java.util.Random r = new java.util.Random(4);
        int n = 60;
        dev.matcher.data.Table.Builder lb = dev.matcher.data.Table.builder("title", "brand", "price");
        dev.matcher.data.Table.Builder rb = dev.matcher.data.Table.builder("c3", "c1", "c2");
        for (int i = 0; i < n; i++) {
            String brand = brands[r.nextInt(brands.length)];
            String title = brand + " " + (char) ('a' + r.nextInt(26)) + (100 + r.nextInt(900)) + " "
                    + nouns[r.nextInt(nouns.length)];
            String price = Integer.toString(20 + r.nextInt(900));
            lb.row("a" + i, title, brand, price);
            rb.row("b" + i, price, title + (i % 2 == 0 ? " new" : ""), brand.toUpperCase(java.util.Locale.ROOT));
        }
        dev.matcher.data.Table left = lb.build();
        dev.matcher.data.Table right = rb.build();
        int[] li = new int[n * n];
        int[] ri = new int[n * n];
        for (int i = 0; i < n * n; i++) {
            li[i] = i / n;
            ri[i] = i % n;
        }
        ActiveLearner al = ActiveLearner.start(Matcher.builder().seed(1).folds(2).search(false), left, right,
                Pairs.of(li, ri));
        for (int round = 0; round < 6; round++) {
            Pairs ask = al.propose(10);
            for (int i = 0; i < ask.size(); i++) {
                al.label(ask.left(i), ask.right(i), ask.left(i) == ask.right(i));
            }
            if (al.canTrain()) {
                al.retrain();
            }
        }
        Matcher m = al.matcher();
        assertEquals(java.util.List.of("c1"), m.spec().columns().groupOfLeft("title").orElseThrow().right(),
                m.spec().columns().toString());
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += m.score(left, right, i, i) >= m.threshold() ? 1 : 0;
        }
        assertTrue(correct >= 0.9 * n, correct + " of " + n + " matches found");
        assertTrue(m.score(left, right, 0, 1) < m.threshold());
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
