package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.variant.Dimension;
import dev.matcher.variant.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training in EXACT mode learns the variant synonyms its labels show (a shop's own colour name for a known colour)
 * and keeps them in the model: a saved and reloaded model compares them as one value on a new table.
 */
class VariantSynonymsTest {
    private static final String[] LINES = {"Acme Essential Tee", "Kestrel Classic Tee", "Halden Studio Tee",
        "Marlow Coastal Tee", "Fenwick Heritage Tee", "Northwind Organic Tee"};

    /** Per line: Ember (a shop's red) and Red of one size, and Blue of that size. */
    private static Table catalogue() {
        Table.Builder b = Table.builder("title", "color", "size");
        int id = 0;
        for (String line : LINES) {
            b.row("r" + id++, line, "Ember", "M");
            b.row("r" + id++, line + " Crew", "Red", "M");
            b.row("r" + id++, line, "Blue", "M");
        }
        return b.build();
    }

    @Test
    void synonymsOfTheLabelsAreKeptInTheModelFile(@TempDir Path dir) {
        Table t = catalogue();
        int n = LINES.length;
        int[] left = new int[2 * n];
        int[] right = new int[2 * n];
        boolean[] y = new boolean[2 * n];
        for (int k = 0; k < n; k++) {
            left[2 * k] = 3 * k;                       // Ember vs Red: the same item
            right[2 * k] = 3 * k + 1;
            y[2 * k] = true;
            left[2 * k + 1] = 3 * k + 1;               // Red vs Blue: another colour
            right[2 * k + 1] = 3 * k + 2;
        }
        Matcher m = Matcher.builder().mode(MatchMode.EXACT).seed(1).folds(2).search(false).threshold(0.5)
                .train(t, new LabelledPairs(Pairs.of(left, right), y), null);
        assertEquals(List.of("ember=red"), m.spec().variantWords().get("colour"), m.spec().variantWords().toString());

        Path f = dir.resolve("exact.bin");
        m.save(f);
        Matcher loaded = Matcher.load(f);
        assertEquals(m.spec(), loaded.spec());
        Table other = Table.builder("title", "color", "size")
                .row("a", "Quarry Trail Tee", "ember", "L")
                .row("b", "Quarry Trail Tee", "RED", "L")
                .row("c", "Quarry Trail Tee", "Blue", "L")
                .build();
        var v = loaded.features(other, other).leftVariants();
        assertEquals(Verdict.EQUAL, v.compare(0, v, 1, Dimension.COLOUR), "learned at training, kept in the file");
        assertEquals(Verdict.DIFFERENT, v.compare(0, v, 2, Dimension.COLOUR));

        Matcher variant = Matcher.builder().mode(MatchMode.VARIANT).variantAttributes("color", "size").seed(1)
                .folds(2).search(false).threshold(0.5).train(t, new LabelledPairs(Pairs.of(left, right), y), null);
        assertNotEquals(List.of("ember=red"), variant.spec().variantWords().get("colour"),
                "VARIANT mode ignores colours");
    }
}
