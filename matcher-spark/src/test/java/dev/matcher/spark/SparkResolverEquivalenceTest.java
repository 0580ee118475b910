package dev.matcher.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.Resolution;
import dev.matcher.Resolver;
import dev.matcher.blocking.Blocker;
import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.Candidates;
import dev.matcher.blocking.KeyFunction;
import dev.matcher.blocking.KeyFunctions;
import dev.matcher.cluster.Clusterers;
import dev.matcher.cluster.Clusters;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.match.Matcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local[2] gives what the single-machine Resolver gives with the same matcher, keys, size guard and
 * clusterer: the same candidate pairs, the same scores (to 1e-9; in fact bit for bit), the same cuts, the same
 * clusters with the same ids and confidences — for a febrl-like deduplication read from CSV and from Parquet, and for
 * a linkage.
 */
class SparkResolverEquivalenceTest {
    /** Febrl's classic keys; the state key makes blocks above the guard, so the cut report is compared too. */
    private static final SparkResolver.Keys KEYS = () -> List.of(KeyFunctions.prefix("surname", 3),
            KeyFunctions.exact("postcode"), KeyFunctions.prefix("given_name", 4), KeyFunctions.exact("state"));
    private static final int MAX_BLOCK = 60;

    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
    }

    private static Blocker blocker() {
        return Blockers.standard(KEYS.functions().toArray(new KeyFunction[0])).maxBlockSize(MAX_BLOCK);
    }

    /** A matcher trained on a sample of the single-machine candidates labelled by the generator's truth. */
    private static Matcher train(Table left, Table right, int[] leftEntity, int[] rightEntity, boolean dedup) {
        Task task = dedup ? Task.deduplication(left) : Task.linkage(left, right);
        Pairs c = blocker().candidates(task);
        SplittableRandom r = new SplittableRandom(7);
        List<Integer> picked = new ArrayList<>();
        int positives = 0;
        for (int i = 0; i < c.size(); i++) {
            boolean match = leftEntity[c.left(i)] == rightEntity[c.right(i)];
            if (match ? positives < 150 && r.nextInt(2) == 0 : r.nextInt(15) == 0) {
                picked.add(i);
                positives += match ? 1 : 0;
            }
        }
        int[] l = new int[picked.size()];
        int[] rr = new int[picked.size()];
        boolean[] y = new boolean[picked.size()];
        for (int k = 0; k < l.length; k++) {
            int i = picked.get(k);
            l[k] = c.left(i);
            rr[k] = c.right(i);
            y[k] = leftEntity[l[k]] == rightEntity[rr[k]];
        }
        return Matcher.builder().seed(3).train(left, right, new LabelledPairs(Pairs.of(l, rr), y), null);
    }

    private static int[] entities(List<People.Person> people) {
        return people.stream().mapToInt(People.Person::entity).toArray();
    }

    @Test
    void deduplicationFromCsvAndParquetEqualsTheSingleMachine() {
        List<People.Person> people = People.generate(300, 3, 11);
        Path csv = dir.resolve("people.csv");
        People.writeCsv(csv, people, "rec-");
        Table table = Table.readCsv(csv);
        Matcher m = train(table, table, entities(people), entities(people), true);
        Resolution single = Resolver.builder().matcher(m).blocker(blocker())
                .clusterer(Clusterers.connectedComponents(m.threshold())).parallelism(2).build()
                .deduplicate(table);
        Candidates cut = blocker().block(Task.deduplication(table));
        assertFalse(cut.cuts().isEmpty(), "the state key should exceed the guard");

        SparkResolver resolver = SparkResolver.builder().matcher(m).keys(KEYS).maxBlockSize(MAX_BLOCK).partitions(3)
                .build();
        SparkResolution fromCsv = resolver.deduplicate(SparkTables.read(spark, csv.toString()));
        assertSame(single, fromCsv, table, null);
        assertEquals(cut.cuts(), fromCsv.cuts());
        assertEquals(1, fromCsv.warnings().size(), fromCsv.warnings().toString());

        String parquet = dir.resolve("people.parquet").toString();
        SparkTables.read(spark, csv.toString()).coalesce(1).write().parquet(parquet);
        SparkResolution fromParquet = resolver.deduplicate(SparkTables.read(spark, parquet));
        assertSame(single, fromParquet, table, null);

        String out = dir.resolve("deduped.parquet").toString();
        fromParquet.write(out);
        Dataset<Row> written = spark.read().parquet(out);
        assertEquals(table.size(), written.count());
        assertTrue(List.of(written.columns()).containsAll(List.of("id", "surname", "match_id", "match_confidence")));
        Row first = written.where("id = '" + table.id(0) + "'").first();
        assertEquals(single.clusters().clusterId(0), first.getString(first.fieldIndex("match_id")));
        System.out.println("[matcher-spark] " + fromCsv.summary().replace("\n", "\n[matcher-spark] "));
    }

    @Test
    void linkageEqualsTheSingleMachine() {
        List<People.Person> all = People.generate(300, 1, 23);
        List<People.Person> left = new ArrayList<>();
        List<People.Person> right = new ArrayList<>();
        for (People.Person p : all) {
            boolean inLeft = left.stream().noneMatch(q -> q.entity() == p.entity());
            boolean inRight = right.stream().noneMatch(q -> q.entity() == p.entity());
            if (inLeft && (p.entity() % 3 != 0 || !inRight)) {
                left.add(p);
            } else if (inRight) {
                right.add(p);
            }
        }
        Path lcsv = dir.resolve("left.csv");
        Path rcsv = dir.resolve("right.csv");
        People.writeCsv(lcsv, left, "a");
        People.writeCsv(rcsv, right, "b");
        Table lt = Table.readCsv(lcsv);
        Table rt = Table.readCsv(rcsv);
        Matcher m = train(lt, rt, entities(left), entities(right), false);
        Resolution single = Resolver.builder().matcher(m).blocker(blocker())
                .clusterer(Clusterers.uniqueMapping(m.threshold())).parallelism(2).build().link(lt, rt);
        SparkResolution spk = SparkResolver.builder().matcher(m).keys(KEYS).maxBlockSize(MAX_BLOCK).build()
                .link(SparkTables.read(spark, lcsv.toString()), SparkTables.read(spark, rcsv.toString()));
        assertSame(single, spk, lt, rt);
        assertEquals(blocker().block(Task.linkage(lt, rt)).cuts(), spk.cuts());
        assertTrue(single.clusters().count() < lt.size() + rt.size(), "some records should be linked");
    }

    /** Same pairs, scores, cluster ids and confidences. */
    private static void assertSame(Resolution single, SparkResolution spark, Table left, Table right) {
        Map<Long, Double> expected = new HashMap<>();
        for (int i = 0; i < single.candidates().size(); i++) {
            expected.put(single.candidates().packed(i), single.scores()[i]);
        }
        List<Row> pairs = spark.pairs().collectAsList();
        assertEquals(expected.size(), pairs.size(), "candidate pairs");
        assertEquals(expected.size(), spark.candidates());
        double worst = 0;
        for (Row p : pairs) {
            long key = Pairs.pack((int) p.getLong(0), (int) p.getLong(1));
            Double s = expected.get(key);
            assertTrue(s != null, "pair not proposed on one machine: " + p);
            worst = Math.max(worst, Math.abs(s - p.getDouble(4)));
        }
        assertTrue(worst <= 1e-9, "largest score difference " + worst);
        assertEquals(0.0, worst, "the same features and model should give the same floats");
        Clusters c = single.clusters();
        int n = left.size() + (right == null ? 0 : right.size());
        List<Row> records = spark.records().collectAsList();
        assertEquals(n, records.size());
        int together = 0;
        for (Row r : records) {
            int node = (int) r.getLong(1) + (r.getInt(0) == 1 ? left.size() : 0);
            assertEquals(c.clusterId(node), r.getString(3), "cluster id of record " + r);
            assertEquals(c.confidence(node), r.getDouble(4), 1e-9, "confidence of record " + r);
            together += c.size(c.clusterOf(node)) > 1 ? 1 : 0;
        }
        assertTrue(together > 30, "too few records in clusters to compare: " + together);
    }
}
