package dev.matcher.cli;

import dev.matcher.data.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The labelling session of dedupe/link with answers piped to stdin, as a script or a test would. */
class InteractiveLabellingTest {
    @TempDir
    Path dir;

    private final InputStream stdin = System.in;
    private StringWriter out;
    private StringWriter err;

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    private int run(String answers, String... args) {
        System.setIn(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)));
        out = new StringWriter();
        err = new StringWriter();
        return MatcherCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void sessionSavesEveryAnswerAndResumes() {
        People people = People.generate(40, 20, "r", 3);
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path outFile = dir.resolve("out").resolve("deduped.csv");
        Path labels = dir.resolve("out").resolve("labels.csv");      // default: beside the output

        // "maybe" is asked again, "u" skips without a label, "q" ends the session
        assertEquals(0, run("y\nn\nmaybe\ny\nn\nu\nq\n", "dedupe", csv.toString(), "--out", outFile.toString(),
                "--quiet"), () -> err + "\n" + out);
        String s = out.toString();
        assertTrue(s.contains("attribute") && s.contains("left") && s.contains("right"), s);
        assertTrue(s.contains("Same entity? [y]es [n]o [u]nsure [q]uit"), s);
        assertTrue(s.contains("Please answer y, n, u or q."), s);
        assertTrue(s.contains("Trained on 4 labels (2 matches)"), s);
        List<String> first = CliJobsTest.lines(labels);
        assertEquals(List.of("left_id,right_id,label"), first.subList(0, 1));
        assertEquals(List.of("1", "0", "1", "0"), first.subList(1, 5).stream().map(l -> l.substring(l.lastIndexOf(',') + 1)).toList());
        assertEquals(5, first.size());
        assertLabelledPairsExist(people, first);
        Table t = Table.read(outFile);
        assertEquals(people.size(), t.size());
        assertTrue(t.schema().names().contains("match_id"));

        // resume: the four labels are loaded, two more answers end the session at --max-labels 2 (no quit needed)
        assertEquals(0, run("n\ny\n", "dedupe", csv.toString(), "--out", outFile.toString(), "--max-labels", "2",
                "--quiet"), () -> err + "\n" + out);
        assertTrue(out.toString().contains("Resuming: 4 labels loaded from " + labels), out.toString());
        assertTrue(out.toString().contains("Trained on 6 labels (3 matches)"), out.toString());
        List<String> second = CliJobsTest.lines(labels);
        assertEquals(7, second.size());
        assertEquals(first, second.subList(0, 5), "earlier answers are kept in order");
        Set<String> pairs = new HashSet<>();
        for (String line : second.subList(1, 7)) {
            assertTrue(pairs.add(line.substring(0, line.lastIndexOf(','))), "asked twice: " + line);
        }
    }

    private static void assertLabelledPairsExist(People people, List<String> lines) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            ids.add(people.id(i));
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertTrue(ids.contains(f[0]) && ids.contains(f[1]) && !f[0].equals(f[1]), line);
        }
    }

    @Test
    void quittingBeforeTwoOfEachClassIsOneClearLine() {
        People people = People.generate(30, 15, "r", 11);
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path outFile = dir.resolve("deduped.csv");
        Path labels = dir.resolve("mine.csv");
        assertEquals(1, run("y\nq\n", "dedupe", csv.toString(), "--out", outFile.toString(), "--quiet",
                "--save-labels", labels.toString()));
        assertTrue(err.toString().startsWith("matcher: " + labels
                + ": need at least 2 matches and 2 non-matches to train, have 1 and 0"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertEquals(2, CliJobsTest.lines(labels).size(), "the one answer is saved");
        assertFalse(Files.exists(outFile));
    }

    @Test
    void truthfulAnswersFindTheDuplicates() {
        People people = People.generate(40, 20, "r", 7);
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path outFile = dir.resolve("deduped.csv");
        out = new StringWriter();
        err = new StringWriter();
        // a person at the terminal: reads the pair just shown and answers whether it is one person
        System.setIn(new Oracle(() -> out.toString(), (a, b) -> people.entity.get(rowOf(people, a))
                .equals(people.entity.get(rowOf(people, b)))));
        assertEquals(0, MatcherCli.run(new PrintWriter(out), new PrintWriter(err), "dedupe", csv.toString(), "--out",
                outFile.toString(), "--max-labels", "20", "--quiet"), () -> err + "\n" + out);
        Table t = Table.read(outFile);
        int together = 0;
        for (int[] d : people.duplicates()) {
            together += t.value(d[0], "match_id").equals(t.value(d[1], "match_id")) ? 1 : 0;
        }
        int wrong = 0;
        for (int a = 0; a < t.size(); a++) {
            for (int b = a + 1; b < t.size(); b++) {
                boolean same = t.value(a, "match_id").equals(t.value(b, "match_id"));
                wrong += same && !people.entity.get(a).equals(people.entity.get(b)) ? 1 : 0;
            }
        }
        assertTrue(together >= 18 && wrong <= 2, together + " of 20 duplicate pairs found, " + wrong
                + " wrong pairs\n" + out);
    }

    private static int rowOf(People people, String id) {
        for (int i = 0; i < people.size(); i++) {
            if (people.id(i).equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no id " + id);
    }

    /** Stdin that answers y/n for the last pair the session printed (the "id" row of its side-by-side table). */
    static final class Oracle extends InputStream {
        private final java.util.function.Supplier<String> shown;
        private final java.util.function.BiPredicate<String, String> same;
        private byte[] pending = new byte[0];
        private int next;
        private int answered;

        Oracle(java.util.function.Supplier<String> shown, java.util.function.BiPredicate<String, String> same) {
            this.shown = shown;
            this.same = same;
        }

        @Override
        public int read() {
            if (next == pending.length) {
                String text = shown.get();
                int at = text.lastIndexOf("\nid ");
                if (at < 0 || answered++ > 1000) {
                    return -1;
                }
                String[] cells = text.substring(at + 1, text.indexOf('\n', at + 1)).split("\\|");
                pending = (same.test(cells[1].strip(), cells[2].strip()) ? "y\n" : "n\n").getBytes(StandardCharsets.UTF_8);
                next = 0;
            }
            return pending[next++];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }

    @Test
    void linkSessionWritesLabelsIntoTheOutputFolder() {
        StringBuilder left = new StringBuilder("id,name,city,phone\n");
        StringBuilder right = new StringBuilder("id,name,city,phone\n");
        for (int e = 0; e < 20; e++) {
            left.append(String.join(",", People.person(e, false, "a" + e))).append('\n');
            right.append(String.join(",", People.person(e, true, "b" + e))).append('\n');
        }
        Path l = People.write(dir.resolve("l.csv"), left.toString());
        Path r = People.write(dir.resolve("r.csv"), right.toString());
        Path outDir = dir.resolve("linked");
        assertEquals(0, run("y\ny\nn\nn\ny\n", "link", l.toString(), r.toString(), "--out", outDir.toString(),
                "--retrain-every", "4", "--quiet"), () -> err + "\n" + out);
        assertTrue(out.toString().contains("Retrained on 4 labels"), out.toString());
        assertEquals(6, CliJobsTest.lines(outDir.resolve("labels.csv")).size());
        assertTrue(Files.isRegularFile(outDir.resolve("left.csv")) && Files.isRegularFile(outDir.resolve("right.csv")));
    }
}
