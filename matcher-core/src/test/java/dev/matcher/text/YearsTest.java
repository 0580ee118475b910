package dev.matcher.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class YearsTest {
    @Test
    void findsStandaloneYearsAnywhere() {
        assertArrayEquals(new long[] {2002}, Years.in("VLDB 2002, Hong Kong | 2002"));
        assertArrayEquals(new long[] {1999, 2011}, Years.in("remaster 2011; released 12/3/1999"));
        assertArrayEquals(new long[] {1875}, Years.in("founded in 1875"));
        assertArrayEquals(new long[0], Years.in("model 12000, kdl2002x, 1700 rpm, 2100"));
        assertArrayEquals(new long[0], Years.in(null));
    }

    @Property(tries = 200)
    void keysAreSortedDistinctYears(@ForAll String text, @ForAll @IntRange(min = 1800, max = 2099) int year) {
        for (String s : new String[] {text, text + " " + year + " " + text, year + "-" + year}) {
            long[] k = Years.in(s);
            for (int i = 0; i < k.length; i++) {
                assertTrue(k[i] >= 1800 && k[i] <= 2099, s);
                assertTrue(i == 0 || k[i - 1] < k[i], s);
            }
        }
        assertArrayEquals(new long[] {year}, Years.in("in " + year + "."));
    }
}
