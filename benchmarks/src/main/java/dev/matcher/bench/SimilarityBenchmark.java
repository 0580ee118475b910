package dev.matcher.bench;

import dev.matcher.text.Analyzers;
import dev.matcher.compare.Measures;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Nanoseconds per call of each similarity measure the feature space uses, on realistic value pairs (person names,
 * street addresses, product titles), averaged over the pairs of the chosen {@code kind} ({@code mixed}: all 24).
 * String measures get normalised values, set measures the sorted token ids or q-gram hashes that the per-record
 * profiles hold. Commons Text's Jaro-Winkler and Levenshtein are measured alongside for reference.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SimilarityBenchmark -p kind=name,address,title
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public class SimilarityBenchmark {
    /** Pairs per call: the 8 pairs of one kind three times, or the 24 pairs of all kinds for {@code mixed}. */
    private static final int N = 24;

    /** {@code name}, {@code address}, {@code title} or {@code mixed} (all three). */
    @Param({"mixed"})
    public String kind;

    private String[] a;
    private String[] b;
    private int[][] ta;
    private int[][] tb;
    private long[][] qa;
    private long[][] qb;
    private String[][] wa;
    private String[][] wb;
    private double[] na;
    private double[] nb;
    private final JaroWinklerSimilarity commonsJw = new JaroWinklerSimilarity();
    private final LevenshteinDistance commonsLev = LevenshteinDistance.getDefaultInstance();

    @Setup
    public void setUp() {
        String[][] names = new String[][] {{"martha", "marhta"}, {"jonathan", "jonathon"}, {"mccarthy", "maccarthy"},
                    {"isabelle", "isabel"}, {"hathaway", "hathway"}, {"green", "greene"}, {"madeline", "madeleine"},
                    {"taylor", "tayler"}};
        String[][] addresses = new String[][] {{"wallaby place", "wallaby pl"}, {"pridham street", "pridhamstreet"},
                    {"hoseason street", "hoseason st"}, {"gundulu place", "gundulu plac"},
                    {"yuranigh court", "yuranigh crt"}, {"lakefront retrmnt vlge", "lakefront retirement village"},
                    {"brentwood vlge", "brentwood village"}, {"currin ga", "currin gardens"}};
        String[][] titles = new String[][] {{"sony bravia kdl-40v4100 40\" lcd tv", "sony kdl40v4100 bravia 40 inch lcd hdtv"},
                    {"bose acoustimass 5 series iii speaker system am53bk", "bose acoustimass 5 series iii black"},
                    {"linksys etherfast ezxs88w ethernet switch", "linksys 8-port 10/100 switch ezxs88w"},
                    {"canon eos 5d mark ii 21.1mp dslr body", "canon eos 5d mk ii digital slr camera body only"},
                    {"apple iphone 12 64gb black", "apple iphone 12 128gb white"},
                    {"samsung 32gb microsd card class 10", "samsung evo 32 gb micro sd memory card"},
                    {"panasonic lumix dmc-fz35k", "panasonic dmcfz35k lumix digital camera"},
                    {"sony turntable pslx350h", "sony ps-lx350h belt drive turntable"}};
        String[][] pairs = switch (kind) {
            case "name" -> names;
            case "address" -> addresses;
            case "title" -> titles;
            case "mixed" -> concat(names, addresses, titles);
            default -> throw new IllegalArgumentException("kind must be name, address, title or mixed, was " + kind);
        };
        a = new String[N];
        b = new String[N];
        ta = new int[N][];
        tb = new int[N][];
        qa = new long[N][];
        qb = new long[N][];
        wa = new String[N][];
        wb = new String[N][];
        na = new double[N];
        nb = new double[N];
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        for (int i = 0; i < N; i++) {
            a[i] = Analyzers.TEXT.prepare(pairs[i % pairs.length][0]);
            b[i] = Analyzers.TEXT.prepare(pairs[i % pairs.length][1]);
            wa[i] = Analyzers.WORDS.tokens(a[i]);
            wb[i] = Analyzers.WORDS.tokens(b[i]);
            ta[i] = java.util.Arrays.stream(wa[i]).mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).sorted().distinct().toArray();
            tb[i] = java.util.Arrays.stream(wb[i]).mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).sorted().distinct().toArray();
            qa[i] = Analyzers.WORDS.qgramKeys(a[i], 3);
            qb[i] = Analyzers.WORDS.qgramKeys(b[i], 3);
            na[i] = a[i].length();
            nb[i] = b[i].length() + i % 3;
        }
    }

    private static String[][] concat(String[][]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[][]::new);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void exact(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.exact(a[i], b[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void levenshtein(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.levenshtein(a[i], b[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void levenshteinCommonsText(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(commonsLev.apply(a[i], b[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void damerauLevenshtein(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.damerauLevenshtein(a[i], b[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void jaro(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.jaro(a[i], b[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void jaroWinkler(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.jaroWinkler(a[i], b[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void jaroWinklerCommonsText(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(commonsJw.apply(a[i], b[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void lcsSubstring(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.lcsSubstring(a[i], b[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void lcsSubsequence(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.lcsSubsequence(a[i], b[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void prefix(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.prefix(a[i], b[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void tokenJaccard(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.jaccard(ta[i], tb[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void qgramJaccard(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.jaccard(qa[i], qb[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void mongeElkanJaroWinkler(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.mongeElkan(wa[i], wb[i], Measures::jaroWinkler));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void tokenDice(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.dice(ta[i], tb[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void tokenOverlap(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.overlap(ta[i], tb[i]));
        }
    }

    /** Numeric feature: relative similarity of two values (here the lengths, a stand-in for prices or years). */
    @Benchmark
    @OperationsPerInvocation(N)
    public void numericRelative(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.relativeSimilarity(na[i], nb[i]));
        }
    }

    /** Numeric feature: Gaussian decay of an absolute difference (as for dates in days). */
    @Benchmark
    @OperationsPerInvocation(N)
    public void numericGaussian(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.gaussian(Math.abs(na[i] - nb[i]), 2.0));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void hamming64(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.hamming64(qa[i][0], qb[i][0]));
        }
    }
}
