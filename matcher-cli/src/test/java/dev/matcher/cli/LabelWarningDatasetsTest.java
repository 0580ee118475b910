package dev.matcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.Labeller;
import dev.matcher.Resolution;
import dev.matcher.Resolver;
import dev.matcher.cluster.Clusters;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.eval.ClusterMetrics;
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
 * A new user's first labels: {@code matcher dedupe febrl3} with 30 matches and 30 random non-matches prints a
 * warning and the next step, and that step (the session going on from those labels) works
 * ({@code ./mvnw -B verify -Pdatasets -Dmatcher.datasets=DIR}).
 */
@Tag("datasets")
class LabelWarningDatasetsTest {
    @TempDir
    Path dir;

    @Test
    void dedupeFebrl3WithRandomNonMatchesPrintsTheWarningAndWhatToDo() throws IOException {
        Path febrl3 = BenchmarkDataset.folder().resolve("febrl3");
        BenchmarkDataset d = BenchmarkDataset.load(febrl3);
        Path file = randomLabels(d);
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
        assertTrue(s.contains("give the file as --save-labels " + file + " instead of --labels"), s);
    }

    /** The suggested next step: the session goes on from the random labels and asks about near misses. */
    @Test
    void fortyNearMissAnswersAfterTheRandomLabelsReachF1OfAtLeast095() {
        BenchmarkDataset d = BenchmarkDataset.load(BenchmarkDataset.folder().resolve("febrl3"));
        Table t = d.left();
        Pairs gold = d.matches();
        LabelledPairs given = LabelledPairs.read(randomLabels(d), Task.deduplication(t));
        Labeller truth = q -> gold.containsUnordered(q.left(), q.right()) ? Labeller.Answer.MATCH
                : Labeller.Answer.NON_MATCH;
        Resolution onlyRandom = Resolver.builder().labels(given).seed(1).build().deduplicate(t);
        Resolution withRounds = Resolver.builder().labels(given).labeller(truth).maxLabels(40).retrainEvery(5)
                .seed(1).build().deduplicate(t);
        Clusters expected = ClusterMetrics.truth(t.size(), gold);
        double before = ClusterMetrics.of(onlyRandom.clusters(), expected).pairF1();
        double after = ClusterMetrics.of(withRounds.clusters(), expected).pairF1();
        System.out.printf("febrl3, 30 matches + 30 random non-matches: cluster pair F1 %.4f; after 40 near-miss "
                + "answers: %.4f%n", before, after);
        assertTrue(after >= 0.95, "F1 after the near-miss rounds: " + after);
    }

    /** 30 true matches and 30 random non-matches, as a new user would label them first. */
    private Path randomLabels(BenchmarkDataset d) {
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
        try {
            return Files.writeString(dir.resolve("labels.csv"), labels);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
