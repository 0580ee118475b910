package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;

class ValueAlignmentTest {
    private static final String[] LEFT_VENUES = {"vldb", "sigmod conference", "tods"};
    private static final String[] RIGHT_VENUES = {"very large data bases", "management of data",
        "transactions on database systems"};
    private static final int PAPERS = 60;

    /** Paper i appears in both catalogues under the venue names of its side; some venues sit in the title. */
    private static Table catalogue(String[] venues, int dirtyEvery) {
        Table.Builder b = Table.builder("title", "venue");
        for (int i = 0; i < PAPERS; i++) {
            String title = "paper w" + i + "a w" + i + "b w" + i + "c";
            String venue = venues[i % 3];
            boolean dirty = i % dirtyEvery == 0;
            if (i == PAPERS - 1) {
                b.row("p" + i, title, null);                // no venue anywhere
            } else {
                b.row("p" + i, dirty ? title + " " + venue : title, dirty ? null : venue);
            }
        }
        return b.build();
    }

    @Test
    void valuesThatMatchingRecordsShareAlignEvenWithoutACommonWordAndWhenMovedIntoAnotherAttribute() {
        Table left = catalogue(LEFT_VENUES, 5);
        Table right = catalogue(RIGHT_VENUES, 7);
        FeatureSpace fs = FeatureSpace.builder(left, right).build();
        assertTrue(fs.names().contains("venue.aligned"), fs.names().toString());
        assertFalse(fs.names().contains("title.aligned"), "titles are all distinct: no vocabulary");
        assertEquals(1.0, fs.explain(1, 1).get("venue.aligned"));     // sigmod conference / management of data
        assertEquals(0.0, fs.explain(1, 2).get("venue.aligned"));     // sigmod conference / transactions on ...
        // left 5 has its venue ("tods") only in its title, right 14 ("transactions on ...") likewise
        assertEquals(1.0, fs.explain(5, 14).get("venue.aligned"));
        assertEquals(0.0, fs.explain(5, 13).get("venue.aligned"));
        assertEquals(-1.0, fs.explain(PAPERS - 1, 1).get("venue.aligned"));   // no venue: unknown
        FeatureSpace rebuilt = FeatureSpace.fromSpec(fs.spec(), left, right);     // as a saved model does
        for (int[] p : new int[][] {{1, 1}, {1, 2}, {5, 14}, {PAPERS - 1, 1}}) {
            assertEquals(fs.explain(p[0], p[1]), rebuilt.explain(p[0], p[1]));
        }
    }

    @Test
    void inDeduplicationAValueAlignsWithItself() {
        Table.Builder b = Table.builder("title", "venue");
        for (int i = 0; i < PAPERS; i++) {
            String title = "paper w" + i + "a w" + i + "b w" + i + "c";
            b.row("p" + i, title, LEFT_VENUES[i % 3]);
            b.row("q" + i, title + " " + LEFT_VENUES[i % 3], null);       // its duplicate, venue in the title
        }
        Table t = b.build();
        FeatureSpace fs = FeatureSpace.builder(t, t).build();
        assertEquals(1.0, fs.explain(2, 3).get("venue.aligned"));       // p1 and its duplicate q1
        assertEquals(0.0, fs.explain(2, 5).get("venue.aligned"));       // p1 and q2: another venue
    }

    @Test
    void onlyFewRepeatedValuesAreEligible() {
        assertTrue(ValueAlignment.eligible(new String[] {"a", "b", "a", "b", "a", "b", "a", "b"},
                new String[] {"x", "y", "x", "y", "x", "y", "x", "y"}));
        assertFalse(ValueAlignment.eligible(new String[] {"a", "b", "c", "d", "a", "b", "c", "d"},
                new String[] {"x", "y", "x", "y", "x", "y", "x", "y"}), "2 records per value on the left");
        assertFalse(ValueAlignment.eligible(new String[] {"a", "a", "a", "a", "a"},
                new String[] {"x", "y", "x", "y", "x", "y", "x", "y"}), "one value says nothing");
    }
}
