package dev.matcher.util;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParallelTest {
    @Test
    void inPoolBoundsTheThreadsOfEveryStepInside() {
        assertEquals(3, Parallel.inPool(3, Parallel::parallelism));
        AtomicIntegerArray seen = new AtomicIntegerArray(1000);
        int threads = Parallel.inPool(2, () -> {
            Parallel.forEach(1000, i -> seen.incrementAndGet(i));
            return Parallel.parallelism();
        });
        assertEquals(2, threads);
        for (int i = 0; i < 1000; i++) {
            assertEquals(1, seen.get(i));
        }
    }

    @Test
    void inPoolRethrowsTheWorksOwnException() {
        IllegalStateException thrown = new IllegalStateException("no blocker");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.inPool(2, () -> {
            throw thrown;
        }));
        assertEquals("no blocker", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Parallel.inPool(0, () -> 1));
        assertSame(Parallel.class, Parallel.inPool(1, () -> Parallel.class));
    }
}
