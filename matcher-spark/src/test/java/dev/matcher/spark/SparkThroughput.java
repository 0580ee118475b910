package dev.matcher.spark;

import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.KeyFunction;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.match.Matcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Local-mode throughput of the Spark job on generated febrl-like records (not a test: run it by hand, see the module
 * README): records per second through blocking, pairs per second through scoring, shuffle bytes written, clustering
 * rounds.
 *
 * <pre>
 * java -cp ... dev.matcher.spark.SparkThroughput RECORDS [MASTER [KEYS]]
 * </pre>
 */
public final class SparkThroughput {
    private SparkThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int originals = Integer.parseInt(args[0].replace("_", "")) * 10 / 16;   // about 1.6 records per original
        String master = args.length > 1 ? args[1] : "local[2]";
        Path dir = Files.createTempDirectory("matcher-spark-bench");
        List<People.Person> people = People.generate(originals, 3, 5);
        Path csv = dir.resolve("people.csv");
        People.writeCsv(csv, people, "rec-");
        SparkResolver.Keys keys = KeySpec.keys(args.length > 2 ? args[2]
                : "exact(date_of_birth); exact(soc_sec_id)");
        // train on the first 3,000 records, as a user would on a labelled sample
        List<People.Person> sample = people.subList(0, Math.min(3000, people.size()));
        Path sampleCsv = dir.resolve("sample.csv");
        People.writeCsv(sampleCsv, sample, "s-");
        Table t = Table.readCsv(sampleCsv);
        Pairs c = Blockers.standard(keys.functions().toArray(new KeyFunction[0])).candidates(t);
        SplittableRandom r = new SplittableRandom(1);
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            boolean match = sample.get(c.left(i)).entity() == sample.get(c.right(i)).entity();
            if (match || r.nextInt(20) == 0) {
                picked.add(i);
            }
        }
        int[] l = picked.stream().mapToInt(i -> c.left(i)).toArray();
        int[] rr = picked.stream().mapToInt(i -> c.right(i)).toArray();
        boolean[] y = new boolean[l.length];
        for (int k = 0; k < l.length; k++) {
            y[k] = sample.get(l[k]).entity() == sample.get(rr[k]).entity();
        }
        Matcher m = Matcher.builder().seed(1).train(t, new LabelledPairs(Pairs.of(l, rr), y), null);
        m.save(dir.resolve("people.bin"));
        System.out.println("records and model in " + dir + " (people.csv, people.bin)");

        SparkSession spark = SparkSession.builder().master(master).appName("matcher-spark throughput")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        AtomicLong shuffle = new AtomicLong();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                    shuffle.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
                }
            }
        });
        long start = System.nanoTime();
        SparkResolution res = SparkResolver.builder().matcher(m).keys(keys).build()
                .deduplicate(SparkTables.read(spark, csv.toString()));
        double total = (System.nanoTime() - start) / 1e9;
        double block = res.seconds().get("blocking");
        double score = res.seconds().get("scoring");
        System.out.println(res.summary());
        System.out.printf(Locale.ROOT, "%s, %,d records, %,d candidate pairs: blocking %,.0f records/s, scoring %,.0f "
                        + "pairs/s, shuffle written %.1f MB, %d clustering rounds, %.1f s in all%n", master,
                people.size(), res.candidates(), people.size() / block, res.candidates() / score,
                shuffle.get() / 1e6, res.clusteringIterations(), total);
        spark.stop();
    }
}
