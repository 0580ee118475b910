package dev.matcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.eval.BenchmarkDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's new user: {@code matcher dedupe febrl3} with 30 matches and 30 random non-matches prints a warning and
 * the next step ({@code ./mvnw -B verify -Pdatasets -Dmatcher.datasets=DIR}).
 */
@Tag("datasets")
class LabelWarningDatasetsTest {
    @TempDir
    Path dir;

    @Test
    void dedupeFebrl3WithRandomNonMatchesPrintsTheWarningAndWhatToDo() throws IOException {
        Path febrl3 = BenchmarkDataset.folder().resolve("febrl3");
        BenchmarkDataset d = BenchmarkDataset.load(febrl3);
        Table t = d.left();
        Pairs gold = d.matches();
        Random r = new Random(1);
        StringBuilder labels = new StringBuilder("left_id,right_id,label\n");
        for (int i = 0; i < 30; i++) {
            int k = r.nextInt(gold.size());
            labels.append(t.id(gold.left(k))).append(',').append(t.id(gold.right(k))).append(",1\n");
        }
        for (int i = 0; i < 30; ) {
            int a = r.nextInt(t.size());
            int b = r.nextInt(t.size());
            if (a != b && !gold.containsUnordered(a, b)) {
                labels.append(t.id(a)).append(',').append(t.id(b)).append(",0\n");
                i++;
            }
        }
        Path file = Files.writeString(dir.resolve("labels.csv"), labels);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MatcherCli.run(new PrintWriter(out), new PrintWriter(err), "dedupe",
                febrl3.resolve("left.csv").toString(), "--labels", file.toString(), "--out",
                dir.resolve("out.csv").toString(), "--quiet");
        assertEquals(0, code, err::toString);
        String s = out.toString();
        System.out.print(s);
        assertTrue(s.contains("warning: labels: your 30 non-matches look random"), s);
        assertTrue(s.contains("label near misses") && s.contains("labelling session"), s);
    }
}
