package dev.matcher.blocking;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The union of two candidate lists is their sorted distinct values, whether it merges (sorted inputs) or sorts. */
class LongBufferPropertiesTest {
    @Property(tries = 300)
    void theUnionIsTheSortedDistinctConcatenation(@ForAll @Size(max = 40) List<@LongRange(min = -20, max = 60) Long> x,
                                                  @ForAll @Size(max = 40) List<@LongRange(min = -20, max = 60) Long> y,
                                                  @ForAll boolean sortX, @ForAll boolean sortY) {
        long[] a = x.stream().mapToLong(Long::longValue).toArray();
        long[] b = y.stream().mapToLong(Long::longValue).toArray();
        if (sortX) {
            a = LongBuffer.sortedUnique(a);
        }
        if (sortY) {
            b = LongBuffer.sortedUnique(b);
        }
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        long[] aBefore = a.clone();
        long[] bBefore = b.clone();
        assertArrayEquals(LongBuffer.sortedUnique(all), LongBuffer.union(a, b));
        assertArrayEquals(aBefore, a, "inputs unchanged");
        assertArrayEquals(bBefore, b, "inputs unchanged");
    }
}
