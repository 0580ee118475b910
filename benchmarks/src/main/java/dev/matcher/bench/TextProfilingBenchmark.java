package dev.matcher.bench;

import dev.matcher.text.Analyzers;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Column;
import dev.matcher.data.Table;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.text.Phonetics;
import dev.matcher.text.Years;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-value text profiling, the work done once per record and attribute before any pair is compared: nanoseconds
 * per value on one thread, averaged over {@value #VALUES} values drawn (fixed seed) from the text and string columns
 * of the chosen datasets ({@code +}-separated; by default Febrl 3 person fields and Abt-Buy product names and
 * descriptions). {@code normalize} starts from the raw cell, the other steps from the normalised value, as the
 * profiles do; phonetic codes are taken of single words (names are where they are used).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar TextProfilingBenchmark -p datasets=febrl3,dm_textual_abt_buy
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public class TextProfilingBenchmark {
    static final int VALUES = 4096;

    /** Dataset names joined by {@code +}; values come from all of them. */
    @Param({"febrl3+dm_textual_abt_buy"})
    public String datasets;

    /** Folder holding the datasets; empty means system property {@code matcher.datasets} or {@code MATCHER_DATASETS}. */
    @Param({""})
    public String folder;

    private String[] raw;
    private String[] normalized;
    private String[] words;

    @Setup(Level.Trial)
    public void setUp() {
        List<String> cells = new ArrayList<>();
        for (String name : datasets.split("\\+")) {
            BenchmarkDataset d = BenchData.load(folder, name);
            addTextCells(d.left(), cells);
            if (d.right() != d.left()) {
                addTextCells(d.right(), cells);
            }
        }
        if (cells.isEmpty()) {
            throw new IllegalStateException("no text values in " + datasets);
        }
        SplittableRandom random = new SplittableRandom(42);
        raw = new String[VALUES];
        normalized = new String[VALUES];
        for (int i = 0; i < VALUES; i++) {
            raw[i] = cells.get(random.nextInt(cells.size()));
            normalized[i] = Analyzers.TEXT.prepare(raw[i]);
        }
        List<String> allWords = new ArrayList<>();
        for (String n : normalized) {
            allWords.addAll(List.of(Analyzers.WORDS.tokens(n)));
        }
        words = new String[VALUES];
        for (int i = 0; i < VALUES; i++) {
            words[i] = allWords.get(random.nextInt(allWords.size()));
        }
        double chars = 0;
        for (String n : normalized) {
            chars += n.length();
        }
        System.out.printf(Locale.ROOT, "%n%d values from %,d cells, mean %.1f chars normalised%n",
                VALUES, cells.size(), chars / VALUES);
    }

    private static void addTextCells(Table t, List<String> out) {
        for (int a = 0; a < t.schema().size(); a++) {
            Column c = t.column(a);
            if (c.kind() != AttributeKind.TEXT && c.kind() != AttributeKind.STRING) {
                continue;
            }
            for (int r = 0; r < t.size(); r++) {
                String v = c.get(r);
                if (v != null && !v.isBlank()) {
                    out.add(v);
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void normalize(Blackhole bh) {
        for (String s : raw) {
            bh.consume(Analyzers.TEXT.prepare(s));
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void words(Blackhole bh) {
        for (String s : normalized) {
            bh.consume(Analyzers.WORDS.tokens(s));
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void qgrams3(Blackhole bh) {
        for (String s : normalized) {
            bh.consume(Analyzers.WORDS.qgramKeys(s, 3));
        }
    }

    /** Model numbers and other alphanumeric codes. */
    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void codes(Blackhole bh) {
        for (String s : normalized) {
            bh.consume(Analyzers.CODES.tokens(s));
        }
    }

    /** Quantities with units (32gb, 40 inch, 2-pack) as sorted keys. */
    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void quantityKeys(Blackhole bh) {
        for (String s : normalized) {
            bh.consume(Analyzers.WORDS.quantityKeys(s, false));
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void years(Blackhole bh) {
        for (String s : normalized) {
            bh.consume(Years.in(s));
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void soundex(Blackhole bh) {
        for (String w : words) {
            bh.consume(Phonetics.soundex(w));
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void doubleMetaphone(Blackhole bh) {
        for (String w : words) {
            bh.consume(Phonetics.doubleMetaphone(w));
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void nysiis(Blackhole bh) {
        for (String w : words) {
            bh.consume(Phonetics.nysiis(w));
        }
    }
}
