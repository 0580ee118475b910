package dev.matcher.cli;

import dev.matcher.data.DataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The {@code matcher} command line. Exit codes: 0 success, 1 error (one clear line; {@code --verbose} adds the
 * stack trace), 2 usage. Every failure is one line: bad input says what and where, running out of memory or stack
 * says how to raise it, and anything else is an "internal error" naming the exception.
 *
 * <pre>{@code
 * ./matcher inspect products.csv
 * ./matcher demo
 * }</pre>
 */
@Command(name = "matcher", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "matcher 0.1.0-SNAPSHOT",
        description = "Entity resolution: find the records that describe the same real-world thing.",
        subcommands = {InspectCommand.class, DemoCommand.class, EvalCommand.class, ClassifyCommand.class, GenerateCommand.class, BenchCommand.class, TrainCommand.class, DedupeCommand.class, LinkCommand.class, ExplainCommand.class, CommandLine.HelpCommand.class})
public final class MatcherCli implements Runnable {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** What the command is doing, for the message of an error that carries no location (out of memory). */
    private static volatile String stage;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Names the stage under way ("reading products.csv", "blocking"), so that an out-of-memory error can say where
     * it struck; null when done. Without it the stage is guessed from the error's stack trace.
     */
    static void stage(String what) {
        stage = what;
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        MatcherCli root = new MatcherCli();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, err, root.verbose));
        int code;
        try {
            code = cli.execute(args);
        } catch (Throwable e) {   // picocli hands only Exceptions to the handler: Errors arrive here
            code = report(e, err, root.verbose);
        } finally {
            stage = null;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Prints one line for any failure (and, with --verbose, the stack trace); returns exit code 1. */
    static int report(Throwable e, PrintWriter err, boolean verbose) {
        String line;
        try {
            line = describe(e, verbose, stage);
        } catch (Throwable again) {   // e.g. still out of memory: say the least that is true
            line = e.getClass().getName();
        }
        err.println("matcher: " + line);
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** The one line for a failure: the message of bad input, advice for resource exhaustion, else "internal error". */
    static String describe(Throwable e, boolean verbose, String knownStage) {
        String hint = verbose ? "" : " (run with --verbose for the stack trace)";
        String where = knownStage != null ? knownStage : stageFrom(e);
        String during = where == null ? "" : " while " + where;
        if (e instanceof OutOfMemoryError oom) {
            String m = String.valueOf(oom.getMessage());
            if (m.contains("native thread")) {
                return "out of memory" + during + ": cannot start another thread (" + m + ")";
            }
            long max = Runtime.getRuntime().maxMemory();
            return "out of memory" + during + ": raise the heap with MATCHER_JAVA_OPTS=-Xmx" + suggestedHeap(max)
                    + " (now " + size(max) + ")";
        }
        if (e instanceof StackOverflowError) {
            return "stack overflow" + during + ": the input nests too deeply; raise the thread stack with "
                    + "MATCHER_JAVA_OPTS=-Xss64m" + hint;
        }
        if (e instanceof DataException || e instanceof IllegalArgumentException) {
            return oneLine(e.getMessage() != null ? e.getMessage() : e.toString());
        }
        if (e instanceof UncheckedIOException u) {
            return oneLine(u.getMessage() + ": " + DataException.reason(u.getCause()));
        }
        if (e instanceof IOException io) {
            return oneLine(DataException.reason(io));
        }
        return "internal error: " + e.getClass().getName() + ": " + oneLine(String.valueOf(e.getMessage())) + hint;
    }

    /** The stage guessed from the innermost frame of the library's stages (data and text serve them all). */
    static String stageFrom(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        for (StackTraceElement f : frames) {
            String c = f.getClassName();
            String pkg = c.startsWith("dev.matcher.") ? c.substring("dev.matcher.".length(), Math.max(
                    "dev.matcher.".length(), c.lastIndexOf('.'))) : "";
            switch (pkg) {
                case "io", "parquet":
                    for (StackTraceElement g : frames) {
                        String name = g.getClassName() + "." + g.getMethodName();
                        if (name.contains("AtomicFiles") || name.contains("Writer") || name.contains(".write")) {
                            return "writing output";
                        }
                    }
                    return "reading input";
                case "blocking":
                    return "blocking (finding candidate pairs)";
                case "compare":
                    return "computing features";
                case "match":
                    return "training or scoring";
                case "cluster":
                    return "clustering";
                case "eval", "eval.report", "eval.metrics", "eval.synth":
                    return "evaluating";
                default:
                    break;
            }
        }
        return null;
    }

    /** Twice the present heap, in whole gigabytes. */
    static String suggestedHeap(long max) {
        long gb = Math.max(1, (2 * max + (1L << 30) - 1) >> 30);
        return gb + "g";
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : (bytes >> 20) + " MB";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\R+", " ");
    }
}
