package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;

class InRecordRecipeTest {
    private static final int SONGS = 60;
    private static final String[] ARTISTS = {"ed sheeran", "taylor swift", "lana del rey", "wiz khalifa",
        "david guetta", "x ambassadors"};

    /** Song i by artist i % 6; every {@code movedEvery}-th (0: none) has its artist in the title, or only missing. */
    private static Table songs(int movedEvery, boolean missingOnly) {
        Table.Builder b = Table.builder("title", "artist", "genre");
        for (int i = 0; i < SONGS; i++) {
            String artist = ARTISTS[i % ARTISTS.length];
            boolean empty = movedEvery > 0 && i % movedEvery == 0;
            String title = "song w" + i + (empty && !missingOnly ? " " + artist : "");
            b.row("s" + i, title, empty ? null : artist, i % 2 == 0 ? "pop" : "rock");
        }
        return b.build();
    }

    @Test
    void aValueWrittenIntoAnotherColumnStillCounts() {
        Table clean = songs(0, false);
        Table dirty = songs(3, false);
        FeatureSpace fs = FeatureSpace.builder(clean, dirty).build();
        assertTrue(fs.names().contains("artist.in_record"), fs.names().toString());
        assertEquals(1.0, fs.explain(3, 3).get("artist.in_record"));       // right 3: artist only in its title
        assertEquals(0.0, fs.explain(4, 3).get("artist.in_record"));       // another artist
        assertEquals(1.0, fs.explain(4, 4).get("artist.in_record"));       // both in their columns
        FeatureSpace rebuilt = FeatureSpace.fromSpec(fs.spec(), clean, dirty);     // as a saved model does
        assertEquals(fs.explain(3, 3), rebuilt.explain(3, 3));
    }

    @Test
    void valuesMerelyMissingGetNoFeature() {
        FeatureSpace fs = FeatureSpace.builder(songs(0, false), songs(3, true)).build();
        assertFalse(fs.names().contains("artist.in_record"), fs.names().toString());
    }

    @Test
    void theTraceOfMovedValuesIsLongerTextWhereTheValueIsEmpty() {
        String[] artist = new String[SONGS];
        String[] title = new String[SONGS];
        for (int i = 0; i < SONGS; i++) {
            boolean empty = i % 3 == 0;
            artist[i] = empty ? null : ARTISTS[i % ARTISTS.length];
            title[i] = "song w" + i + (empty ? " " + ARTISTS[i % ARTISTS.length] : "");
        }
        assertTrue(InRecordRecipe.moves(artist, new String[][] {title}));
        for (int i = 0; i < SONGS; i += 3) {
            title[i] = "song w" + i;
        }
        assertFalse(InRecordRecipe.moves(artist, new String[][] {title}));
    }

    @Test
    void theShareOfTheValueFoundAndMissingValues() {
        long[][] value = InRecordRecipe.words(new String[] {"Lana Del Rey", null, "the the"});
        long[][] record = InRecordRecipe.words(new String[] {"Yayo | Born To Die | lana del rey | 5:21"});
        assertEquals(1.0, InRecordRecipe.found(value[0], record[0]));
        assertEquals(-1.0, InRecordRecipe.found(value[1], record[0]));
        assertEquals(-1.0, InRecordRecipe.found(value[2], record[0]));              // stop words only: no value
        assertEquals(0.0, InRecordRecipe.found(value[0], null));
    }
}
