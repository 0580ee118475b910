package dev.matcher.cli;

import dev.matcher.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure of the command line is one line and exit code 1, {@link Error}s included. */
class ErrorLineTest {
    @TempDir
    Path dir;

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }

    private static <T extends Throwable> T thrownIn(T e, String className, String method) {
        e.setStackTrace(new StackTraceElement[] {frame("java.util.Arrays", "copyOf"), frame(className, method),
            frame("dev.matcher.cli.InspectCommand", "call")});
        return e;
    }

    @Test
    void outOfMemorySaysWhereAndHowToRaiseTheHeap() {
        long max = Runtime.getRuntime().maxMemory();
        String now = MatcherCli.size(max);
        assertEquals("out of memory while reading products.csv: raise the heap with MATCHER_JAVA_OPTS=-Xmx"
                + MatcherCli.suggestedHeap(max) + " (now " + now + ")",
                MatcherCli.describe(new OutOfMemoryError("Java heap space"), false, "reading products.csv"));
        assertEquals("out of memory while reading input: raise the heap with MATCHER_JAVA_OPTS=-Xmx"
                + MatcherCli.suggestedHeap(max) + " (now " + now + ")",
                MatcherCli.describe(thrownIn(new OutOfMemoryError("Java heap space"), "dev.matcher.io.Csv", "read"),
                        false, null));
        assertEquals("out of memory while blocking (finding candidate pairs): raise the heap with MATCHER_JAVA_OPTS=-Xmx"
                + MatcherCli.suggestedHeap(max) + " (now " + now + ")",
                MatcherCli.describe(thrownIn(new OutOfMemoryError("Java heap space"),
                        "dev.matcher.blocking.KeyBlocking", "candidates"), false, null));
        assertTrue(MatcherCli.describe(new OutOfMemoryError(), false, null).startsWith("out of memory: raise"));
        assertEquals("1g", MatcherCli.suggestedHeap(512L << 20));
        assertEquals("8g", MatcherCli.suggestedHeap(4L << 30));
        assertEquals("512 MB", MatcherCli.size(512L << 20));
        assertEquals("4.0 GB", MatcherCli.size(4L << 30));
    }

    @Test
    void stackOverflowAndUnexpectedExceptionsAreOneLine() {
        assertEquals("stack overflow while computing features: the input nests too deeply; raise the thread stack "
                + "with MATCHER_JAVA_OPTS=-Xss64m (run with --verbose for the stack trace)",
                MatcherCli.describe(thrownIn(new StackOverflowError(), "dev.matcher.compare.FeatureSpace", "compute"),
                        false, null));
        assertEquals("internal error: java.lang.NullPointerException: boom (run with --verbose for the stack trace)",
                MatcherCli.describe(new NullPointerException("boom"), false, null));
        assertEquals("internal error: java.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 3",
                MatcherCli.describe(new ArrayIndexOutOfBoundsException("Index 3 out of bounds for length 3"), true,
                        null));
        assertEquals("internal error: java.lang.AssertionError: two\nlines".replace("\n", " ")
                + " (run with --verbose for the stack trace)",
                MatcherCli.describe(new AssertionError("two\nlines"), false, null));
    }

    @Test
    void badInputKeepsItsOwnMessage() {
        assertEquals("x.csv:3:2: unbalanced quote",
                MatcherCli.describe(new DataException(Path.of("x.csv"), 3, 2, "unbalanced quote"), false, null));
        assertEquals("--max-labels must be >= 0",
                MatcherCli.describe(new IllegalArgumentException("--max-labels must be >= 0"), false, null));
        assertEquals("m.bin: cannot read: permission denied", MatcherCli.describe(
                new UncheckedIOException("m.bin: cannot read", new AccessDeniedException("m.bin")), false, null));
    }

    @Test
    void reportPrintsOneLineOrWithVerboseTheStackTraceAndReturnsOne() {
        StringWriter quiet = new StringWriter();
        assertEquals(1, MatcherCli.report(new IllegalStateException("odd"), new PrintWriter(quiet), false));
        assertEquals("matcher: internal error: java.lang.IllegalStateException: odd (run with --verbose for the stack "
                + "trace)\n", quiet.toString().replace(System.lineSeparator(), "\n"));
        StringWriter verbose = new StringWriter();
        assertEquals(1, MatcherCli.report(new IllegalStateException("odd"), new PrintWriter(verbose), true));
        assertTrue(verbose.toString().startsWith("matcher: internal error: java.lang.IllegalStateException: odd"
                + System.lineSeparator() + "java.lang.IllegalStateException: odd"), verbose.toString());
    }

    /** A real OutOfMemoryError in a child JVM with a small heap: one line, exit code 1, no stack trace. */
    @Test
    void aRealOutOfMemoryErrorIsOneLineAndExitCodeOne() throws IOException, InterruptedException {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("id,a,b,c,d\n");
            for (int i = 0; i < 400_000; i++) {
                w.write(i + ",alpha" + i + ",beta" + (i % 977) + ",gamma,delta" + (i % 13) + "\n");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), MatcherCli.class.getName(), "inspect", csv.toString())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the child ends");
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(1, p.exitValue(), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(Pattern.matches("matcher: out of memory while reading input: raise the heap with "
                + "MATCHER_JAVA_OPTS=-Xmx1g \\(now \\d+ MB\\)\\R", err), err);
    }
}
