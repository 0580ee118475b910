package dev.matcher.compare;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnNamesTest {
    @Test
    void namesSplitIntoLowerCaseWordsWhateverTheStyle() {
        List<String> dob = List.of("date", "of", "birth");
        assertEquals(dob, ColumnNames.words("dateOfBirth"));
        assertEquals(dob, ColumnNames.words("date_of_birth"));
        assertEquals(dob, ColumnNames.words("Date of Birth"));
        assertEquals(dob, ColumnNames.words("DATE-OF-BIRTH"));
        assertEquals(List.of("address", "1"), ColumnNames.words("address1"));
        assertEquals(List.of("abv", "percent"), ColumnNames.words("ABVPercent"));
        assertEquals(List.of("preis"), ColumnNames.words("Préis"));
    }

    private static double score(String a, String b) {
        return ColumnNames.similarity(a, b).score();
    }

    @Test
    void equalSynonymAbbreviatedAndAcronymNames() {
        assertEquals(1, score("Song_Name", "songName"));
        assertEquals("same name", ColumnNames.similarity("Song_Name", "song name").reason());
        assertEquals(ColumnNames.SYNONYM, score("title", "name"), 1e-9);
        assertEquals("synonym title~name", ColumnNames.similarity("title", "name").reason());
        assertEquals(ColumnNames.SYNONYM, score("given_name", "firstName"), 1e-9);
        assertEquals(ColumnNames.SYNONYM, score("dob", "date of birth"), 1e-9);
        assertEquals(ColumnNames.SYNONYM, score("zip", "postal_code"), 1e-9);
        assertEquals(ColumnNames.SYNONYM, score("surname", "last name"), 1e-9);
        assertEquals(ColumnNames.SYNONYM, score("addr", "address"), 1e-9);      // listed: a synonym
        assertEquals(ColumnNames.ABBREVIATION, score("mfg", "manufacturing"), 1e-9);   // not listed: abbreviation
        assertEquals(ColumnNames.ABBREVIATION, score("mgmt", "management"), 1e-9);
        assertTrue(score("dept_store", "department_store") > 0.8);
        assertTrue(score("lbl_txt", "label_text") >= 0.79);
        assertTrue(score("ssn", "social_security_number") >= ColumnNames.ABBREVIATION);
        assertTrue(score("wpm", "words per minute") >= ColumnNames.ABBREVIATION, "acronym of three words");
    }

    @Test
    void genericWordsWeighLittleAndUnrelatedNamesScoreNothing() {
        assertTrue(score("artist_name", "song_name") < 0.3, "only 'name' shared");
        assertTrue(score("Song_Name", "song title") > 0.9, "song shared, name~title");
        assertEquals(0, score("price", "colour"));
        assertEquals(0, score("x7k2q", "title"));
        assertFalse(ColumnNames.abbreviates("city", "capacity"), "vowels inside: not a skeleton, not a prefix");
        assertTrue(ColumnNames.abbreviates("yr", "year"));
        assertTrue(ColumnNames.abbreviates("dept", "department"));
        assertTrue(ColumnNames.abbreviates("mgmt", "management"));
        assertTrue(ColumnNames.abbreviates("desc", "description"));
        assertFalse(ColumnNames.abbreviates("de", "description"), "two-letter prefixes say too little");
    }

    @Test
    void valueShapesAndDistributions() {
        assertEquals("9-9-9", ColumnEvidence.shape("310-475-3585"));
        assertEquals("9/9 -9", ColumnEvidence.shape(" 310/246 -1501 "));
        assertEquals("$ 9.9", ColumnEvidence.shape("$ 1.29"));
        assertEquals("a a", ColumnEvidence.shape("Ann Smith"));
        assertEquals(0, ColumnEvidence.ks(new double[] {1, 2, 3}, new double[] {1, 2, 3}), 1e-12);
        assertEquals(1, ColumnEvidence.ks(new double[] {1, 2}, new double[] {5, 6}), 1e-12);
        assertEquals(0.5, ColumnEvidence.ks(new double[] {1, 2}, new double[] {2, 3}), 1e-12);
        assertEquals(0.5, ColumnEvidence.lift(0.6, 0.2), 1e-12);
        assertEquals(0, ColumnEvidence.lift(0.1, 0.2), 1e-12);
    }
}
