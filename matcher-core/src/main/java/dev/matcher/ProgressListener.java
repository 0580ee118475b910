package dev.matcher;

/**
 * Hears how a {@link Resolver} run goes: each stage's start and end, work done toward a known total, and warnings
 * (such as work a guard left out) that the caller should show. Calls come from the thread that runs the stage, one
 * stage at a time; every method does nothing by default.
 *
 * <pre>{@code
 * ProgressListener log = new ProgressListener() {
 *     public void finished(String stage, long count, String unit, double seconds) {
 *         System.err.printf("%s: %,d %s in %.1f s%n", stage, count, unit, seconds);
 *     }
 * };
 * Resolver.builder().labels(labels).progress(log).build().deduplicate(table);
 * }</pre>
 */
public interface ProgressListener {
    /** Listens to nothing. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** A stage starts; {@code total} is the work it will do in {@code unit}s, or -1 when unknown. */
    default void started(String stage, long total, String unit) {
    }

    /** Work done so far in the current stage (only for stages with a known total). */
    default void advanced(String stage, long done) {
    }

    /** A stage ended, having produced or read {@code count} {@code unit}s. */
    default void finished(String stage, long count, String unit, double seconds) {
    }

    /** Something the user should know, e.g. what a size guard left out. */
    default void warning(String message) {
    }
}
