package dev.matcher.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Quality of a k-way classification: accuracy, macro-averaged F1 (the mean of the per-class F1 over every class seen
 * in the truth or the predictions) and the per-class precision, recall and F1, from the confusion counts.
 *
 * <pre>{@code
 * ClassMetrics m = ClassMetrics.of(new String[] {"a", "b", "b"}, new String[] {"a", "b", "a"});
 * m.accuracy();   // 0.667
 * m.macroF1();    // 0.667
 * }</pre>
 */
public final class ClassMetrics {
    private final String[] classes;
    private final long[][] counts;
    private final long total;

    private ClassMetrics(String[] classes, long[][] counts, long total) {
        this.classes = classes;
        this.counts = counts;
        this.total = total;
    }

    /** Counts {@code predicted[i]} against {@code actual[i]}. */
    public static ClassMetrics of(String[] predicted, String[] actual) {
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + actual.length + " labels");
        }
        TreeSet<String> all = new TreeSet<>(Arrays.asList(actual));
        all.addAll(Arrays.asList(predicted));
        String[] classes = all.toArray(new String[0]);
        long[][] counts = new long[classes.length][classes.length];
        for (int i = 0; i < actual.length; i++) {
            counts[Arrays.binarySearch(classes, actual[i])][Arrays.binarySearch(classes, predicted[i])]++;
        }
        return new ClassMetrics(classes, counts, actual.length);
    }

    public long size() {
        return total;
    }

    public double accuracy() {
        long ok = 0;
        for (int c = 0; c < classes.length; c++) {
            ok += counts[c][c];
        }
        return total == 0 ? 0 : (double) ok / total;
    }

    /** One class's figures. */
    public record PerClass(String label, long support, double precision, double recall, double f1) {
    }

    public List<PerClass> perClass() {
        List<PerClass> out = new ArrayList<>();
        for (int c = 0; c < classes.length; c++) {
            long tp = counts[c][c];
            long actual = 0;
            long predicted = 0;
            for (int o = 0; o < classes.length; o++) {
                actual += counts[c][o];
                predicted += counts[o][c];
            }
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = actual == 0 ? 0 : (double) tp / actual;
            out.add(new PerClass(classes[c], actual, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)));
        }
        return out;
    }

    public double macroF1() {
        return perClass().stream().mapToDouble(PerClass::f1).average().orElse(0);
    }

    /** Rows: true class; columns: predicted class, in the order of {@link #classes()}. */
    public long[][] confusion() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public List<String> classes() {
        return List.of(classes);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "accuracy %.4f, macro-F1 %.4f over %d records, %d classes", accuracy(),
                macroF1(), total, classes.length);
    }
}
