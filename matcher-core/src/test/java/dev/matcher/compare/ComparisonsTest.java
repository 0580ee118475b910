package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The per-record shortcuts of {@link Comparisons} (value ids for equality, precomputed abbreviation words) give
 * bit for bit what the reference kernels give on the prepared strings, in linkage and in deduplication.
 */
class ComparisonsTest {
    private static final List<Measure> CHARACTER = List.of(Measure.EXACT, Measure.LEVENSHTEIN, Measure.JARO_WINKLER,
            Measure.JARO, Measure.PREFIX, Measure.ABBREVIATION, Measure.DAMERAU_LEVENSHTEIN);

    @Provide
    Arbitrary<String[]> column() {
        // few words, so that equal values, abbreviations and acronyms occur across the two sides
        Arbitrary<String> value = Arbitraries.of("st", "street", "saint", "the", "of", "abc", "a b c", "x.", "12",
                "ébc", "wallaby", "wallaby pl", "-").list().ofMaxSize(4).map(l -> String.join(" ", l));
        return value.injectNull(0.15).array(String[].class).ofMinSize(1).ofMaxSize(6);
    }

    private static void assertSameBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": " + expected + " vs " + actual);
    }

    @Property(tries = 300)
    void textCharacterMeasuresEqualTheKernels(@ForAll("column") String[] left, @ForAll("column") String[] right,
                                              @ForAll boolean dedup) {
        String[] r = dedup ? left : right;
        TextField f = TextField.build("t", left, r, new TextField.Options(false, false, false, false, false, null));
        Comparisons.Text c = new Comparisons.Text("t", f, CHARACTER);
        for (int k = 0; k < CHARACTER.size(); k++) {
            c.slots[k] = k;
        }
        double[] out = new double[CHARACTER.size()];
        long[] table = new long[256];
        for (int i = 0; i < left.length; i++) {
            for (int j = 0; j < r.length; j++) {
                c.compare(i, j, out, new Comparison.Scratch());
                String x = f.left.text[i];
                String y = f.right.text[j];
                for (int k = 0; k < CHARACTER.size(); k++) {
                    Measure m = CHARACTER.get(k);
                    double expected = x == null || y == null ? -1 : Measure.character(m, x, y, table);
                    assertSameBits(expected, out[k], m + " of " + x + " / " + y);
                }
                assertArrayEquals(new long[256], table, "table left zeroed");
            }
        }
    }

    @Property(tries = 300)
    void charsMeasuresEqualTheKernels(@ForAll("column") String[] left, @ForAll("column") String[] right,
                                      @ForAll boolean dedup) {
        String[] r = dedup ? left : right;
        Comparisons.Chars c = new Comparisons.Chars("c", left, r, Comparison.valueIds(left, r), CHARACTER);
        for (int k = 0; k < CHARACTER.size(); k++) {
            c.slots[k] = k;
        }
        double[] out = new double[CHARACTER.size()];
        for (int i = 0; i < left.length; i++) {
            for (int j = 0; j < r.length; j++) {
                c.compare(i, j, out, new Comparison.Scratch());
                for (int k = 0; k < CHARACTER.size(); k++) {
                    Measure m = CHARACTER.get(k);
                    double expected = left[i] == null || r[j] == null ? -1
                            : Measure.character(m, left[i], r[j], new long[256]);
                    assertSameBits(expected, out[k], m + " of " + left[i] + " / " + r[j]);
                }
            }
        }
    }

    @Property
    void valueIdsAreEqualExactlyForEqualValues(@ForAll("column") String[] left, @ForAll("column") String[] right) {
        int[][] ids = Comparison.valueIds(left, right);
        for (int i = 0; i < left.length; i++) {
            assertEquals(left[i] == null, ids[0][i] < 0);
            for (int j = 0; j < right.length; j++) {
                assertEquals(right[j] == null, ids[1][j] < 0);
                if (left[i] != null && right[j] != null) {
                    assertEquals(left[i].equals(right[j]), ids[0][i] == ids[1][j], left[i] + " / " + right[j]);
                }
            }
        }
    }
}
