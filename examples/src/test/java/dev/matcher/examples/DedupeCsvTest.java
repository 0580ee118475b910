package dev.matcher.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumer program runs on the bundled example catalogue and writes what it says. */
class DedupeCsvTest {
    private static final Path EXAMPLES = Path.of("..", "matcher-cli", "src", "main", "resources", "examples");

    @TempDir
    Path dir;

    @Test
    void deduplicatesTheExampleCatalogue() throws Exception {
        Path out = dir.resolve("deduped.csv");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            DedupeCsv.main(new String[] {EXAMPLES.resolve("products.csv").toString(),
                    EXAMPLES.resolve("products-labels.csv").toString(), out.toString()});
        } finally {
            System.setOut(stdout);
        }
        List<String> lines = Files.readAllLines(out);
        List<String> input = Files.readAllLines(EXAMPLES.resolve("products.csv"));
        assertEquals(input.size(), lines.size());
        assertTrue(lines.get(0).endsWith(",match_id,match_confidence"), lines.get(0));
        long clusters = lines.stream().skip(1).map(l -> l.split(",")).map(f -> f[f.length - 2]).distinct().count();
        assertTrue(clusters < input.size() - 1, "some listings were found to be duplicates: " + clusters + " clusters");
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("candidate pairs"), captured.toString());
    }
}
