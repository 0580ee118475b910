package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.commons.text.similarity.LongestCommonSubsequence;

/** Properties of every kernel (range, identity, symmetry) and hand-checked values from the published definitions. */
class MeasuresTest {
    /** The string kernels, by feature name. */
    static final List<Object[]> STRING_MEASURES = List.of(
            new Object[] {"exact", (BiFunction<String, String, Double>) Measures::exact},
            new Object[] {"levenshtein", (BiFunction<String, String, Double>) Measures::levenshtein},
            new Object[] {"damerau_levenshtein", (BiFunction<String, String, Double>) Measures::damerauLevenshtein},
            new Object[] {"jaro", (BiFunction<String, String, Double>) Measures::jaro},
            new Object[] {"jaro_winkler", (BiFunction<String, String, Double>) Measures::jaroWinkler},
            new Object[] {"lcs_substring", (BiFunction<String, String, Double>) Measures::lcsSubstring},
            new Object[] {"lcs_subsequence", (BiFunction<String, String, Double>) Measures::lcsSubsequence},
            new Object[] {"prefix", (BiFunction<String, String, Double>) Measures::prefix},
            new Object[] {"monge_elkan", (BiFunction<String, String, Double>) (a, b) ->
                    Measures.mongeElkan(a.split(" "), b.split(" "), Measures::jaroWinkler)});

    @Provide
    Arbitrary<String> text() {
        // small alphabet so that near-equal strings are common; accents, a non-Latin-1 char and blanks included
        return Arbitraries.strings().withChars("abcdeéxyz 019-Ω").ofMinLength(0).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> longText() {
        return Arbitraries.strings().withChars("abcde ").ofMinLength(60).ofMaxLength(150);
    }

    @Provide
    Arbitrary<int[]> idSet() {
        return Arbitraries.integers().between(0, 30).array(int[].class).ofMaxSize(12)
                .map(a -> Arrays.stream(a).sorted().distinct().toArray());
    }

    @Property
    void stringMeasuresStayInRange(@ForAll("text") String a, @ForAll("text") String b) {
        for (Object[] m : STRING_MEASURES) {
            double v = apply(m, a, b);
            assertTrue(v >= 0 && v <= 1, m[0] + "(" + a + ", " + b + ") = " + v);
        }
    }

    @Property
    void stringMeasuresAreOneOnEqualInputs(@ForAll("text") String a) {
        Assume.that(!a.isEmpty());
        for (Object[] m : STRING_MEASURES) {
            assertEquals(1.0, apply(m, a, new String(a)), 1e-12, m[0] + "(" + a + ")");
        }
    }

    @Property
    void stringMeasuresAreSymmetric(@ForAll("text") String a, @ForAll("text") String b) {
        for (Object[] m : STRING_MEASURES) {
            assertEquals(apply(m, a, b), apply(m, b, a), 1e-12, m[0] + "(" + a + ", " + b + ")");
        }
    }

    @Property
    void levenshteinAgreesWithCommonsText(@ForAll("text") String a, @ForAll("text") String b) {
        assertEquals(LevenshteinDistance.getDefaultInstance().apply(a, b), Measures.levenshteinDistance(a, b));
    }

    @Property
    void levenshteinOnLongStringsAgreesWithCommonsText(@ForAll("longText") String a, @ForAll("longText") String b) {
        String x = a.substring(0, Math.min(a.length(), Measures.MAX_CHARS));
        String y = b.substring(0, Math.min(b.length(), Measures.MAX_CHARS));
        assertEquals(LevenshteinDistance.getDefaultInstance().apply(x, y), Measures.levenshteinDistance(a, b));
    }

    @Property
    void damerauIsNeverAboveLevenshtein(@ForAll("text") String a, @ForAll("text") String b) {
        int d = Measures.damerauLevenshteinDistance(a, b);
        assertTrue(d <= Measures.levenshteinDistance(a, b));
        assertTrue(d >= Math.abs(a.length() - b.length()));
    }

    @Property
    void lcsAgreesWithCommonsText(@ForAll("text") String a, @ForAll("text") String b) {
        assertEquals((int) new LongestCommonSubsequence().apply(a, b), Measures.longestCommonSubsequence(a, b));
        assertTrue(Measures.longestCommonSubstring(a, b) <= Measures.longestCommonSubsequence(a, b));
    }

    @Property
    void jaroWinklerAgreesWithCommonsTextOnShortStrings(@ForAll("text") String a, @ForAll("text") String b) {
        // Commons Text scales the prefix bonus by min(0.1, 1/maxLength); equal to Winkler's 0.1 up to 10 characters
        Assume.that(Math.max(a.length(), b.length()) <= 10 && a.length() != b.length());
        assertEquals(new JaroWinklerSimilarity().apply(a, b), Measures.jaroWinkler(a, b), 1e-9, a + " / " + b);
    }

    @Property
    void jaroWinklerOnLatin1BytesIsTheStringKernel(@ForAll("text") String a, @ForAll("text") String b) {
        // the token matrices call the byte version; its values must be the String kernel's, bit for bit
        Assume.that((a + b).chars().allMatch(c -> c <= 0xFF));
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] y = b.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long[] table = new long[256];
        assertEquals(Double.doubleToRawLongBits(Measures.jaroWinkler(a, b)),
                Double.doubleToRawLongBits(Measures.jaroWinkler(x, y, table)), a + " / " + b);
        assertTrue(Arrays.stream(table).allMatch(v -> v == 0), "table left zeroed");
    }

    @Property
    void intersectionCountsTheSharedIds(@ForAll("idSet") int[] a, @ForAll("idSet") int[] b) {
        long expected = Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).count();
        assertEquals(expected, Measures.intersection(a, b));
        int[] padded = new int[a.length + 2];                       // a range inside a larger array
        System.arraycopy(a, 0, padded, 1, a.length);
        padded[0] = -1;
        padded[a.length + 1] = 99;
        assertEquals(expected, Measures.intersection(padded, 1, a.length, b, 0, b.length));
    }

    @Property
    void setMeasuresStayInRangeAndAreSymmetric(@ForAll("idSet") int[] a, @ForAll("idSet") int[] b) {
        double[] sym = {Measures.jaccard(a, b), Measures.dice(a, b), Measures.overlap(a, b)};
        double[] rev = {Measures.jaccard(b, a), Measures.dice(b, a), Measures.overlap(b, a)};
        for (int i = 0; i < sym.length; i++) {
            assertTrue(sym[i] >= 0 && sym[i] <= 1);
            assertEquals(sym[i], rev[i], 1e-12);
        }
        assertTrue(Measures.containment(a, b) >= 0 && Measures.containment(a, b) <= 1);
        assertTrue(Measures.jaccard(a, b) <= Measures.dice(a, b) + 1e-12);
        assertTrue(Measures.dice(a, b) <= Measures.overlap(a, b) + 1e-12);
    }

    @Property
    void setMeasuresAreOneOnEqualSets(@ForAll("idSet") int[] a) {
        Assume.that(a.length > 0);
        int[] b = a.clone();
        float[] w = new float[31];
        Arrays.fill(w, 1.5f);
        float[] wa = new float[a.length];
        Arrays.fill(wa, 0.3f);
        for (double v : new double[] {Measures.jaccard(a, b), Measures.dice(a, b), Measures.overlap(a, b),
                Measures.containment(a, b), Measures.weightedJaccard(a, b, w), Measures.cosine(a, wa, b, wa.clone())}) {
            assertEquals(1.0, v, 1e-6);
        }
    }

    @Property
    void weightedMeasuresStayInRange(@ForAll("idSet") int[] a, @ForAll("idSet") int[] b) {
        float[] w = new float[31];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + i % 7;
        }
        float[] wa = new float[a.length];
        float[] wb = new float[b.length];
        for (int i = 0; i < wa.length; i++) {
            wa[i] = w[a[i]];
        }
        for (int i = 0; i < wb.length; i++) {
            wb[i] = w[b[i]];
        }
        double wj = Measures.weightedJaccard(a, b, w);
        double c = Measures.cosine(a, wa, b, wb);
        assertTrue(wj >= 0 && wj <= 1);
        assertTrue(c >= 0 && c <= 1);
        assertEquals(wj, Measures.weightedJaccard(b, a, w), 1e-12);
        assertEquals(c, Measures.cosine(b, wb, a, wa), 1e-9);
    }

    @Property
    void decaysAreOneAtZeroHalfAtScaleAndInRange(@ForAll @DoubleRange(min = -1e6, max = 1e6) double d,
                                                 @ForAll @DoubleRange(min = 0.01, max = 1e3) double scale) {
        for (double v : new double[] {Measures.gaussian(d, scale), Measures.linear(d, scale),
                Measures.exponential(d, scale)}) {
            assertTrue(v >= 0 && v <= 1);
        }
        assertEquals(1, Measures.gaussian(0, scale));
        assertEquals(0.5, Measures.exponential(scale, scale), 1e-12);
        assertEquals(0.5, Measures.linear(-scale, scale), 1e-12);
        assertEquals(0.5, Measures.gaussian(scale, scale), 1e-12);
    }

    @Property
    void relativeSimilarityIsSymmetricInRange(@ForAll @DoubleRange(min = -1e9, max = 1e9) double a,
                                              @ForAll @DoubleRange(min = -1e9, max = 1e9) double b) {
        double v = Measures.relativeSimilarity(a, b);
        assertTrue(v >= 0 && v <= 1);
        assertEquals(v, Measures.relativeSimilarity(b, a));
        assertEquals(1, Measures.relativeSimilarity(a, a));
    }

    @Property
    void hammingIsSymmetricInRange(@ForAll long a, @ForAll long b) {
        double v = Measures.hamming64(a, b);
        assertTrue(v >= 0 && v <= 1);
        assertEquals(v, Measures.hamming64(b, a));
        assertEquals(1, Measures.hamming64(a, a));
        assertEquals(0, Measures.hamming64(a, ~a));
    }

    @Example
    void handCheckedValues() {
        assertEquals(0.961, Measures.jaroWinkler("MARTHA", "MARHTA"), 5e-4);   // Winkler 1990
        assertEquals(0.944, Measures.jaro("MARTHA", "MARHTA"), 5e-4);
        assertEquals(0.840, Measures.jaroWinkler("DWAYNE", "DUANE"), 5e-4);
        assertEquals(0.813, Measures.jaroWinkler("DIXON", "DICKSONX"), 5e-4);
        assertEquals(0.767, Measures.jaro("DIXON", "DICKSONX"), 5e-4);
        assertEquals(3, Measures.levenshteinDistance("kitten", "sitting"));
        assertEquals(1 - 3 / 7.0, Measures.levenshtein("kitten", "sitting"), 1e-12);
        assertEquals(1, Measures.damerauLevenshteinDistance("ca", "ac"));
        assertEquals(2, Measures.levenshteinDistance("ca", "ac"));
        assertEquals(3, Measures.damerauLevenshteinDistance("ca", "abc"));    // OSA: no edit of a transposed pair
        assertEquals(4, Measures.longestCommonSubsequence("ABCBDAB", "BDCABA"));
        assertEquals(3, Measures.longestCommonSubstring("xabcy", "zabcw"));
        assertEquals(1.0, Measures.prefix("jon", "jonathan"));
        assertEquals(0.5, Measures.jaccard(new int[] {1, 2, 3}, new int[] {2, 3, 4}));
        assertEquals(2.0 / 3, Measures.dice(new int[] {1, 2, 3}, new int[] {2, 3, 4}), 1e-12);
        assertEquals(1.0, Measures.overlap(new int[] {2, 3}, new int[] {1, 2, 3, 4}));
        assertEquals(0.5, Measures.containment(new int[] {1, 2, 3, 4}, new int[] {2, 3}));
        // Monge-Elkan with exact inner measure: "paul johnson" vs "johnson paule": both directions 1/2 -> 0.5
        assertEquals(0.5, Measures.mongeElkan(new String[] {"paul", "johnson"}, new String[] {"johnson", "paule"},
                Measures::exact), 1e-12);
        assertEquals(1 - 4 / 64.0, Measures.hamming64(0b1011L, 0b0100L), 1e-12);
        assertEquals(0.8, Measures.relativeSimilarity(100, 80), 1e-12);
    }

    private static double apply(Object[] m, String a, String b) {
        @SuppressWarnings("unchecked")
        BiFunction<String, String, Double> f = (BiFunction<String, String, Double>) m[1];
        return f.apply(a, b);
    }
}
