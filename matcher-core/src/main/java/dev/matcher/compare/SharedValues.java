package dev.matcher.compare;

import dev.matcher.util.Parallel;
import dev.matcher.util.SharedElements;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Records with equal values share one profile object: after a {@link FeatureSpace} is built, each per-record column
 * ({@code String[]}, {@code int[][]}, {@code long[][]}) has its equal elements replaced by the first one of equal
 * content ({@link SharedElements}). Profiles are functions of a record's value and the corpus statistics, so on real
 * tables most columns (names, places, categories, codes) repeat a few thousand distinct profiles over millions of
 * records; sharing them keeps the profiles' memory near that of the distinct values. Nothing a comparison computes
 * changes: the objects are equal, only fewer. Nearly distinct columns (identifiers, whole-record text) stay as they are.
 */
final class SharedValues {
    private SharedValues() {
    }

    /**
     * Shares the equal elements of every column given (each a {@code String[]}, {@code int[][]} or {@code long[][]};
     * others are skipped), each column once however often it is listed.
     */
    static void share(List<Object> left, List<Object> right) {
        Object[] distinct = Stream.concat(left.stream(), right.stream()).distinct().toArray();
        Parallel.forEach(distinct.length, c -> share(distinct[c]));
    }

    private static void share(Object column) {
        if (column instanceof String[] s) {
            SharedElements.share(s);
        } else if (column instanceof int[][] s) {
            SharedElements.share(s, Arrays::hashCode, Arrays::equals);
        } else if (column instanceof long[][] s) {
            SharedElements.share(s, Arrays::hashCode, Arrays::equals);
        }
    }
}
