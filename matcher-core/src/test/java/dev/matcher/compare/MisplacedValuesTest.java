package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class MisplacedValuesTest {
    private static final int SONGS = 60;

    /** Song i: its duration in its column, or (every {@code dirtyEvery}-th, 0: none) only in its title, as dirty sources write it. */
    private static String[][] songs(int dirtyEvery) {
        String[] title = new String[SONGS];
        String[] time = new String[SONGS];
        for (int i = 0; i < SONGS; i++) {
            String duration = (2 + i % 4) + ":" + (10 + i);
            boolean dirty = dirtyEvery > 0 && i % dirtyEvery == 0;
            title[i] = "song w" + i + " by band " + (i % 7) + (dirty ? " $ 1.29 " + duration : "");
            time[i] = dirty ? null : duration;
        }
        return new String[][] {title, time};
    }

    @Test
    void shapesAreDigitsLetterRunsAndPunctuation() {
        assertEquals("9:99", MisplacedValues.shape(MisplacedValues.words("3:01"), 0, 1));
        assertEquals("$ 9.99", MisplacedValues.shape(MisplacedValues.words("$ 1.29"), 0, 2));
        assertEquals("99-a-99", MisplacedValues.shape(MisplacedValues.words("31-Mar-15"), 0, 1));
        assertEquals("a 99 , 9999", MisplacedValues.shape(MisplacedValues.words("December 10 , 2013"), 0, 4));
    }

    @Test
    void aValueThatMovedIntoTheTitleIsPutBack() {
        String[][] s = songs(3);
        MisplacedValues m = MisplacedValues.fit(s[1], new String[][] {s[0]});
        assertEquals(List.of("9:99"), m.shapes());
        String[] recovered = m.recover(s[1], new String[][] {s[0]});
        for (int i = 0; i < SONGS; i++) {
            assertEquals((2 + i % 4) + ":" + (10 + i), recovered[i], "song " + i);
        }
        assertNull(s[1][0], "the input is not changed");
    }

    @Test
    void twoDifferentCandidatesOrNoneLeaveTheValueEmpty() {
        String[][] s = songs(3);
        s[0][0] = s[0][0] + " 4:59";                         // two durations: which one is the song's?
        s[0][3] = "song w3 by band 3";                       // nowhere
        String[] recovered = MisplacedValues.fit(s[1], new String[][] {s[0]}).recover(s[1], new String[][] {s[0]});
        assertNull(recovered[0]);
        assertNull(recovered[3]);
        assertEquals("4:16", recovered[6]);
    }

    @Test
    void shapesTheOtherFieldsShowAnywayOrWithoutDigitsOrWithoutGapsAreNotLookedFor() {
        String[][] s = songs(3);
        String[] bareNumbers = new String[SONGS];
        String[] words = new String[SONGS];
        for (int i = 0; i < SONGS; i++) {
            bareNumbers[i] = i % 3 == 0 ? null : Integer.toString(i % 5);     // "band 3" holds another one
            words[i] = i % 3 == 0 ? null : "genre " + (char) ('a' + i % 5);
        }
        assertTrue(MisplacedValues.fit(bareNumbers, new String[][] {s[0]}).isEmpty());
        assertTrue(MisplacedValues.fit(words, new String[][] {s[0]}).isEmpty());
        String[] full = songs(0)[1];
        assertSame(MisplacedValues.NONE, MisplacedValues.fit(full, new String[][] {s[0]}));
    }

    @Test
    void valuesMerelyMissingLeaveNoTraceAndAreNotLookedFor() {
        String[][] s = songs(0);
        for (int i = 0; i < SONGS; i += 3) {
            s[1][i] = null;                                  // missing, and only one in ten such titles has a duration
            s[0][i] = i % 30 == 0 ? s[0][i] + " live 4:59" : s[0][i];
        }
        assertTrue(MisplacedValues.fit(s[1], new String[][] {s[0]}).isEmpty());
    }

    @Test
    void featuresOfADirtyTableSeeTheValueInItsColumn() {
        String[][] clean = songs(0);
        String[][] dirty = songs(3);
        Table left = table(clean);
        Table right = table(dirty);
        FeatureSpace fs = FeatureSpace.builder(left, right).build();
        FeatureSpace rebuilt = FeatureSpace.fromSpec(fs.spec(), left, right);     // as a saved model does
        for (int i : new int[] {3, 4, 6}) {
            assertEquals(1.0, fs.explain(i, i).get("time.exact"), "song " + i);
            assertEquals(fs.explain(i, i), rebuilt.explain(i, i));
        }
        assertEquals(0.0, fs.explain(3, 6).get("time.exact"));
    }

    private static Table table(String[][] columns) {
        Table.Builder b = Table.builder("title", "time");
        for (int i = 0; i < SONGS; i++) {
            b.row("s" + i, columns[0][i], columns[1][i]);
        }
        return b.build();
    }

    @Test
    void recoverKeepsPresentValues() {
        String[][] s = songs(2);
        String[] recovered = MisplacedValues.fit(s[1], new String[][] {s[0]}).recover(s[1], new String[][] {s[0]});
        for (int i = 1; i < SONGS; i += 2) {
            assertSame(s[1][i], recovered[i]);
        }
        assertArrayEquals(s[1], MisplacedValues.NONE.recover(s[1], new String[][] {s[0]}));
    }
}
