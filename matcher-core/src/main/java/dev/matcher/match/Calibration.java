package dev.matcher.match;

import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A monotone map from a model's raw score to a match probability, fitted on held-out (out-of-fold) scores so that
 * among pairs scored 0.9 about 90 % are matches.
 *
 * <ul>
 *   <li>{@link Method#ISOTONIC}: pool-adjacent-violators, linearly interpolated between block centres (no flat
 *       steps that would tie many pairs); needs a few hundred held-out pairs.</li>
 *   <li>{@link Method#PLATT}: a logistic curve {@code 1 / (1 + exp(-(a * raw + b)))}, fine for small data.</li>
 *   <li>{@link Method#AUTO}: isotonic with at least 500 held-out pairs and 50 of each class, else Platt.</li>
 * </ul>
 *
 * <pre>{@code
 * Calibration c = Calibration.fit(Calibration.Method.AUTO, outOfFoldRaw, labels);
 * double p = c.probability(model.raw(x));
 * }</pre>
 */
public final class Calibration {
    /** How to calibrate. */
    public enum Method { AUTO, ISOTONIC, PLATT, NONE }

    private static final double EPS = 1e-4;
    private final Method method;
    /** Isotonic knots (raw score, probability), strictly increasing in raw; Platt: {a, b}. */
    private final double[] xs;
    private final double[] ps;

    private Calibration(Method method, double[] xs, double[] ps) {
        this.method = method;
        this.xs = xs;
        this.ps = ps;
    }

    /** The identity for raw scores that already are probabilities; clamps others into [0, 1]. */
    public static Calibration none() {
        return new Calibration(Method.NONE, new double[0], new double[0]);
    }

    /** The plain logistic function, for raw scores that are uncalibrated log-odds. */
    public static Calibration logistic() {
        return new Calibration(Method.PLATT, new double[] {1, 0}, new double[0]);
    }

    public static Calibration fit(Method method, double[] raw, boolean[] y) {
        if (raw.length != y.length) {
            throw new IllegalArgumentException(raw.length + " scores for " + y.length + " labels");
        }
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        if (pos == 0 || pos == y.length) {
            throw new IllegalArgumentException("calibration needs both matches and non-matches, got " + pos + " of "
                    + y.length);
        }
        Method m = method;
        if (m == Method.AUTO) {
            m = raw.length >= 500 && pos >= 50 && raw.length - pos >= 50 ? Method.ISOTONIC : Method.PLATT;
        }
        return switch (m) {
            case ISOTONIC -> isotonic(raw, y);
            case PLATT -> platt(raw, y, pos);
            case NONE -> none();
            case AUTO -> throw new AssertionError();
        };
    }

    private static Calibration isotonic(double[] raw, boolean[] y) {
        int n = raw.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(raw[a], raw[b]));
        // blocks: sum of raw, sum of labels, count; equal raw scores start in one block
        double[] sx = new double[n];
        double[] sy = new double[n];
        int[] cnt = new int[n];
        int blocks = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double yi = y[i] ? 1 : 0;
            if (blocks > 0 && sx[blocks - 1] / cnt[blocks - 1] == raw[i]) {
                sx[blocks - 1] += raw[i];
                sy[blocks - 1] += yi;
                cnt[blocks - 1]++;
            } else {
                sx[blocks] = raw[i];
                sy[blocks] = yi;
                cnt[blocks] = 1;
                blocks++;
            }
            while (blocks > 1 && sy[blocks - 2] / cnt[blocks - 2] >= sy[blocks - 1] / cnt[blocks - 1]) {
                sx[blocks - 2] += sx[blocks - 1];
                sy[blocks - 2] += sy[blocks - 1];
                cnt[blocks - 2] += cnt[blocks - 1];
                blocks--;
            }
        }
        double[] xs = new double[blocks];
        double[] ps = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            xs[b] = sx[b] / cnt[b];
            ps[b] = sy[b] / cnt[b];
        }
        return new Calibration(Method.ISOTONIC, xs, ps);
    }

    /**
     * Platt scaling with his smoothed targets, fitted by Newton's method with backtracking (Lin, Lin and Weng 2007),
     * which stays stable when the held-out scores separate the classes perfectly.
     */
    private static Calibration platt(double[] raw, boolean[] y, int pos) {
        int n = raw.length;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (n - pos + 2.0);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = y[i] ? hi : lo;
        }
        double a = 1;
        double b = 0;
        double f = plattLoss(raw, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(a * raw[i] + b);
                double d = p - t[i];
                double w = p * (1 - p);
                ga += d * raw[i];
                gb += d;
                haa += w * raw[i] * raw[i];
                hab += w * raw[i];
                hbb += w;
            }
            if (Math.abs(ga) < 1e-7 && Math.abs(gb) < 1e-7) {
                break;
            }
            double det = haa * hbb - hab * hab;
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(haa * gb - hab * ga) / det;
            double gd = ga * da + gb * db;
            double step = 1;
            boolean moved = false;
            while (step >= 1e-10) {
                double na = a + step * da;
                double nb = b + step * db;
                double nf = plattLoss(raw, t, na, nb);
                if (nf < f + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    f = nf;
                    moved = true;
                    break;
                }
                step /= 2;
            }
            if (!moved) {
                break;
            }
        }
        return new Calibration(Method.PLATT, new double[] {a, b}, new double[0]);
    }

    /** Cross-entropy of sigmoid(a * raw + b) against targets t, computed without overflow. */
    private static double plattLoss(double[] raw, double[] t, double a, double b) {
        double f = 0;
        for (int i = 0; i < raw.length; i++) {
            double z = a * raw[i] + b;
            f += z >= 0 ? (1 - t[i]) * z + Math.log1p(Math.exp(-z)) : -t[i] * z + Math.log1p(Math.exp(z));
        }
        return f;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The calibrated probability of a raw score, in [0.0001, 0.9999] (never certain). */
    public double probability(double raw) {
        double p = switch (method) {
            case PLATT -> sigmoid(xs[0] * raw + xs[1]);
            case ISOTONIC -> interpolate(raw);
            default -> raw;
        };
        return Math.min(1 - EPS, Math.max(EPS, p));
    }

    private double interpolate(double raw) {
        int k = Arrays.binarySearch(xs, raw);
        if (k >= 0) {
            return ps[k];
        }
        int hi = -k - 1;
        if (hi == 0) {
            return ps[0];
        }
        if (hi == xs.length) {
            return ps[xs.length - 1];
        }
        int lo = hi - 1;
        double t = (raw - xs[lo]) / (xs[hi] - xs[lo]);
        return ps[lo] + t * (ps[hi] - ps[lo]);
    }

    public Method method() {
        return method;
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(method.name());
        out.writeInt(xs.length);
        for (double v : xs) {
            out.writeDouble(v);
        }
        out.writeInt(ps.length);
        for (double v : ps) {
            out.writeDouble(v);
        }
    }

    /** Reads what {@link #write} wrote, as untrusted input: the knots must fit the method. */
    static Calibration read(ModelInput in) {
        Method m = in.readEnum(Method.class, "calibration method");
        double[] xs = new double[in.count("calibration knot", 8)];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = in.readDouble("calibration knot");
        }
        double[] ps = new double[in.count("calibration probability", 8)];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = in.readDouble("calibration probability");
        }
        switch (m) {
            case PLATT -> {
                if (xs.length != 2 || ps.length != 0 || !Double.isFinite(xs[0]) || !Double.isFinite(xs[1])) {
                    throw in.fail("Platt calibration needs two finite parameters, found " + xs.length + " and "
                            + ps.length + " probabilities");
                }
            }
            case ISOTONIC -> {
                if (xs.length == 0 || xs.length != ps.length) {
                    throw in.fail("isotonic calibration with " + xs.length + " knots and " + ps.length
                            + " probabilities");
                }
                for (int i = 0; i < xs.length; i++) {
                    if (Double.isNaN(xs[i]) || i > 0 && !(xs[i - 1] <= xs[i])) {
                        throw in.fail("isotonic knot " + i + " (" + xs[i] + ") is out of order");
                    }
                    if (!(ps[i] >= 0 && ps[i] <= 1)) {
                        throw in.fail("isotonic probability " + i + " (" + ps[i] + ") is not in [0, 1]");
                    }
                }
            }
            case NONE -> {
                if (xs.length != 0 || ps.length != 0) {
                    throw in.fail("calibration NONE with " + xs.length + " knots");
                }
            }
            case AUTO -> throw in.fail("calibration method AUTO is a choice for training, not a fitted calibration");
        }
        return new Calibration(m, xs, ps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration c && method == c.method && Arrays.equals(xs, c.xs) && Arrays.equals(ps, c.ps);
    }

    @Override
    public int hashCode() {
        return method.hashCode() * 31 + Arrays.hashCode(xs);
    }

    @Override
    public String toString() {
        return switch (method) {
            case PLATT -> String.format("Calibration[Platt: a=%.3f, b=%.3f]", xs[0], xs[1]);
            case ISOTONIC -> "Calibration[isotonic, " + xs.length + " knots]";
            default -> "Calibration[none]";
        };
    }
}
