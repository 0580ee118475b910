package dev.matcher.match;

import dev.matcher.util.Parallel;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cross-fitted set of trained models, one probability calibration and the feature names: the
 * feature-space-independent part of a {@link Matcher}. Each of the k models was trained on k-1 folds; the calibration
 * was fitted on their pooled out-of-fold raw scores, so it is valid for each of them, and the probability of a pair
 * is the mean of the k calibrated probabilities (the "ensemble" variant of cross-validated calibration). A single
 * model refitted on all rows would score on another scale than the one the calibration saw. Explanations average
 * the k models' raw contributions. Immutable and thread-safe.
 *
 * <pre>{@code
 * CalibratedModel m = ModelTrainer.builder().build().train(x, y, names).model();
 * double[] p = m.probabilities(x);          // parallel, on the flat arrays
 * System.out.println(m.explain(x[0]));      // feature, value, contribution table
 * }</pre>
 */
public final class CalibratedModel {
    private final TrainedModel[] models;
    private final Calibration calibration;
    private final String[] names;
    private final double[] importance;

    public CalibratedModel(List<TrainedModel> models, Calibration calibration, String[] names, double[] importance) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model");
        }
        for (TrainedModel model : models) {
            if (names.length != model.features() || importance.length != model.features()
                    || model.type() != models.get(0).type()) {
                throw new IllegalArgumentException("model has " + model.features() + " features, got "
                        + names.length + " names and " + importance.length + " importances");
            }
        }
        this.models = models.toArray(new TrainedModel[0]);
        this.calibration = calibration;
        this.names = names.clone();
        this.importance = importance.clone();
    }

    /** The first of the cross-fitted models. */
    public TrainedModel model() {
        return models[0];
    }

    public List<TrainedModel> models() {
        return List.of(models);
    }

    public ModelType type() {
        return models[0].type();
    }

    public Calibration calibration() {
        return calibration;
    }

    public List<String> names() {
        return List.of(names);
    }

    public double probability(double[] x) {
        double p = 0;
        for (TrainedModel m : models) {
            p += calibration.probability(m.raw(x));
        }
        return p / models.length;
    }

    /** Rows per block when scoring many: a block is scored tree by tree so that each tree is read once per block. */
    static final int BLOCK = 256;

    /** Probabilities of rows {@code from..to-1} into {@code out[0..]}; {@code raw} is scratch of the same length. */
    void probabilities(double[][] x, int from, int to, double[] out, double[] raw) {
        int n = to - from;
        Arrays.fill(out, 0, n, 0);
        for (TrainedModel m : models) {
            m.raw(x, from, to, raw);
            for (int i = 0; i < n; i++) {
                out[i] += calibration.probability(raw[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] /= models.length;
        }
    }

    /** Probabilities of many rows, in parallel in the caller's pool (see {@link Parallel}). */
    public double[] probabilities(double[][] x) {
        double[] p = new double[x.length];
        int blocks = (x.length + BLOCK - 1) / BLOCK;
        Parallel.forEach(blocks, b -> {
            int from = b * BLOCK;
            int to = Math.min(x.length, from + BLOCK);
            double[] out = new double[to - from];
            probabilities(x, from, to, out, new double[to - from]);
            System.arraycopy(out, 0, p, from, to - from);
        });
        return p;
    }

    /** Why the model scored a vector as it did (contributions are in the model's raw unit). */
    public Explanation explain(double[] x) {
        double raw = 0;
        double base = 0;
        double[] phi = new double[names.length];
        for (TrainedModel m : models) {
            raw += m.raw(x) / models.length;
            base += m.baseValue() / models.length;
            double[] c = m.contributions(x);
            for (int j = 0; j < phi.length; j++) {
                phi[j] += c[j] / models.length;
            }
        }
        return new Explanation(names, x.clone(), phi, base, raw, probability(x), models[0].unit());
    }

    /** Names of the features any of the models reads; a feature space may leave the others uncomputed. */
    public Set<String> featuresRead() {
        BitSet read = new BitSet(names.length);
        for (TrainedModel m : models) {
            read.or(m.featuresRead());
        }
        return read.stream().mapToObj(j -> names[j]).collect(Collectors.toUnmodifiableSet());
    }

    /** Mean absolute contribution of each feature over (a sample of) the training rows. */
    public FeatureImportance featureImportance() {
        return new FeatureImportance(names, importance);
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(names.length);
        for (int j = 0; j < names.length; j++) {
            out.writeUTF(names[j]);
            out.writeDouble(importance[j]);
        }
        out.writeUTF(type().name());
        out.writeInt(models.length);
        for (TrainedModel model : models) {
            if (model instanceof TreeEnsemble t) {
                t.write(out);
            } else {
                ((LinearModel) model).write(out);
            }
        }
        calibration.write(out);
    }

    /** Reads what {@link #write} wrote, as untrusted input; {@code features} is the feature space's size. */
    static CalibratedModel read(ModelInput in, int features) {
        in.part("model");
        int p = in.count("feature importance", 10);
        if (p != features) {
            throw in.fail(p + " feature importances for " + features + " features");
        }
        String[] names = new String[p];
        double[] imp = new double[p];
        for (int j = 0; j < p; j++) {
            names[j] = in.readUTF("feature name");
            imp[j] = in.readDouble("feature importance");
        }
        ModelType type = in.readEnum(ModelType.class, "model type");
        int k = in.count("fold model", type == ModelType.LOGISTIC_REGRESSION ? 12 : 22);
        if (k == 0) {
            throw in.fail("no fold model");
        }
        List<TrainedModel> ms = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            in.part("fold model " + i);
            TrainedModel m = type == ModelType.LOGISTIC_REGRESSION ? LinearModel.read(in, p)
                    : TreeEnsemble.read(in, p, "fold model " + i);
            if (m.type() != type) {
                throw in.fail("a " + m.type() + " model in a " + type + " ensemble");
            }
            ms.add(m);
        }
        in.part("calibration");
        Calibration calibration = Calibration.read(in);
        return new CalibratedModel(ms, calibration, names, imp);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalibratedModel c && Arrays.equals(models, c.models) && calibration.equals(c.calibration)
                && Arrays.equals(names, c.names) && Arrays.equals(importance, c.importance);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(models) * 31 + Arrays.hashCode(names);
    }

    @Override
    public String toString() {
        return "CalibratedModel[" + models.length + " x " + models[0] + ", " + calibration + "]";
    }
}
