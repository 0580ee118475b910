package dev.matcher.match;

import java.util.Arrays;
import java.util.Comparator;

/** Orders features by a score, largest first; ties keep feature order, so printed tables are deterministic. */
final class Ranking {
    private Ranking() {
    }

    /** Indices of {@code keys} by decreasing value, ties by increasing index. */
    static int[] descending(double[] keys) {
        Integer[] idx = new Integer[keys.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -keys[i]).thenComparing(i -> i));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** The value of the named feature. */
    static double valueOf(String[] names, double[] values, String feature) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(feature)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("no feature '" + feature + "'");
    }

    /** The names of the first {@code k} indices of {@code order}. */
    static String[] top(String[] names, int[] order, int k) {
        String[] t = new String[Math.min(k, order.length)];
        for (int i = 0; i < t.length; i++) {
            t[i] = names[order[i]];
        }
        return t;
    }
}
