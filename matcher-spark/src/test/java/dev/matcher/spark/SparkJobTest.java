package dev.matcher.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.match.Matcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point: a dedupe job end to end, usage errors, bad input named. */
class SparkJobTest {
    @TempDir
    Path dir;

    @Test
    void dedupeJobWritesParquetWithClusterIds() {
        SparkSession spark = TestSpark.session();
        List<People.Person> people = People.generate(120, 2, 31);
        Path csv = dir.resolve("people.csv");
        People.writeCsv(csv, people, "p");
        Table t = Table.readCsv(csv);
        // label every pair of records sharing a surname prefix: enough to train
        int[] l = new int[t.size() * 4];
        int[] r = new int[l.length];
        boolean[] y = new boolean[l.length];
        int n = 0;
        for (int i = 0; i < t.size() && n < l.length; i++) {
            for (int j = i + 1; j < t.size() && n < l.length; j++) {
                boolean match = people.get(i).entity() == people.get(j).entity();
                if (match || (i * 31 + j) % 97 == 0) {
                    l[n] = i;
                    r[n] = j;
                    y[n++] = match;
                }
            }
        }
        Matcher m = Matcher.builder().seed(1).train(t, new LabelledPairs(Pairs.of(java.util.Arrays.copyOf(l, n),
                java.util.Arrays.copyOf(r, n)), java.util.Arrays.copyOf(y, n)), null);
        Path model = dir.resolve("people.bin");
        m.save(model);
        String out = dir.resolve("out.parquet").toString();
        int code = SparkJob.run(new String[] {"dedupe", "--model", model.toString(), "--keys",
            "prefix(surname, 3); exact(postcode)", "--out", out, csv.toString()});
        assertEquals(0, code);
        assertFalse(spark.sparkContext().isStopped(), "the caller's session must be left running");
        Dataset<Row> written = spark.read().parquet(out);
        assertEquals(t.size(), written.count());
        long clusters = written.select("match_id").distinct().count();
        assertTrue(clusters < t.size() && clusters >= 120 / 2, "clusters: " + clusters);
        // writing again over the output is refused, never replaced
        assertThrows(Exception.class, () -> SparkJob.run(new String[] {"dedupe", "--model", model.toString(),
            "--keys", "exact(postcode)", "--out", out, csv.toString()}));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, SparkJob.run(new String[] {}));
        assertEquals(2, SparkJob.run(new String[] {"dedupe", "--model", "m.bin", "--out", "o", "t.csv"}));
        assertEquals(2, SparkJob.run(new String[] {"link", "--model", "m.bin", "--keys", "exact(a)", "--out", "o",
            "t.csv"}));
        assertEquals(2, SparkJob.run(new String[] {"dedupe", "--bogus", "x"}));
    }

    @Test
    void aTableWithoutIdsIsNamed() throws Exception {
        Path csv = dir.resolve("noid.csv");
        Files.writeString(csv, "name,city\nann,oslo\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkTables.read(TestSpark.session(), csv.toString()));
        assertTrue(e.getMessage().contains("no 'id' column"), e.getMessage());
    }
}
