package dev.matcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * The {@code matcher} command line. Exit codes: 0 success, 1 error (one clear line; {@code --verbose} adds the
 * stack trace), 2 usage.
 *
 * <pre>{@code
 * ./matcher inspect products.csv
 * ./matcher demo
 * }</pre>
 */
@Command(name = "matcher", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "matcher 0.1.0-SNAPSHOT",
        description = "Entity resolution: find the records that describe the same real-world thing.",
        subcommands = {InspectCommand.class, DemoCommand.class, EvalCommand.class, BenchCommand.class, TrainCommand.class, DedupeCommand.class, LinkCommand.class, ExplainCommand.class, CommandLine.HelpCommand.class})
public final class MatcherCli implements Runnable {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        MatcherCli root = new MatcherCli();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("matcher: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (root.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
