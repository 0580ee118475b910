package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.variant.Dimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EXACT-mode hard rule "a different value in dimension D never matches" and the variant lines of explain. */
class RequireSameTest {
    static Shirts shirts;
    static Matcher exact;

    @BeforeAll
    static void train() {
        shirts = new Shirts(30, 1);
        exact = Matcher.builder().mode(MatchMode.EXACT).seed(3).folds(3).search(false)
                .train(shirts.table, shirts.pairs(0, 20, true, 2), null);
    }

    /** Two listings of other colours of one shirt: the rule sets them to 0, the model alone may not. */
    @Test
    void differentColourNeverMatchesUnknownIsLeftToTheModel() {
        Table t = Table.builder("title", "color")
                .row("a", "Acme crew neck tee TS-4000A", "Jet Black")
                .row("b", "Acme crew neck tee TS-4000A", "White")
                .row("c", "Acme crew neck tee TS-4000A", "BLK")
                .row("d", "Acme crew neck tee TS-4000A", null)
                .row("e", "Acme crew neck tee TS-4000A", "Wht")
                .build();
        Matcher m = Matcher.builder().seed(1).folds(2).search(false).threshold(0.5)
                .train(t, new LabelledPairs(Pairs.of(new int[] {0, 1, 0, 2}, new int[] {2, 4, 1, 4}),
                        new boolean[] {true, true, false, false}), null);
        Matcher strict = m.requireSame("colour");
        assertEquals(List.of(Dimension.COLOUR), strict.requiredSame());
        assertEquals(0.0, strict.score(t, t, 0, 1));                       // Jet Black vs White
        assertEquals(m.score(t, t, 0, 2), strict.score(t, t, 0, 2));       // Jet Black vs BLK: equal, model decides
        assertEquals(m.score(t, t, 0, 3), strict.score(t, t, 0, 3));       // one side silent: model decides
        double[] batch = strict.score(t, t, Pairs.of(new int[] {0, 0, 0}, new int[] {1, 2, 3}));
        assertEquals(0.0, batch[0]);
        assertEquals(strict.score(t, t, 0, 2), batch[1], 1e-12);
        assertEquals(strict.score(t, t, 0, 3), batch[2], 1e-12);
        Explanation e = strict.explain(t, t, 0, 1);
        assertEquals(0.0, e.probability());
        assertTrue(e.toString().contains("colour: black (jet black) [attribute] vs white [attribute] -> DIFFERENT"
                + "  (requireSame: never a match)"), e.toString());
    }

    @Test
    void explainShowsBothCanonicalValuesAndTheVerdictPerDimension() {
        int a = shirts.row(25, 0);
        int b = shirts.row(25, 1);
        Explanation e = exact.explain(shirts.table, shirts.table, a, b);
        String s = e.toString();
        assertTrue(s.contains("variant values (left vs right -> verdict):"), s);
        assertTrue(e.variants().stream().anyMatch(l -> l.startsWith("colour: ") && l.endsWith("-> DIFFERENT")), s);
        Explanation same = exact.explain(shirts.table, shirts.table, a, a + 1);
        assertTrue(same.variants().stream().anyMatch(l -> l.startsWith("colour: ") && l.endsWith("-> EQUAL")),
                same.toString());
    }

    @Test
    void theRuleIsSavedWithTheModelAndChecked(@TempDir Path dir) {
        Matcher strict = exact.requireSame("colour", "size");
        assertEquals(List.of(Dimension.COLOUR, Dimension.APPAREL_SIZE, Dimension.SHOE_SIZE, Dimension.BEDDING_SIZE),
                strict.requiredSame());
        Path f = dir.resolve("m.bin");
        strict.save(f);
        Matcher back = Matcher.load(f);
        assertEquals(strict, back);
        assertEquals(strict.requiredSame(), back.requiredSame());
        exact.save(f);
        assertTrue(Matcher.load(f).requiredSame().isEmpty());
        assertTrue(Files.exists(f));
        // variant mode has no such rule; a dimension these tables do not have is an error naming the known ones
        assertThrows(IllegalStateException.class, () -> Matcher.builder().mode(MatchMode.VARIANT)
                .requireSame("colour").train(shirts.table, shirts.pairs(0, 4, false, 2), null));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> exact.requireSame("flavour")
                .score(shirts.table, shirts.table, Pairs.of(new int[] {0}, new int[] {1})));
        assertTrue(bad.getMessage().contains("flavour") && bad.getMessage().contains("colour"), bad.getMessage());
    }
}
