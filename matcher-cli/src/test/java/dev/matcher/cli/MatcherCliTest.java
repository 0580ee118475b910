package dev.matcher.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatcherCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MatcherCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("inspect"), out.toString());
        assertTrue(out.toString().contains("demo"), out.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"inspect", "demo", "eval", "train", "dedupe", "link", "explain"}) {
            assertEquals(0, run(command, "--help"), command);
        }
        assertTrue(out.toString().contains("Usage: matcher explain"), out.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("inspect", "--no-such-option", "x.csv"));
        assertEquals(2, run());
    }

    @Test
    void inspectPrintsKindsNullsAndSamples() throws IOException {
        Path csv = Files.writeString(dir.resolve("t.csv"), "id,name,price\n1,red shirt,9.99\n2,blue shirt,\n");
        assertEquals(0, run("inspect", csv.toString()));
        String s = out.toString();
        assertTrue(s.contains("t: 2 rows"), s);
        assertTrue(s.contains("price") && s.contains("NUMERIC") && s.contains("50.0"), s);
        assertTrue(s.contains("red shirt"), s);
    }

    @Test
    void inspectOfADatasetFolderShowsBothTables() throws IOException {
        Path d = Files.createDirectories(dir.resolve("ds"));
        Files.writeString(d.resolve("left.csv"), "id,name\na,x\n");
        Files.writeString(d.resolve("right.csv"), "id,name\nb,x\n");
        Files.writeString(d.resolve("matches.csv"), "left_id,right_id\na,b\n");
        assertEquals(0, run("inspect", d.toString()));
        assertTrue(out.toString().contains("ds: linkage of left (1) and right (1), 1 matches"), out.toString());
    }

    @Test
    void badInputIsOneClearLineAndExitCodeOne() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "id,name\n1,\"open\n");
        assertEquals(1, run("inspect", csv.toString()));
        String e = err.toString();
        assertTrue(e.startsWith("matcher: " + csv + ":2:2: unbalanced quote"), e);
        assertEquals(1, e.strip().lines().count(), e);
        assertFalse(e.contains("at dev.matcher"), "no stack trace without --verbose");
    }

    @Test
    void verboseAddsTheStackTrace() {
        assertEquals(1, run("--verbose", "inspect", dir.resolve("missing.csv").toString()));
        assertTrue(err.toString().contains("at dev.matcher"), err.toString());
    }

    @Test
    void demoMatchesInBothModesAndWritesTheReport() {
        Path report = dir.resolve("demo");
        assertEquals(0, run("demo", "--records", "400", "--label-budget", "80", "--out", report.toString()));
        String s = out.toString();
        assertTrue(s.contains("EXACT mode") && s.contains("VARIANT mode"), s);
        assertTrue(Files.exists(report.resolve("report.html")), s);
        assertTrue(Files.exists(report.resolve("leaderboard.md")), s);
    }

    @Test
    void benchCsvReportsThroughput() throws IOException {
        Path csv = Files.writeString(dir.resolve("b.csv"), "id,x\n1,a\n2,b\n");
        assertEquals(0, run("bench", "csv", "--runs", "1", csv.toString()));
        assertTrue(out.toString().contains("MB/s") && out.toString().contains("2 rows"), out.toString());
    }

    @Test
    void evalRunsBothModesOnAVariantCatalogue() throws IOException {
        Path folder = dir.resolve("variants");
        dev.matcher.eval.synth.VariantCatalogGenerator.builder().records(500).seed(2).build().generate()
                .writeDataset(folder);
        // no --mode on a folder with family labels: both levels, and end to end (blocking and clusters per level)
        assertEquals(0, run("eval", "--data", folder.toString(), "--out", dir.resolve("r0").toString(), "--quiet"),
                err::toString);
        String both = out.toString();
        assertTrue(both.contains("variants (deduplication (items))") && both.contains("variants (family) ("), both);
        assertEquals(2, both.split("cluster F1=", -1).length - 1, both);
        assertEquals(2, both.split("PC=", -1).length - 1, both);
        String leaderboard = Files.readString(dir.resolve("r0").resolve("leaderboard.md"));
        assertTrue(leaderboard.contains("`variants`") && leaderboard.contains("`variants (family)`"), leaderboard);
        out.getBuffer().setLength(0);
        assertEquals(0, run("eval", "--data", folder.toString(), "--mode", "exact", "--out", dir.resolve("r1").toString(),
                "--quiet"), err::toString);
        assertTrue(out.toString().contains("variants"), out.toString());
        assertFalse(out.toString().contains("(family)"), out.toString());
        assertEquals(0, run("eval", "--data", folder.toString(), "--mode", "variant", "--variant-attributes",
                "color,size", "--out", dir.resolve("r2").toString(), "--quiet"), err::toString);
        assertTrue(out.toString().contains("variants (family)"), out.toString());
        assertTrue(Files.readString(dir.resolve("r2").resolve("leaderboard.md")).contains("variant"));
        assertEquals(2, run("eval", "--data", folder.toString(), "--mode", "sideways"));
    }
}
