package dev.matcher.cli;

import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code matcher generate}: tables and dataset folders that the other commands read, equal for equal seeds. */
class GenerateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MatcherCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void peopleToCsvAreTheSameForTheSameSeed() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertEquals(0, run("generate", "people", "300", a.toString(), "--seed", "7"));
        assertEquals(0, run("generate", "people", "300", b.toString(), "--seed", "7"));
        assertEquals(300, Table.readCsv(a).size());
        assertEquals(Files.readString(a), Files.readString(b));
        assertTrue(out.toString().contains("300 records to " + a), out.toString());
    }

    @Test
    void variantsWriteADatasetFolderThatEvalReads() {
        Path folder = dir.resolve("catalogue");
        assertEquals(0, run("generate", "variants", "400", folder.toString(), "--seed", "1"));
        for (String f : new String[] {"left.csv", "matches.csv", "family_matches.csv", "clusters.csv", "train.csv", "test.csv"}) {
            assertTrue(Files.isRegularFile(folder.resolve(f)), f);
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(2, run("generate", "people", "0", dir.resolve("x.csv").toString()));
        assertTrue(err.toString().contains("RECORDS must be 1 or more"), err.toString());
        assertEquals(2, run("generate", "cars", "10", dir.resolve("y.csv").toString()));
        assertTrue(err.toString().contains("cars"), err.toString());
    }
}
