package dev.matcher.text;

/**
 * The one TF-IDF of the library: how a term's weight in a record follows from its count there and its document
 * frequency, and the record's unit-length weight vector. Two weightings, because blocking and the features were
 * tuned with different ones and each keeps its candidates and scores:
 * <ul>
 *   <li>{@link #BINARY} (blocking's nearest neighbours and canopies): a term counts once,
 *       {@code idf = ln(N / df) + 1e-6};</li>
 *   <li>{@link #LOG_SMOOTHED} (features, anchors, classification): {@code tf = 1 + ln(count)},
 *       {@code idf = ln((N + 1) / (df + 1)) + 1}, never zero.</li>
 * </ul>
 *
 * <pre>{@code
 * float[] idf = {TermWeighting.LOG_SMOOTHED.idf(1000, 3), TermWeighting.LOG_SMOOTHED.idf(1000, 400)};
 * float[] w = TermWeighting.LOG_SMOOTHED.unitWeights(new int[] {0, 1}, new int[] {2, 1}, idf);   // |w| = 1
 * }</pre>
 */
public enum TermWeighting {
    /** Binary term frequency, {@code ln(N / df)} (plus 1e-6, so that a term in every record still counts). */
    BINARY {
        @Override
        public float idf(long documents, int df) {
            return (float) Math.log((double) documents / df) + 1e-6f;
        }

        @Override
        public double tf(int count) {
            return 1;
        }

        @Override
        double square(float w) {
            return (double) w * w;
        }
    },
    /** Log term frequency {@code 1 + ln(count)}, smoothed {@code ln((N + 1) / (df + 1)) + 1}. */
    LOG_SMOOTHED {
        @Override
        public float idf(long documents, int df) {
            return (float) (Math.log((documents + 1.0) / (df + 1.0)) + 1.0);
        }

        @Override
        public double tf(int count) {
            return 1 + Math.log(count);
        }

        @Override
        double square(float w) {
            return w * w;   // in float, as the features were fitted
        }
    };

    /** The inverse document frequency of a term found in {@code df} of {@code documents} records. */
    public abstract float idf(long documents, int df);

    /** The weight of a term that occurs {@code count} (1 or more) times in a record, before its idf. */
    public abstract double tf(int count);

    private float weight(int count, float idf) {
        return this == BINARY ? idf : (float) (tf(count) * idf);
    }

    abstract double square(float w);

    /**
     * The unit-length weights of one record's distinct terms: {@code terms[i]} (an index into {@code idf}) occurs
     * {@code counts[i]} times ({@code counts} may be null for {@link #BINARY}). A record whose weights are all zero
     * gets zeros.
     */
    public float[] unitWeights(int[] terms, int[] counts, float[] idf) {
        float[] w = new float[terms.length];
        double norm = 0;
        for (int i = 0; i < terms.length; i++) {
            w[i] = weight(counts == null ? 1 : counts[i], idf[terms[i]]);
            norm += square(w[i]);
        }
        float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int i = 0; i < w.length; i++) {
            w[i] *= inv;
        }
        return w;
    }
}
