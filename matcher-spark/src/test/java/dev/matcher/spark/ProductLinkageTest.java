package dev.matcher.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.Resolution;
import dev.matcher.Resolver;
import dev.matcher.blocking.Blocker;
import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.KeyFunction;
import dev.matcher.cluster.Clusterers;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.match.Matcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abt-Buy-like product linkage (text titles with model codes, descriptions, prices): the text features' dictionaries,
 * IDF weights and code dictionaries applied per partition give the single-machine scores and mapping.
 */
class ProductLinkageTest {
    private static final String[] BRANDS = {"sony", "samsung", "panasonic", "canon", "nikon", "philips", "lg", "bose"};
    private static final String[] NOUNS = {"camera", "television", "speaker", "headphones", "camcorder", "monitor",
        "receiver", "projector"};
    private static final String[] WORDS = {"black", "silver", "digital", "wireless", "hd", "compact", "portable",
        "premium", "series", "kit", "lens", "remote", "inch", "pro"};
    private static final SparkResolver.Keys KEYS = KeySpec.keys("tokens(title)");

    @TempDir
    Path dir;

    @Test
    void productLinkageEqualsTheSingleMachine() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder left = new StringBuilder("id,title,description,price\n");
        StringBuilder right = new StringBuilder("id,title,description,price\n");
        int products = 260;
        List<int[]> truth = new ArrayList<>();
        int rightRows = 0;
        for (int p = 0; p < products; p++) {
            String brand = BRANDS[r.nextInt(BRANDS.length)];
            String code = (char) ('a' + r.nextInt(26)) + "" + (char) ('a' + r.nextInt(26)) + "-" + (100 + r.nextInt(900))
                    + (char) ('a' + r.nextInt(26));
            String noun = NOUNS[r.nextInt(NOUNS.length)];
            String w1 = WORDS[r.nextInt(WORDS.length)];
            String w2 = WORDS[r.nextInt(WORDS.length)];
            int price = 50 + r.nextInt(900);
            left.append("a").append(p).append(",\"").append(brand).append(' ').append(code).append(' ').append(w1)
                    .append(' ').append(noun).append("\",\"").append(w2).append(' ').append(noun).append(" by ")
                    .append(brand).append(", model ").append(code).append("\",").append(price).append('\n');
            if (r.nextInt(10) < 7) {
                String c2 = r.nextBoolean() ? code.replace("-", "") : code.toUpperCase();
                right.append("b").append(rightRows).append(",\"").append(brand).append(' ').append(w2).append(' ')
                        .append(noun).append(' ').append(c2).append("\",").append(r.nextBoolean() ? "" : w1 + " "
                        + noun).append(',').append(r.nextInt(4) == 0 ? "" : Integer.toString(price + r.nextInt(20)))
                        .append('\n');
                truth.add(new int[] {p, rightRows++});
            }
        }
        for (int k = 0; k < 80; k++) {        // right-only products
            right.append("b").append(rightRows++).append(",\"").append(BRANDS[r.nextInt(BRANDS.length)]).append(' ')
                    .append(NOUNS[r.nextInt(NOUNS.length)]).append(' ').append(WORDS[r.nextInt(WORDS.length)])
                    .append("\",,").append(50 + r.nextInt(900)).append('\n');
        }
        Path lcsv = dir.resolve("abt.csv");
        Path rcsv = dir.resolve("buy.csv");
        Files.writeString(lcsv, left);
        Files.writeString(rcsv, right);
        Table lt = Table.readCsv(lcsv);
        Table rt = Table.readCsv(rcsv);
        Map<Long, Boolean> matches = new HashMap<>();
        for (int[] t : truth) {
            matches.put(Pairs.pack(t[0], t[1]), true);
        }
        Blocker blocker = Blockers.standard(KEYS.functions().toArray(new KeyFunction[0])).maxBlockSize(120);
        Pairs c = blocker.candidates(Task.linkage(lt, rt));
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            if (matches.containsKey(c.packed(i)) ? r.nextInt(2) == 0 : r.nextInt(30) == 0) {
                picked.add(i);
            }
        }
        int[] l = picked.stream().mapToInt(i -> c.left(i)).toArray();
        int[] rr = picked.stream().mapToInt(i -> c.right(i)).toArray();
        boolean[] y = new boolean[l.length];
        for (int k = 0; k < l.length; k++) {
            y[k] = matches.containsKey(Pairs.pack(l[k], rr[k]));
        }
        Matcher m = Matcher.builder().seed(2).train(lt, rt, new LabelledPairs(Pairs.of(l, rr), y), null);
        Resolution single = Resolver.builder().matcher(m).blocker(blocker)
                .clusterer(Clusterers.uniqueMapping(m.threshold())).parallelism(2).build().link(lt, rt);
        SparkResolution spark = SparkResolver.builder().matcher(m).keys(KEYS).maxBlockSize(120).partitions(3).build()
                .link(SparkTables.read(TestSpark.session(), lcsv.toString()),
                        SparkTables.read(TestSpark.session(), rcsv.toString()));

        Map<Long, Double> expected = new HashMap<>();
        for (int i = 0; i < single.candidates().size(); i++) {
            expected.put(single.candidates().packed(i), single.scores()[i]);
        }
        List<Row> pairs = spark.pairs().collectAsList();
        assertEquals(expected.size(), pairs.size(), "candidate pairs");
        for (Row p : pairs) {
            Double s = expected.get(Pairs.pack((int) p.getLong(0), (int) p.getLong(1)));
            assertTrue(s != null, "pair not proposed on one machine: " + p);
            assertEquals(s, p.getDouble(4), 0.0, "score of " + p);
        }
        int linked = 0;
        for (Row rec : spark.records().collectAsList()) {
            int node = (int) rec.getLong(1) + (rec.getInt(0) == 1 ? lt.size() : 0);
            assertEquals(single.clusters().clusterId(node), rec.getString(3), "cluster of " + rec);
            linked += single.clusters().size(single.clusters().clusterOf(node)) > 1 ? 1 : 0;
        }
        assertTrue(linked > 150, "records linked: " + linked);
        assertTrue(m.spec().names().stream().anyMatch(n -> n.startsWith("title.") || n.startsWith("*.")),
                m.spec().names().toString());
    }
}
