package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.Set;
import java.util.TreeSet;

/** Small hand-made tables and helpers for the blocking tests. */
final class TestTables {
    private TestTables() {
    }

    /** Values for hashing properties: ASCII with separators, non-ASCII that folds, null and empty. */
    static Arbitrary<String> messyValues() {
        Arbitrary<String> ascii = Arbitraries.strings().withChars("aZ09 -_.,/\t'\"()xyQ").ofMaxLength(20);
        Arbitrary<String> any = Arbitraries.strings().withChars("aZé É ß-Øæ\u00A0ﬁ2 ,ı").ofMaxLength(12);
        return Arbitraries.oneOf(ascii, any, Arbitraries.just(null), Arbitraries.just(""));
    }

    /** Six people: 0/1 and 2/3 are the same person spelled differently; 4 and 5 stand alone. */
    static Table people() {
        return Table.builder("given", "surname", "dob", "city")
                .row("p0", "John", "Smith", "1980-02-01", "London")
                .row("p1", "Jon", "Smyth", "19800201", "london")
                .row("p2", "Anna", "Müller", "1975-07-30", "Berlin")
                .row("p3", "Ana", "Mueller", "1975-07-30", "BERLIN")
                .row("p4", "Zoe", "Quist", "2001-12-24", "Oslo")
                .row("p5", "Bob", null, null, "Paris")
                .build();
    }

    static Table products() {
        return Table.builder("title", "brand")
                .row("a0", "Sony Bravia KDL-40V4100 40in LCD TV", "Sony")
                .row("a1", "Apple iPod nano 8GB silver MB598LL/A", "Apple")
                .row("a2", "Canon PowerShot SD1100 IS camera", "Canon")
                .build();
    }

    static Table offers() {
        return Table.builder("title", "brand")
                .row("b0", "Canon SD1100IS digital camera PowerShot", "Canon")
                .row("b1", "KDL40V4100 Bravia 40 inch television", "Sony")
                .row("b2", "Apple 8GB iPod nano MB598LLA", "apple")
                .row("b3", "Garmin nuvi 200 GPS", "Garmin")
                .build();
    }

    /** Pairs as a sorted set of "l-r" strings, for readable assertions. */
    static Set<String> set(Pairs p) {
        Set<String> s = new TreeSet<>();
        for (int i = 0; i < p.size(); i++) {
            s.add(p.left(i) + "-" + p.right(i));
        }
        return s;
    }

    static Set<String> set(String... pairs) {
        return new TreeSet<>(Set.of(pairs));
    }
}
