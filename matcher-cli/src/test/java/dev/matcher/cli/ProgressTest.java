package dev.matcher.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {
    private final StringWriter err = new StringWriter();
    private long now;

    private Progress progress(boolean quiet) {
        return new Progress(new PrintWriter(err), quiet, () -> now, 1_000_000_000L);
    }

    @Test
    void meterPrintsRateAndEtaAtMostOncePerInterval() {
        Progress.Meter m = progress(false).meter("scoring", 1_000_000, "pairs");
        now += 500_000_000L;
        m.advance(100_000);                     // half a second: too soon for a line
        assertEquals("", err.toString());
        now += 1_500_000_000L;
        m.advance(100_000);                     // 200,000 pairs in 2 s: 100,000/s, 800,000 left -> 8 s
        assertEquals("scoring: 200,000 / 1,000,000 pairs (20%), 100,000 pairs/s, ETA 8.0 s\n", err.toString());
        now += 8_000_000_000L;
        m.advance(800_000);                     // done: no ETA line, the summary comes from done()
        m.done();
        assertEquals(2, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().endsWith("scoring: 1,000,000 pairs in 10 s (100,000 pairs/s)\n"), err.toString());
    }

    @Test
    void stageReportsCountAndRate() {
        int result = progress(false).stage("blocking", () -> {
            now += 4_000_000_000L;
            return 12_000;
        }, Integer::longValue, "candidate pairs");
        assertEquals(12_000, result);
        assertEquals("blocking: 12,000 candidate pairs in 4.0 s (3,000 candidate pairs/s)\n", err.toString());
    }

    @Test
    void quietPrintsNothing() {
        Progress p = progress(true);
        p.stage("reading", () -> 5, Integer::longValue, "records");
        Progress.Meter m = p.meter("scoring", 10, "pairs");
        now += 5_000_000_000L;
        m.advance(5);
        m.done();
        p.note("hello");
        assertEquals("", err.toString());
    }

    @Test
    void longDurationsReadAsMinutes() {
        assertEquals("2 min 05 s", Progress.duration(125));
        assertEquals("42 s", Progress.duration(42.3));
        assertEquals("0.3 s", Progress.duration(0.25));
    }

    @Test
    void aLongStageSaysItIsStillRunning() {
        // 1 ms interval: the heartbeat comes every 5 ms; the step waits for it instead of sleeping a fixed time
        Progress p = new Progress(new PrintWriter(err), false, System::nanoTime, 1_000_000L);
        String result = p.stage("blocking", () -> {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!err.toString().contains("blocking: running for") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return "done";
        }, s -> 1, "step");
        assertEquals("done", result);
        assertTrue(err.toString().contains("blocking: running for"), err.toString());
        assertTrue(err.toString().strip().endsWith("step/s)"), err.toString());
    }
}
