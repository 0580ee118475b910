package dev.matcher.match;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Supervised token importance: what agreeing and disagreeing tokens say, learned from labelled pairs. */
class TokenEvidenceTest {
    /**
     * Offers of 40 phones: rows 2i and 2i+1 are one phone in two colours (a match); rows 2i and 2i+2 are phones whose
     * capacity differs (a non-match). Every title says "shop" (boilerplate).
     */
    private static Table offers() {
        Table.Builder b = Table.builder("title");
        for (int i = 0; i < 80; i++) {
            int phone = i / 2;
            b.row("r" + i, "shop phone x" + phone + " " + (16 << (phone % 4)) + "gb " + (i % 2 == 0 ? "black" : "white"));
        }
        return b.build();
    }

    private static LabelledPairs labels() {
        int n = 78;
        int[] l = new int[n];
        int[] r = new int[n];
        boolean[] y = new boolean[n];
        for (int k = 0; k < n; k++) {
            int i = k / 2 * 2;
            l[k] = i;
            r[k] = k % 2 == 0 ? i + 1 : i + 2;
            y[k] = k % 2 == 0;
        }
        return new LabelledPairs(Pairs.of(l, r), y);
    }

    @Test
    void rowsReadWhileTokenisingEqualTheIdsOfTheSortedTokens() {
        Table t = offers();
        LabelledPairs p = labels();
        TokenEvidence te = TokenEvidence.fit(t, t, p.pairs(), p.labels());
        assertSameIds(te.ids(TokenEvidence.tokens(t)), te.rows(t));
    }

    @Test
    void rowsFromEachColumnsDistinctValuesEqualTheIdsOfTheSortedTokens() {
        // values repeat within a column (tokenised once each), nulls, a word in two columns of one row, a token of
        // one column that is another's whole value, words too long to count, rows with no known token
        String[] given = {"anna", "Anna", null, "bob", "anna", "carl", null, "bob"};
        String[] place = {"north ryde", "ryde", "north ryde", null, "anna bay", "north ryde", null, "x" + "y".repeat(70)};
        Table.Builder b = Table.builder("given", "place");
        for (int i = 0; i < given.length; i++) {
            b.row("r" + i, given[i], place[i]);
        }
        Table t = b.build();
        int[] l = {0, 1, 2, 3, 5};
        int[] r = {4, 2, 5, 7, 0};
        boolean[] y = {true, false, true, false, false};
        TokenEvidence te = TokenEvidence.fit(t, t, Pairs.of(l, r), y);
        assertTrue(te.size() >= 4, te.toString());
        TokenEvidence.Rows rows = te.rows(t);
        assertSameIds(te.ids(TokenEvidence.tokens(t)), rows);
        assertArrayEquals(new int[0], rows.row(6), "a row of nulls knows no token");
        // anna's id once though two columns hold it
        int[] fourth = rows.row(4);
        assertEquals(fourth.length, java.util.Arrays.stream(fourth).distinct().count());
        // the flat rows give the features the per-row arrays give, bit for bit
        for (int i = 0; i < l.length; i++) {
            double[] flat = new double[3];
            double[] arrays = new double[3];
            te.compute(rows, l[i], rows, r[i], flat, 0);
            te.compute(rows.row(l[i]), rows.row(r[i]), arrays, 0);
            assertArrayEquals(arrays, flat, 0.0);
        }
    }

    @Test
    void manyRowsAcrossParallelChunksKeepTheirOrder() {
        Table.Builder b = Table.builder("name", "city");
        for (int i = 0; i < 5000; i++) {
            b.row("r" + i, "n" + (i % 97) + " common", i % 3 == 0 ? null : "c" + (i % 13));
        }
        Table t = b.build();
        int[] l = new int[200];
        int[] r = new int[200];
        boolean[] y = new boolean[200];
        for (int i = 0; i < 200; i++) {
            l[i] = i;
            r[i] = i + 97 * (1 + i % 5);
            y[i] = i % 2 == 0;
        }
        TokenEvidence te = TokenEvidence.fit(t, t, Pairs.of(l, r), y);
        TokenEvidence.Rows rows = te.rows(t);
        assertEquals(t.size(), rows.size());
        assertSameIds(te.ids(TokenEvidence.tokens(t)), rows);
    }

    private static void assertSameIds(int[][] reference, TokenEvidence.Rows rows) {
        assertEquals(reference.length, rows.size());
        for (int row = 0; row < reference.length; row++) {
            assertArrayEquals(reference[row], rows.row(row), "row " + row);
        }
    }

    @Test
    void decidingTokensGetWeightsAndBoilerplateNone() {
        Table t = offers();
        LabelledPairs p = labels();
        TokenEvidence te = TokenEvidence.fit(t, t, p.pairs(), p.labels());
        TokenEvidence.Rows rows = te.rows(t);
        int[][] ids = java.util.stream.IntStream.range(0, rows.size()).mapToObj(rows::row).toArray(int[][]::new);
        double[] sameColourOther = new double[3];
        double[] sameCapacity = new double[3];
        double[] otherCapacity = new double[3];
        // one phone in two colours (a labelled match), and two phones of other capacities (never labelled)
        te.compute(ids[0], ids[1], sameCapacity, 0);
        te.compute(ids[1], ids[3], otherCapacity, 0);
        te.compute(ids[0], ids[2], sameColourOther, 0);
        // colours disagree in every match: their disagreement does not speak against a match
        assertTrue(sameCapacity[1] > otherCapacity[1], java.util.Arrays.toString(sameCapacity) + " vs "
                + java.util.Arrays.toString(otherCapacity));
        // a capacity on one side only is the strongest evidence against
        assertTrue(otherCapacity[2] < -0.5, java.util.Arrays.toString(otherCapacity));
        assertTrue(sameCapacity[2] > otherCapacity[2]);
        // the pair's features are symmetric
        double[] swapped = new double[3];
        te.compute(ids[3], ids[1], swapped, 0);
        assertArrayEquals(otherCapacity, swapped, 1e-12);
        // no shared token and no known token: nothing said
        double[] none = new double[3];
        te.compute(new int[0], new int[0], none, 0);
        assertArrayEquals(new double[3], none);
    }

    @Test
    void crossFittedRowsDoNotSeeTheirOwnLabel() {
        // each pair has a token of its own ("pairN") on both sides, labelled at random: a fit on all rows would
        // read every label back from that token; a fit without the row's fold has never seen it
        int n = 60;
        Table.Builder b = Table.builder("title");
        int[] l = new int[n];
        int[] r = new int[n];
        boolean[] y = new boolean[n];
        java.util.Random random = new java.util.Random(3);
        for (int k = 0; k < n; k++) {
            b.row("a" + k, "item pair" + k).row("b" + k, "thing pair" + k);
            l[k] = 2 * k;
            r[k] = 2 * k + 1;
            y[k] = random.nextBoolean() || k < 2;
        }
        y[2] = false;
        Table t = b.build();
        double[][] cross = TokenEvidence.crossFitted(t, t, Pairs.of(l, r), y, 7);
        TokenEvidence all = TokenEvidence.fit(t, t, Pairs.of(l, r), y);
        TokenEvidence.Rows ids = all.rows(t);
        double[] inSample = new double[3];
        int separated = 0;
        for (int k = 0; k < n; k++) {
            all.compute(ids, l[k], ids, r[k], inSample, 0);
            separated += (inSample[0] > 0) == y[k] ? 1 : 0;
            // out of fold, the pair's own token is unknown: only "item"/"thing" (on one side each) speak
            assertEquals(0, cross[k][0], 1e-12, "row " + k);
        }
        assertEquals(n, separated, "in sample, the pair's own token gives its label away");
    }

    @Test
    void writtenAndReadBackEqual() throws IOException {
        Table t = offers();
        LabelledPairs p = labels();
        TokenEvidence te = TokenEvidence.fit(t, t, p.pairs(), p.labels());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        te.writeTo(new DataOutputStream(bytes));
        TokenEvidence again = TokenEvidence.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                "tokens");
        assertEquals(te, again);
        assertEquals(te.size(), again.size());
    }

    @Test
    void theBuilderSwitchesItOffAndOn() {
        Table t = offers();
        LabelledPairs p = labels();
        Matcher on = Matcher.builder().seed(1).folds(2).search(false).train(t, p, null);
        Matcher off = Matcher.builder().seed(1).folds(2).search(false).tokenEvidence(false).train(t, p, null);
        assertTrue(on.featureImportance().toString().contains("tokens.strongest_disagreement"));
        assertTrue(!off.featureImportance().toString().contains("tokens."));
        assertNull(off.tokens());
        assertEquals(on.model().names().size(), off.model().names().size() + TokenEvidence.NAMES.size());
    }
}
