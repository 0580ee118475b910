package dev.matcher.match;

import dev.matcher.compare.RecordSimilarity;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.match.LabelQuality.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelQualityTest {
    private static final String[] FIRST = {"anna", "ben", "clara", "david", "eva", "felix", "greta", "hugo"};
    private static final String[] LAST = {"adler", "bauer", "conrad", "dietz", "engel", "fuchs"};
    private static final String[] STREETS = {"oak", "elm", "pine", "birch", "maple", "cedar", "ash", "willow"};

    /** 200 people, each twice (row 2i and 2i+1; the copy with the street number changed). */
    private static Table people() {
        Random r = new Random(1);
        Table.Builder b = Table.builder("name", "street", "city");
        for (int i = 0; i < 200; i++) {
            String name = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
            String street = STREETS[r.nextInt(STREETS.length)] + " street";
            String city = "town" + r.nextInt(40);
            b.row("p" + i, name, (1 + r.nextInt(99)) + " " + street, city);
            b.row("q" + i, name, (1 + r.nextInt(99)) + " " + street, city);
        }
        return b.build();
    }

    /** Candidates: pairs of records that share the full name (what a name blocker gives). */
    private static Pairs candidates(Table t) {
        List<int[]> p = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            for (int j = i + 1; j < t.size(); j++) {
                if (t.value(i, "name").equals(t.value(j, "name"))) {
                    p.add(new int[] {i, j});
                }
            }
        }
        return Pairs.of(p.stream().mapToInt(x -> x[0]).toArray(), p.stream().mapToInt(x -> x[1]).toArray());
    }

    /** 20 true pairs, and 20 non-matches: random pairs, or near misses (same name, another person). */
    private static LabelledPairs labels(Table t, Pairs candidates, boolean nearMisses) {
        Random r = new Random(2);
        List<int[]> pairs = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pairs.add(new int[] {2 * i, 2 * i + 1});
            labels.add(true);
        }
        int added = 0;
        for (int k = 0; added < 20 && k < 100_000; k++) {
            int a;
            int b;
            if (nearMisses) {
                int c = r.nextInt(candidates.size());
                a = candidates.left(c);
                b = candidates.right(c);
            } else {
                a = r.nextInt(t.size());
                b = r.nextInt(t.size());
            }
            if (a / 2 != b / 2) {
                pairs.add(new int[] {a, b});
                labels.add(false);
                added++;
            }
        }
        boolean[] l = new boolean[labels.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels.get(i);
        }
        return new LabelledPairs(Pairs.of(pairs.stream().mapToInt(x -> x[0]).toArray(),
                pairs.stream().mapToInt(x -> x[1]).toArray()), l);
    }

    @Test
    void randomNonMatchesAreFlaggedNearMissesAreNot() {
        Table t = people();
        Task task = Task.deduplication(t);
        Pairs c = candidates(t);
        LabelQuality random = LabelQuality.check(task, labels(t, c, false), c);
        assertTrue(random.has(Kind.EASY_NON_MATCHES), random.toString());
        String message = random.warnings().get(0).message();
        assertTrue(message.startsWith("your 20 non-matches look random"), message);
        assertTrue(message.contains("label near misses") && message.contains("labelling session"), message);
        LabelQuality near = LabelQuality.check(task, labels(t, c, true), c);
        assertFalse(near.hasWarnings(), near.toString());
        assertEquals("labels: no warnings\n", near.toString());
    }

    @Test
    void mostCandidatesAboveTheThresholdIsFlagged() {
        LabelledPairs labels = labels(people(), candidates(people()), true);
        double[] scores = new double[100];
        Arrays.fill(scores, 0, 60, 0.9);
        LabelQuality q = LabelQuality.builder(labels).candidateScores(scores, 0.5).check();
        assertTrue(q.has(Kind.MOST_CANDIDATES_MATCH), q.toString());
        assertTrue(q.warnings().get(0).message().contains("60 of 100 candidate pairs (60.0%)"), q.toString());
        Arrays.fill(scores, 0, 60, 0.1);
        Arrays.fill(scores, 0, 10, 0.9);
        assertFalse(LabelQuality.builder(labels).candidateScores(scores, 0.5).check().hasWarnings());
        assertTrue(LabelQuality.builder(labels).candidateScores(scores, 0.5).maxMatchShare(0.05).check()
                .has(Kind.MOST_CANDIDATES_MATCH));
    }

    @Test
    void conflictsSelfPairsAndTooFewLabels() {
        Table t = people();
        LabelledPairs bad = new LabelledPairs(Pairs.of(new int[] {0, 1, 2, 3}, new int[] {1, 0, 2, 5}),
                new boolean[] {true, false, false, false});
        LabelQuality q = LabelQuality.builder(bad).task(Task.deduplication(t)).check();
        assertTrue(q.has(Kind.CONFLICTING_LABELS), q.toString());
        assertTrue(q.toString().contains("(q0, p0)"), q.toString());
        assertTrue(q.has(Kind.SELF_PAIRS), q.toString());
        assertTrue(q.has(Kind.TOO_FEW), q.toString());
        assertTrue(q.toString().contains("1 matches and 3 non-matches"), q.toString());
        LabelQuality linkage = LabelQuality.builder(bad).task(Task.linkage(t, t)).check();
        assertFalse(linkage.has(Kind.SELF_PAIRS), "in linkage row 2 of each table are different records");
        assertFalse(linkage.has(Kind.CONFLICTING_LABELS), "(0, 1) and (1, 0) are different pairs in linkage");
        assertThrows(IllegalArgumentException.class,
                () -> LabelQuality.builder(bad).similarities(new double[3], new double[50]));
    }

    @Test
    void recordSimilarityIsTheWholeRecordCosine() {
        Table left = Table.builder("a", "b").row("1", "red apple", "fresh").row("2", "blue car", null)
                .row("3", null, null).build();
        Table right = Table.builder("x").row("1", "fresh red apple").row("2", "green tree").build();
        RecordSimilarity s = RecordSimilarity.of(Task.linkage(left, right));
        assertEquals(1, s.cosine(0, 0), 1e-6, "same words in other columns");
        assertEquals(0, s.cosine(1, 1), 1e-12);
        assertEquals(0, s.cosine(2, 0), 1e-12, "no words");
        double[] all = s.cosine(Pairs.of(new int[] {0, 1}, new int[] {0, 0}));
        assertEquals(1, all[0], 1e-6);
        assertEquals(0, all[1], 1e-12);
    }
}
