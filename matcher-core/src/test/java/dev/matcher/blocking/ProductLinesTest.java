package dev.matcher.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductLinesTest {
    private static Set<Long> pairs(Pairs p) {
        Set<Long> s = new HashSet<>();
        for (int i = 0; i < p.size(); i++) {
            s.add(((long) Math.min(p.left(i), p.right(i)) << 32) | Math.max(p.left(i), p.right(i)));
        }
        return s;
    }

    private static boolean has(Set<Long> s, int a, int b) {
        return s.contains(((long) a << 32) | b);
    }

    @Test
    void theVariantsOfOneLineMeetWhateverColourSizeAndTemplate() {
        Table t = Table.builder("title", "color")
                .row("0", "Acme Essential Tee - Navy / XL", null)
                .row("1", "ACME essential tee, Gray, XXL", null)
                .row("2", "Tee | Acme Essential | Heather Grey | Small", null)
                .row("3", "Acme Essential Tees (Jet Black) Size: Sm", "Black")
                .row("4", "Zenith Nova 12 Pro Phone 128 GB Blue", null)
                .row("5", "Zenith Nova 12 Pro 256GB Black", null)
                .row("6", "Linenhaus Bamboo Sheet Set Queen White", null)
                .build().withKind("title", AttributeKind.STRING);
        Set<Long> p = pairs(Blockers.productLines().candidates(Task.deduplication(t)));
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                assertTrue(has(p, a, b), a + "-" + b + " in " + p.size() + " pairs");
            }
        }
        assertTrue(has(p, 4, 5), "Nova 12 Pro in two capacities");
        for (int a = 0; a < 6; a++) {
            assertFalse(has(p, Math.min(a, 6), Math.max(a, 6)) && a != 6, "the sheets share no line with " + a);
        }
        assertFalse(has(p, 0, 4));
    }

    @Test
    void singularFoldsSimplePluralsOnly() {
        assertEquals("sheet", ProductLines.singular("sheets"));
        assertEquals("glass", ProductLines.singular("glass"));
        assertEquals("bus", ProductLines.singular("bus"));
        assertEquals("tee", ProductLines.singular("tees"));
    }

    @Test
    void variantModeDefaultAddsProductLinesToAuto() {
        assertTrue(Blockers.autoVariants().toString().contains("productLines"), Blockers.autoVariants().toString());
        assertTrue(Blockers.autoVariants(50).toString().contains("productLines"));
    }
}
