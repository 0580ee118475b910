package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenAlignmentTest {
    private static final String[] LEFT = {
        "Sony WH-1000XM4 wireless headphones black",
        "Apple iPhone 12 64GB black",
        "Intel Core i7-4790 3.6GHz processor",
        "Samsung EVO 64Go microSD card",
        null,
        "Kingston HX426C15FB/4 memory module",
    };
    private static final String[] RIGHT = {
        "sony wh1000xm4 black wireless headphone",
        "Apple iPhone 12 128GB black",
        "Intel Core i3-4340 3.6GHz processor",
        "Samsung EVO 64 GB micro SD card",
        "anything",
        "Kingston HX424C15FB/4 memory module",
    };

    private static double[] align(TokenAlignment t, int l, int r) {
        double[] f = new double[TokenAlignment.SUFFIXES.size()];
        assertTrue(t.align(l, r, f));
        return f;
    }

    private static double get(double[] f, String suffix) {
        return f[TokenAlignment.SUFFIXES.indexOf(suffix)];
    }

    @Test
    void codeVariantsAndFuzzyWordsAlign() {
        TokenAlignment t = TokenAlignment.build(LEFT, RIGHT, null);
        double[] f = align(t, 0, 0);
        assertEquals(0.5, get(f, "align_code_match"), 1e-9);        // wh1000xm4 on both sides: one code
        assertEquals(0, get(f, "align_code_left_max"));
        assertEquals(0, get(f, "align_code_conflict"));
        assertEquals(1, get(f, "align_word_cov_min"), 1e-9);        // headphones / headphone: one edit
        assertTrue(get(f, "align_fuzzy") > 0);
        double[] suffix = align(TokenAlignment.build(new String[] {"sony wh-1000xm4"}, new String[] {"sony 1000xm4"},
                null), 0, 0);
        assertEquals(0, get(suffix, "align_code_left_max"));         // 1000xm4 sits inside wh1000xm4
    }

    @Test
    void conflictingValuesOfTheSameTypeAreFlagged() {
        TokenAlignment t = TokenAlignment.build(LEFT, RIGHT, null);
        double[] storage = align(t, 1, 1);
        assertEquals(0.5, get(storage, "align_qty_conflict"), 1e-9);  // 64gb against 128gb
        assertEquals(1, get(storage, "align_word_cov_min"), 1e-9);
        double[] cpu = align(t, 2, 2);
        assertEquals(1, get(cpu, "align_code_conflict"));             // i74790 against i34340: same shape
        assertEquals(0.5, get(cpu, "align_qty_match"), 1e-9);          // 3.6ghz on both
        assertEquals(0, get(cpu, "align_qty_conflict"));
        assertTrue(get(cpu, "align_code_conflict_idf") > 0);
        double[] memory = align(t, 5, 5);
        assertEquals(1, get(memory, "align_code_conflict"));           // hx426c15fb4 against hx424c15fb4
        double[] same = align(t, 2, 0);
        assertEquals(0.5, get(same, "align_code_conflict"), 1e-9);     // unrelated codes of other shapes
    }

    @Test
    void frenchUnitsAreUnitsAndMissingTextIsNoAlignment() {
        TokenAlignment t = TokenAlignment.build(LEFT, RIGHT, null);
        double[] card = align(t, 3, 3);
        assertEquals(0.5, get(card, "align_qty_match"), 1e-9);          // 64go = 64 gb
        assertEquals(0, get(card, "align_qty_conflict"));
        assertFalse(t.align(4, 4, new double[TokenAlignment.SUFFIXES.size()]));
    }

    @Test
    void featuresAreSymmetricAndInRange() {
        TokenAlignment t = TokenAlignment.build(LEFT, RIGHT, null);
        TokenAlignment swapped = TokenAlignment.build(RIGHT, LEFT, null);
        double[] f = new double[TokenAlignment.SUFFIXES.size()];
        double[] g = new double[f.length];
        for (int l = 0; l < LEFT.length; l++) {
            for (int r = 0; r < RIGHT.length; r++) {
                boolean present = t.align(l, r, f);
                assertEquals(present, swapped.align(r, l, g));
                if (!present) {
                    continue;
                }
                for (int k = 0; k < f.length; k++) {
                    assertTrue(f[k] >= -1 && f[k] <= 1, TokenAlignment.SUFFIXES.get(k) + "=" + f[k]);
                    assertEquals(f[k], g[k], 1e-6, TokenAlignment.SUFFIXES.get(k));
                }
            }
        }
    }

    @Test
    void oneEditIsOneEdit() {
        assertTrue(TokenAlignment.oneEdit("headphones", "headphone"));
        assertTrue(TokenAlignment.oneEdit("colour", "color"));
        assertTrue(TokenAlignment.oneEdit("black", "blxck"));
        assertFalse(TokenAlignment.oneEdit("black", "white"));
        assertFalse(TokenAlignment.oneEdit("abc", "abd"));                // too short to trust
        assertFalse(TokenAlignment.oneEdit("router", "outers"));
    }

    @Test
    void titlesOfOffersGetTheFeaturesOtherTextDoesNot() {
        Table t = FeatureSpaceTest.products();
        FeatureSpace fs = FeatureSpace.builder(t, t).build();
        assertTrue(fs.names().contains("title.align_code_conflict"), fs.names().toString());
        assertFalse(fs.names().contains("brand.align_code_conflict"));  // one word, no codes
        Map<String, Double> e = fs.explain(2, 3);                         // iPhone 12 64GB vs 128GB
        assertTrue(e.get("title.align_qty_conflict") > 0);
        Table people = Table.builder("name", "street")
                .row("a", "john smith", "main street").row("b", "jon smith", "main st").build()
                .withKind("name", AttributeKind.STRING).withKind("street", AttributeKind.STRING);
        List<String> names = FeatureSpace.builder(people, people).build().names();
        assertTrue(names.stream().noneMatch(n -> n.contains(".align_")), names.toString());
    }
}
