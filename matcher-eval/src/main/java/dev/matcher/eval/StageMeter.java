package dev.matcher.eval;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import dev.matcher.ProgressListener;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Wall time, process CPU time and heap per stage of a run, so that a slower or fatter run shows which stage changed.
 * Two heap figures per stage: the <b>peak</b> (the largest heap in use while the stage ran, read just before each
 * collection and at the stage's end: it counts garbage not yet reclaimed, so it grows with {@code -Xmx}) and the
 * <b>after-GC</b> peak (the largest heap in use right after a collection during the stage: close to the live data
 * when collections ran, and 0 when none did). CPU seconds count every thread of the process, so they move less than wall seconds when other
 * processes share the cores. Stages are timed one at a time, from one thread.
 *
 * <pre>{@code
 * StageMeter m = new StageMeter();
 * m.start("block"); blocker.block(task); m.stop();
 * Resolver.builder().progress(m.listener()).matcher(matcher).build().deduplicate(table);   // its stages too
 * m.stages().forEach((name, s) -> System.out.println(name + " " + s));
 * m.close();
 * }</pre>
 */
public final class StageMeter implements AutoCloseable {
    /**
     * One stage's figures.
     *
     * @param seconds       wall seconds
     * @param cpuSeconds    process CPU seconds (all threads)
     * @param peakHeapMb    largest heap in use while it ran, MB (before collections; includes garbage)
     * @param afterGcHeapMb largest heap in use right after a collection while it ran, MB (0: no collection)
     */
    public record Stage(double seconds, double cpuSeconds, double peakHeapMb, double afterGcHeapMb) {
        Stage plus(Stage o) {
            return new Stage(seconds + o.seconds, cpuSeconds + o.cpuSeconds, Math.max(peakHeapMb, o.peakHeapMb),
                    Math.max(afterGcHeapMb, o.afterGcHeapMb));
        }
    }

    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong afterGc = new AtomicLong();
    private final AtomicLong beforeGc = new AtomicLong();
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private String current;
    private long wallStart;
    private long cpuStart;

    private final java.io.PrintStream log;

    /** Starts listening to the collector's notifications. */
    public StageMeter() {
        this(null);
    }

    /** As {@link #StageMeter()}, printing each stage's figures to {@code log} as it ends (null: silent). */
    public StageMeter(java.io.PrintStream log) {
        this.log = log;
        NotificationListener listener = (n, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                com.sun.management.GcInfo info = GarbageCollectionNotificationInfo
                        .from((CompositeData) n.getUserData()).getGcInfo();
                afterGc.accumulateAndGet(heapUsed(info.getMemoryUsageAfterGc()), Math::max);
                beforeGc.accumulateAndGet(heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            used += heapPools.contains(e.getKey()) ? e.getValue().getUsed() : 0;
        }
        return used;
    }

    /** Starts timing a stage (ending the current one, if any). */
    public void start(String stage) {
        if (current != null) {
            stop();
        }
        afterGc.set(0);
        beforeGc.set(0);
        current = stage;
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    /** Ends the current stage; a stage timed twice adds its times and keeps the larger heap figures. */
    public void stop() {
        if (current == null) {
            throw new IllegalStateException("no stage started");
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long peak = Math.max(beforeGc.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        Stage stage = new Stage(wall, cpu, peak / 1e6, afterGc.get() / 1e6);
        stages.merge(current, stage, Stage::plus);
        if (log != null) {
            log.printf(java.util.Locale.ROOT, "%s: %.2f s, cpu %.2f s, peak heap %.0f MB, after GC %.0f MB%n", current,
                    stage.seconds(), stage.cpuSeconds(), stage.peakHeapMb(), stage.afterGcHeapMb());
        }
        current = null;
    }

    /** A listener that times a {@code Resolver}'s stages under their own names. */
    public ProgressListener listener() {
        return new ProgressListener() {
            @Override
            public void started(String stage, long total, String unit) {
                start(stage);
            }

            @Override
            public void finished(String stage, long count, String unit, double seconds) {
                stop();
            }
        };
    }

    /** The stages timed so far, in the order they first ran. */
    public Map<String, Stage> stages() {
        return new LinkedHashMap<>(stages);
    }

    /** Stops listening to the collector. */
    @Override
    public void close() {
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
    }
}
