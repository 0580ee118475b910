package dev.matcher.match;

import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A logistic-regression scorer: {@code raw(x) = intercept + sum(weight[j] * x[j])} in log-odds. Contributions are
 * centred on the training means ({@code weight[j] * (x[j] - mean[j])}), which are the exact Shapley values of a
 * linear model with independent features.
 *
 * <pre>{@code
 * LinearModel lr = (LinearModel) trainer.train(x, y, names).model();
 * double logOdds = lr.raw(features);
 * }</pre>
 */
public final class LinearModel implements TrainedModel {
    private final double intercept;
    private final double[] weight;
    private final double[] mean;
    private final double expected;

    LinearModel(double intercept, double[] weight, double[] mean) {
        if (weight.length != mean.length) {
            throw new IllegalArgumentException("weights and means differ in length");
        }
        this.intercept = intercept;
        this.weight = weight.clone();
        this.mean = mean.clone();
        this.expected = raw(mean);
    }

    @Override
    public int features() {
        return weight.length;
    }

    @Override
    public double raw(double[] x) {
        double s = intercept;
        for (int j = 0; j < weight.length; j++) {
            s += weight[j] * x[j];
        }
        return s;
    }

    @Override
    public BitSet featuresRead() {
        BitSet read = new BitSet(weight.length);
        for (int j = 0; j < weight.length; j++) {
            if (weight[j] != 0) {
                read.set(j);
            }
        }
        return read;
    }

    @Override
    public double baseValue() {
        return expected;
    }

    @Override
    public double[] contributions(double[] x) {
        double[] phi = new double[weight.length];
        for (int j = 0; j < weight.length; j++) {
            phi[j] = weight[j] * (x[j] - mean[j]);
        }
        return phi;
    }

    @Override
    public ModelType type() {
        return ModelType.LOGISTIC_REGRESSION;
    }

    /** The weights (a copy). */
    public double[] weights() {
        return weight.clone();
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(intercept);
        out.writeInt(weight.length);
        for (int j = 0; j < weight.length; j++) {
            out.writeDouble(weight[j]);
            out.writeDouble(mean[j]);
        }
    }

    /** Reads what {@link #write} wrote, as untrusted input, for a feature space of {@code features} features. */
    static LinearModel read(ModelInput in, int features) {
        double intercept = in.readDouble("intercept");
        int p = in.count("weight", 16);
        if (p != features) {
            throw in.fail(p + " weights for " + features + " features");
        }
        double[] w = new double[p];
        double[] m = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = in.readDouble("weight");
            m[j] = in.readDouble("training mean");
        }
        return new LinearModel(intercept, w, m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearModel l && intercept == l.intercept && Arrays.equals(weight, l.weight)
                && Arrays.equals(mean, l.mean);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weight);
    }

    @Override
    public String toString() {
        return "LinearModel[" + weight.length + " features, intercept " + String.format("%.3f", intercept) + "]";
    }
}
