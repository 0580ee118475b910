package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.Table;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every generated feature, on random small tables with nulls and dirty values: finite, in range, -1 iff missing. */
class FeatureSpacePropertiesTest {
    private static final String[] ATTRS = {"name", "text", "code", "num", "day", "cat"};
    private static final AttributeKind[] KINDS = {AttributeKind.STRING, AttributeKind.TEXT, AttributeKind.IDENTIFIER,
        AttributeKind.NUMERIC, AttributeKind.DATE, AttributeKind.CATEGORICAL};

    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> name = Arbitraries.of("jon", "john smith", "Jöhn  Smyth", "", "  ", "ann-marie", "O'Neil", "42");
        Arbitrary<String> text = Arbitraries.of("sony kdl-40v4100 40\" lcd black", "Sony KDL40V4100 LCD TV",
                "apple iphone 12 64gb", "TrÃ ¶ egs &amp; co 1.5 kg", "pack of 6 red", "", "xl shirt size 42");
        Arbitrary<String> code = Arbitraries.of("AB-123", "ab123", "978-0-306-40615-7", "x", "", "00123");
        Arbitrary<String> num = Arbitraries.of("1", "1.5", "$1,299.00", "-3", "abc", "0", "1e308", "");
        Arbitrary<String> day = Arbitraries.of("2001-03-04", "04/03/2001", "19560409", "March 4, 2001", "soon", "");
        Arbitrary<String> cat = Arbitraries.of("Electronics > TV", "electronics > tv > lcd", "Books", "books", "");
        List<Arbitrary<String>> columns = List.of(name, text, code, num, day, cat);
        Arbitrary<List<String>> row = Arbitraries.integers().between(0, 0).flatMap(x -> {
            List<Arbitrary<String>> cells = columns.stream().map(a -> a.injectNull(0.2)).toList();
            return net.jqwik.api.Combinators.combine(cells).as(l -> l);
        });
        return row.list().ofMinSize(2).ofMaxSize(7);
    }

    private static Table table(List<List<String>> rows) {
        Table.Builder b = Table.builder(ATTRS);
        for (int i = 0; i < rows.size(); i++) {
            b.row("r" + i, rows.get(i).toArray(new String[0]));
        }
        Table t = b.build();
        for (int a = 0; a < ATTRS.length; a++) {
            t = t.withKind(ATTRS[a], KINDS[a]);
        }
        return t;
    }

    @Property(tries = 60)
    void featuresAreFiniteInRangeAndMinusOneWhenMissing(@ForAll("rows") List<List<String>> rows,
                                                         @ForAll boolean allMeasures, @ForAll boolean variants) {
        Table t = table(rows);
        FeatureSpace fs = FeatureSpace.builder(t, t).allMeasures(allMeasures).neutralizeVariants(variants)
                .build();
        double[] x = new double[fs.size()];
        for (int l = 0; l < t.size(); l++) {
            for (int r = 0; r < t.size(); r++) {
                fs.compute(l, r, x);
                for (int k = 0; k < x.length; k++) {
                    String f = fs.names().get(k);
                    assertTrue(Double.isFinite(x[k]), f);
                    boolean difference = f.endsWith("_diff") || f.endsWith("log_ratio");
                    assertTrue(x[k] >= -1 && (difference || x[k] <= 1), f + " = " + x[k]);
                    String attr = f.substring(0, f.indexOf('.'));
                    boolean indicator = f.endsWith("_null");
                    int col = List.of(ATTRS).indexOf(attr);
                    if (col >= 0 && !indicator) {
                        String a = t.value(l, col);
                        String b = t.value(r, col);
                        if (a == null || a.isBlank() || b == null || b.isBlank()) {
                            assertEquals(-1, x[k], f + " with a missing value");
                        } else if (!variants && KINDS[col] != AttributeKind.NUMERIC && KINDS[col] != AttributeKind.DATE
                                && !f.contains("codes_") && !f.endsWith(".numbers") && !f.endsWith("soundex")
                                && !f.endsWith("metaphone") && !f.endsWith("nysiis") && !f.contains(".align_")) {
                            // string measures see every present value (numbers, dates, codes and phonetic codes
                            // may be unparseable or absent: -1 there too, by design; so are the token alignment's
                            // words, codes and numbers of a side that has none)
                            assertTrue(x[k] >= 0, f + " with both values present: " + x[k]);
                        }
                    }
                }
            }
        }
    }

    @Property(tries = 40)
    void deduplicationFeaturesAreSymmetric(@ForAll("rows") List<List<String>> rows) {
        Table t = table(rows);
        FeatureSpace fs = FeatureSpace.builder(t, t).allMeasures(true).build();
        for (int l = 0; l < t.size(); l++) {
            for (int r = 0; r < t.size(); r++) {
                double[] a = fs.compute(l, r);
                double[] b = fs.compute(r, l);
                for (int k = 0; k < a.length; k++) {
                    String f = fs.names().get(k);
                    String mirror = f.endsWith("left_null") ? f.replace("left_null", "right_null")
                            : f.endsWith("right_null") ? f.replace("right_null", "left_null")
                            : f.endsWith("containment_lr") ? f.replace("_lr", "_rl")
                            : f.endsWith("containment_rl") ? f.replace("_rl", "_lr") : f;
                    if (f.endsWith("tf_agree")) {
                        continue;                      // weighted by the left value's frequency; equal values agree
                    }
                    assertEquals(a[k], b[fs.indexOf(mirror)], 1e-6, f + " of (" + l + "," + r + ")");
                }
            }
        }
    }
}
