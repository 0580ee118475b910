package dev.matcher.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one TF-IDF: both weightings' formulas and unit-length vectors. */
class TermWeightingTest {
    @Test
    void binaryIdfIsLnOfNOverDfAndIgnoresCounts() {
        assertEquals((float) Math.log(1000 / 10.0) + 1e-6f, TermWeighting.BINARY.idf(1000, 10));
        assertEquals(1e-6f, TermWeighting.BINARY.idf(5, 5), 1e-12);             // a term in every record still counts
        float[] idf = {2f, 1f};
        float[] once = TermWeighting.BINARY.unitWeights(new int[] {0, 1}, null, idf);
        float[] thrice = TermWeighting.BINARY.unitWeights(new int[] {0, 1}, new int[] {3, 3}, idf);
        assertEquals(once[0], thrice[0]);
        assertEquals(2 / Math.sqrt(5), once[0], 1e-6);
        assertEquals(1 / Math.sqrt(5), once[1], 1e-6);
    }

    @Test
    void logSmoothedWeighsRepeatsSublinearlyAndIsNeverZero() {
        assertEquals((float) (Math.log(1001.0 / 4.0) + 1), TermWeighting.LOG_SMOOTHED.idf(1000, 3));
        assertEquals(1f, TermWeighting.LOG_SMOOTHED.idf(9, 9));
        float[] idf = {1f, 1f};
        float[] w = TermWeighting.LOG_SMOOTHED.unitWeights(new int[] {0, 1}, new int[] {1, 3}, idf);
        double a = 1;
        double b = 1 + Math.log(3);
        assertEquals(a / Math.hypot(a, b), w[0], 1e-6);
        assertEquals(b / Math.hypot(a, b), w[1], 1e-6);
        assertEquals(1, w[0] * w[0] + w[1] * w[1], 1e-6);
    }

    @Test
    void aRecordWithoutWeightGetsZeros() {
        float[] w = TermWeighting.BINARY.unitWeights(new int[] {0}, null, new float[] {0f});
        assertEquals(0f, w[0]);
    }
}
