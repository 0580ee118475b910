package dev.matcher.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writer process killed mid-write: {@code kill -9} leaves its temporary file (nothing can run in a process killed
 * outright) and the next write to the same target removes it; SIGTERM runs the shutdown hook, which removes it at
 * once. Either way the target is never half written. (Windows has no SIGTERM for {@link Process#destroy}.)
 */
@DisabledOnOs(OS.WINDOWS)
class AtomicFilesKillTest {
    @TempDir
    Path dir;

    @Test
    void killNineLeavesDebrisThatTheNextWriteRemoves() throws Exception {
        Path target = dir.resolve("big.csv");
        Files.writeString(target, "previous\n");
        Process child = start(target);
        String temporary = awaitWriting(child);
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends");
        assertEquals(List.of(temporary), debris(target), "kill -9 leaves the temporary file");
        assertTrue(Files.size(dir.resolve(temporary)) >= 1 << 20, "with the part written");
        assertEquals("previous\n", Files.readString(target), "the target is untouched");

        AtomicFiles.write(target, out -> out.write("next\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), debris(target), "the next write removed the dead process's debris");
        assertEquals("next\n", Files.readString(target));
    }

    @Test
    void sigtermLeavesNoDebris() throws Exception {
        Path target = dir.resolve("big.csv");
        Files.writeString(target, "previous\n");
        Process child = start(target);
        String temporary = awaitWriting(child);
        assertTrue(Files.exists(dir.resolve(temporary)));
        child.destroy();   // SIGTERM: the JVM runs its shutdown hooks
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends");
        assertEquals(List.of(), debris(target), "the shutdown hook removed the temporary file");
        assertEquals("previous\n", Files.readString(target), "the target is untouched");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.filter(p -> !p.getFileName().toString().equals("child.err")).toList());
        }
    }

    private Process start(Path target) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), SlowAtomicWriter.class.getName(), target.toString())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
    }

    /** Waits for the child to report its temporary file (on a slow, shared machine this can take a while). */
    private String awaitWriting(Process child) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(120, TimeUnit.SECONDS);
        assertTrue(line != null && line.startsWith("writing "), "child said: " + line + "; stderr: "
                + Files.readString(dir.resolve("child.err")));
        assertFalse(line.contains("/"));
        return line.substring("writing ".length());
    }

    private List<String> debris(Path target) throws IOException {
        String prefix = "." + target.getFileName() + AtomicFiles.MARK;
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }
}
