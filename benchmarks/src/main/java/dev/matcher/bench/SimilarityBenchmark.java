package dev.matcher.bench;

import dev.matcher.compare.Measures;
import dev.matcher.text.TextNormalizer;
import dev.matcher.text.Tokenizer;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per call of each similarity kernel on realistic value pairs (person names, street addresses, product
 * titles), averaged over the pairs of the chosen {@code kind}. Commons Text's Jaro-Winkler and Levenshtein are
 * measured alongside for reference.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SimilarityBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SimilarityBenchmark {
    private static final int N = 8;

    @Param({"name", "address", "title"})
    public String kind;

    private String[] a;
    private String[] b;
    private int[][] ta;
    private int[][] tb;
    private long[][] qa;
    private long[][] qb;
    private String[][] wa;
    private String[][] wb;
    private final JaroWinklerSimilarity commonsJw = new JaroWinklerSimilarity();
    private final LevenshteinDistance commonsLev = LevenshteinDistance.getDefaultInstance();

    @Setup
    public void setUp() {
        String[][] pairs = switch (kind) {
            case "name" -> new String[][] {{"martha", "marhta"}, {"jonathan", "jonathon"}, {"mccarthy", "maccarthy"},
                    {"isabelle", "isabel"}, {"hathaway", "hathway"}, {"green", "greene"}, {"madeline", "madeleine"},
                    {"taylor", "tayler"}};
            case "address" -> new String[][] {{"wallaby place", "wallaby pl"}, {"pridham street", "pridhamstreet"},
                    {"hoseason street", "hoseason st"}, {"gundulu place", "gundulu plac"},
                    {"yuranigh court", "yuranigh crt"}, {"lakefront retrmnt vlge", "lakefront retirement village"},
                    {"brentwood vlge", "brentwood village"}, {"currin ga", "currin gardens"}};
            default -> new String[][] {{"sony bravia kdl-40v4100 40\" lcd tv", "sony kdl40v4100 bravia 40 inch lcd hdtv"},
                    {"bose acoustimass 5 series iii speaker system am53bk", "bose acoustimass 5 series iii black"},
                    {"linksys etherfast ezxs88w ethernet switch", "linksys 8-port 10/100 switch ezxs88w"},
                    {"canon eos 5d mark ii 21.1mp dslr body", "canon eos 5d mk ii digital slr camera body only"},
                    {"apple iphone 12 64gb black", "apple iphone 12 128gb white"},
                    {"samsung 32gb microsd card class 10", "samsung evo 32 gb micro sd memory card"},
                    {"panasonic lumix dmc-fz35k", "panasonic dmcfz35k lumix digital camera"},
                    {"sony turntable pslx350h", "sony ps-lx350h belt drive turntable"}};
        };
        a = new String[N];
        b = new String[N];
        ta = new int[N][];
        tb = new int[N][];
        qa = new long[N][];
        qb = new long[N][];
        wa = new String[N][];
        wb = new String[N][];
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        for (int i = 0; i < N; i++) {
            a[i] = TextNormalizer.normalize(pairs[i][0]);
            b[i] = TextNormalizer.normalize(pairs[i][1]);
            wa[i] = Tokenizer.words(a[i]);
            wb[i] = Tokenizer.words(b[i]);
            ta[i] = java.util.Arrays.stream(wa[i]).mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).sorted().distinct().toArray();
            tb[i] = java.util.Arrays.stream(wb[i]).mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).sorted().distinct().toArray();
            qa[i] = Tokenizer.qgrams(a[i], 3);
            qb[i] = Tokenizer.qgrams(b[i], 3);
        }
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
    public void hamming64(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(Measures.hamming64(qa[i][0], qb[i][0]));
        }
    }
}
