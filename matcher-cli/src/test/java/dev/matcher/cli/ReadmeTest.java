package dev.matcher.cli;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every {@code jshell>} line of the README in a real JShell, so the README cannot drift from the API. */
class ReadmeTest {
    /** What the jshell tool imports at start (its DEFAULT startup), so name clashes show up here too. */
    private static final List<String> JSHELL_DEFAULT_IMPORTS = List.of("java.io", "java.math", "java.net",
            "java.nio.file", "java.util", "java.util.concurrent", "java.util.function", "java.util.prefs",
            "java.util.regex", "java.util.stream");

    @Test
    void jshellSnippetsRunAsWritten() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("jshell> "))
                .map(l -> l.substring("jshell> ".length()))
                .toList();
        assertFalse(lines.isEmpty(), "the README has a JShell session");
        assertEquals("/open matcher.jsh", lines.get(0), "the session starts with the settings that print results whole");
        List<String> settings = Files.readAllLines(Path.of("matcher.jsh"));
        assertTrue(settings.contains("/set truncation matcher 100000") && settings.contains("/set feedback matcher"),
                "matcher.jsh turns JShell's truncation of printed values off: " + settings);
        lines = lines.subList(1, lines.size());   // a JShell command, not Java: checked above
        try (JShell shell = JShell.builder()
                .executionEngine("local")
                .build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            for (String pkg : JSHELL_DEFAULT_IMPORTS) {
                shell.eval("import " + pkg + ".*;");
            }
            for (String line : lines) {
                String rest = line;
                while (!rest.isBlank()) {
                    SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
                    for (SnippetEvent e : shell.eval(info.source())) {
                        assertEquals(Snippet.Status.VALID, e.status(), () -> "README line fails: " + line + "\n"
                                + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
                        assertNull(e.exception(), () -> "README line throws: " + line + "\n" + e.exception());
                    }
                    rest = info.remaining();
                }
            }
        }
    }
}
