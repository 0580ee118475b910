package dev.matcher.eval;

import dev.matcher.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageMeterTest {
    @Test
    void eachStageGetsItsOwnTimesAndHeapInOrder() {
        try (StageMeter m = new StageMeter()) {
            m.start("spin");
            long x = 0;
            // 0.2 s of this thread's own CPU time, however loaded the machine is
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + 200_000_000L;
            while (threads.getCurrentThreadCpuTime() < until) {
                x += Long.numberOfTrailingZeros(x + 1);
            }
            m.stop();
            ProgressListener l = m.listener();
            l.started("hold", -1, "");
            long[][] held = new long[64][];
            for (int i = 0; i < held.length; i++) {
                held[i] = new long[1 << 17];          // 64 MB kept to the stage's end
            }
            l.finished("hold", 0, "", 0);
            Map<String, StageMeter.Stage> s = m.stages();
            assertEquals(List.of("spin", "hold"), List.copyOf(s.keySet()));
            assertTrue(s.get("spin").seconds() >= 0.19, s.toString());
            assertTrue(s.get("spin").cpuSeconds() >= 0.19, "a busy thread shows in the process CPU time: " + s);
            assertTrue(s.get("hold").peakHeapMb() >= 64, "the stage held 64 MB: " + s + " " + held.length + x);
        }
    }

    @Test
    void stoppingWithoutAStageIsAnError() {
        try (StageMeter m = new StageMeter()) {
            assertThrows(IllegalStateException.class, m::stop);
        }
    }
}
