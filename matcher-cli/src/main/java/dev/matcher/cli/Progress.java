package dev.matcher.cli;

import dev.matcher.ProgressListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Progress of long runs on stderr: one line per finished stage with its rate, and for work of known size a line at
 * most every {@link #interval} with done/total, rate and ETA. Silent when quiet, so stdout stays the result.
 *
 * <pre>{@code
 * Progress p = Progress.to(err, quiet);
 * Pairs c = p.stage("blocking", () -> blocker.candidates(t, t), Pairs::size, "candidate pairs");
 * Progress.Meter m = p.meter("scoring", c.size(), "pairs");  m.advance(50_000);  m.done();
 * }</pre>
 */
final class Progress {
    private final PrintWriter err;
    private final boolean quiet;
    private final LongSupplier nanoClock;
    private final long intervalNanos;

    Progress(PrintWriter err, boolean quiet, LongSupplier nanoClock, long intervalNanos) {
        this.err = err;
        this.quiet = quiet;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalNanos;
    }

    /** Progress on {@code err} with the system clock, at most one update line every two seconds per meter. */
    static Progress to(PrintWriter err, boolean quiet) {
        return new Progress(err, quiet, System::nanoTime, 2_000_000_000L);
    }

    boolean quiet() {
        return quiet;
    }

    /**
     * Runs one step of unknown length and reports how many things it produced or read, and how fast. A step that
     * runs longer than five update intervals says so every five intervals, so a long silence never looks like a hang.
     */
    <T> T stage(String what, Supplier<T> work, ToLongFunction<T> count, String unit) {
        long start = nanoClock.getAsLong();
        ScheduledExecutorService heartbeat = heartbeat(what, start);
        MatcherCli.stage(what);
        T result;
        try {
            result = work.get();
        } finally {
            stop(heartbeat);
        }
        MatcherCli.stage(null);
        finished(what, count.applyAsLong(result), unit, (nanoClock.getAsLong() - start) / 1e9);
        return result;
    }

    private void finished(String what, long n, String unit, double seconds) {
        if (!quiet && unit.isEmpty()) {
            line(what + ": " + duration(seconds));
        } else if (!quiet) {
            line(String.format(Locale.ROOT, "%s: %,d %s in %s (%s %s/s)", what, n, unit, duration(seconds),
                    rate(n, seconds), unit));
        }
    }

    /** Every five intervals a line says a stage of unknown length is still running (null when quiet). */
    private ScheduledExecutorService heartbeat(String what, long start) {
        if (quiet) {
            return null;
        }
        long every = 5 * intervalNanos;
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "matcher-progress");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> line(what + ": running for "
                + duration((nanoClock.getAsLong() - start) / 1e9) + " ..."), every, every, TimeUnit.NANOSECONDS);
        return heartbeat;
    }

    /** Stops the heartbeat and waits for a line in flight, so that none follows the stage's summary. */
    private static void stop(ScheduledExecutorService heartbeat) {
        if (heartbeat == null) {
            return;
        }
        heartbeat.shutdownNow();
        try {
            heartbeat.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * This progress as the listener of a {@link dev.matcher.Resolver} run: stages of known size get a meter with
     * rate and ETA, others a heartbeat; warnings are printed even when quiet, since they say what was left out.
     */
    ProgressListener listener() {
        return new ProgressListener() {
            private Meter meter;
            private long reported;
            private ScheduledExecutorService heartbeat;

            @Override
            public void started(String stage, long total, String unit) {
                MatcherCli.stage(stage);
                if (total >= 0) {
                    meter = meter(stage, total, unit);
                    reported = 0;
                } else {
                    heartbeat = heartbeat(stage, nanoClock.getAsLong());
                }
            }

            @Override
            public void advanced(String stage, long done) {
                if (meter != null) {
                    meter.advance(done - reported);
                    reported = done;
                }
            }

            @Override
            public void finished(String stage, long count, String unit, double seconds) {
                stop(heartbeat);
                heartbeat = null;
                meter = null;
                MatcherCli.stage(null);
                Progress.this.finished(stage, count, unit, seconds);
            }

            @Override
            public void warning(String message) {
                line("warning: " + message);
            }
        };
    }

    /** A meter over {@code total} units of work. */
    Meter meter(String what, long total, String unit) {
        return new Meter(what, total, unit);
    }

    /** A free-form note (e.g. a stage's result). */
    void note(String text) {
        if (!quiet) {
            line(text);
        }
    }

    private void line(String text) {
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }

    /** Counts work done toward a known total. Not thread-safe: advance it from the thread that hands out chunks. */
    final class Meter {
        private final String what;
        private final long total;
        private final String unit;
        private final long start = nanoClock.getAsLong();
        private long lastPrint = start;
        private long done;

        private Meter(String what, long total, String unit) {
            this.what = what;
            this.total = total;
            this.unit = unit;
        }

        void advance(long n) {
            done += n;
            long now = nanoClock.getAsLong();
            if (quiet || now - lastPrint < intervalNanos || done >= total) {
                return;
            }
            lastPrint = now;
            double seconds = (now - start) / 1e9;
            double perSecond = done / Math.max(seconds, 1e-9);
            double eta = perSecond > 0 ? (total - done) / perSecond : Double.NaN;
            line(String.format(Locale.ROOT, "%s: %,d / %,d %s (%.0f%%), %s %s/s, ETA %s", what, done, total, unit,
                    100.0 * done / Math.max(1, total), rate(done, seconds), unit,
                    Double.isNaN(eta) ? "?" : duration(eta)));
        }

        void done() {
            if (quiet) {
                return;
            }
            double seconds = (nanoClock.getAsLong() - start) / 1e9;
            line(String.format(Locale.ROOT, "%s: %,d %s in %s (%s %s/s)", what, done, unit, duration(seconds),
                    rate(done, seconds), unit));
        }
    }

    static String rate(long n, double seconds) {
        return seconds <= 0 ? "-" : String.format(Locale.ROOT, "%,.0f", n / seconds);
    }

    static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 120 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
