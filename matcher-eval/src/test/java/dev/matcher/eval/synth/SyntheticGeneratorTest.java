package dev.matcher.eval.synth;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.eval.BenchmarkDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticGeneratorTest {
    @TempDir
    Path dir;

    private static List<SyntheticGenerator> generators(int records, long seed) {
        return List.of(PersonGenerator.builder().records(records).seed(seed).shuffleWindow(500).build(),
                ProductGenerator.builder().records(records).seed(seed).shuffleWindow(500).build());
    }

    @Test
    void sameSeedSameRecordsOtherSeedOtherRecords() {
        for (int k = 0; k < 2; k++) {
            SyntheticData a = generators(1000, 7).get(k).generate();
            SyntheticData b = generators(1000, 7).get(k).generate();
            SyntheticData c = generators(1000, 8).get(k).generate();
            assertEquals(rows(a.table()), rows(b.table()));
            assertEquals(List.of(a.items()[0], a.items()[999]), List.of(b.items()[0], b.items()[999]));
            assertTrue(java.util.Arrays.equals(a.families(), b.families()));
            assertNotEquals(rows(a.table()), rows(c.table()));
        }
    }

    @Test
    void exactlyTheRequestedNumberOfRecordsWithUniqueIds() {
        for (SyntheticGenerator g : generators(1001, 1)) {
            SyntheticData d = g.generate();
            assertEquals(1001, d.size());
            assertEquals(1001, d.table().size());
            assertEquals(g.schema(), d.table().schema());
        }
    }

    @Test
    void duplicatesShareAnItemAndItemsNestInFamilies() {
        for (SyntheticGenerator g : generators(2000, 3)) {
            SyntheticData d = g.generate();
            Map<Integer, Integer> familyOfItem = new HashMap<>();
            for (int r = 0; r < d.size(); r++) {
                Integer previous = familyOfItem.putIfAbsent(d.item(r), d.family(r));
                assertTrue(previous == null || previous == d.family(r), "item " + d.item(r) + " in two families");
            }
            Pairs matches = d.matches();
            Pairs family = d.familyMatches();
            assertTrue(matches.size() > 100, "too few duplicates: " + matches.size());
            for (int i = 0; i < matches.size(); i++) {
                int l = matches.left(i);
                int r = matches.right(i);
                assertTrue(l < r);
                assertEquals(d.item(l), d.item(r));
                assertTrue(family.contains(l, r), "a duplicate pair is not a family pair");
            }
            // each group's pair count is n(n-1)/2
            Map<Integer, Integer> sizes = new HashMap<>();
            for (int item : d.items()) {
                sizes.merge(item, 1, Integer::sum);
            }
            long expected = sizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
            assertEquals(expected, matches.size());
        }
    }

    @Test
    void duplicatesDifferFromEachOtherAndProductFamiliesHoldSeveralVariants() {
        for (SyntheticGenerator g : generators(2000, 5)) {
            SyntheticData d = g.generate();
            Pairs m = d.matches();
            int identical = 0;
            for (int i = 0; i < m.size(); i++) {
                if (row(d.table(), m.left(i)).equals(row(d.table(), m.right(i)))) {
                    identical++;
                }
            }
            assertTrue(identical < m.size() / 10, identical + " of " + m.size() + " duplicates are unchanged copies");
        }
        SyntheticData products = generators(2000, 5).get(1).generate();
        assertTrue(products.familyCount() * 2 < products.itemCount(), products.familyCount() + " families for "
                + products.itemCount() + " items");
        assertTrue(products.familyMatches().size() > 2 * products.matches().size());
    }

    @Test
    void productVariantsAreTellableApartByModelColourAndSize() {
        SyntheticData d = ProductGenerator.builder().records(3000).seed(17).build().generate();
        Table t = d.table();
        Map<String, Integer> itemOfKey = new HashMap<>();
        int keyed = 0;
        for (int r = 0; r < d.size(); r++) {
            String model = t.value(r, "model");
            String colour = t.value(r, "color");
            String size = t.value(r, "size");
            if (model == null || colour == null || size == null) {
                continue;
            }
            keyed++;
            String key = model.replace("-", "").toUpperCase(java.util.Locale.ROOT) + "|" + colour.toLowerCase(
                    java.util.Locale.ROOT) + "|" + size;
            Integer previous = itemOfKey.putIfAbsent(key, d.item(r));
            assertTrue(previous == null || previous == d.item(r), "two variants share " + key);
        }
        assertTrue(keyed > 1000, "too few complete listings: " + keyed);
        // variant SKUs (base-model-variant, e.g. AC-K1528-WHT43) name exactly one item
        Map<String, Integer> itemOfSku = new HashMap<>();
        int skus = 0;
        for (int r = 0; r < d.size(); r++) {
            String model = t.value(r, "model");
            if (model != null && model.chars().filter(c -> c == '-').count() == 2) {
                skus++;
                Integer previous = itemOfSku.putIfAbsent(model.toUpperCase(java.util.Locale.ROOT), d.item(r));
                assertTrue(previous == null || previous == d.item(r), "two variants share SKU " + model);
            }
        }
        assertTrue(skus > 500, "too few SKUs: " + skus);
    }

    @Test
    void streamedCsvAndParquetEqualTheTableInMemory() {
        for (SyntheticGenerator g : generators(1200, 11)) {
            Table memory = g.generate().table();
            Path csv = dir.resolve(g.name() + ".csv");
            Path parquet = dir.resolve(g.name() + ".parquet");
            g.writeCsv(csv);
            g.writeParquet(parquet);
            assertEquals(rows(memory), rows(Table.readCsv(csv)));
            Table fromParquet = Table.read(parquet);
            assertEquals(rows(memory), rows(fromParquet));
            assertEquals(memory.schema(), fromParquet.schema());
        }
    }

    @Test
    void datasetFolderLoadsWithTheSharedLoaderAndAgreesWithTheTruth() throws IOException {
        for (SyntheticGenerator g : generators(1500, 13)) {
            SyntheticData d = g.generate();
            Path folder = dir.resolve(g.name());
            g.writeDataset(folder);
            BenchmarkDataset ds = BenchmarkDataset.load(folder);
            assertTrue(ds.isDeduplication());
            assertEquals(rows(d.table()), rows(ds.left()));
            assertEquals(packed(d.matches()), packed(ds.matches()));
            assertEquals(List.of("test", "train", "valid"), ds.splits().keySet().stream().sorted().toList());
            int labelled = 0;
            int positives = 0;
            Set<Long> seen = new HashSet<>();
            for (LabelledPairs split : ds.splits().values()) {
                for (int i = 0; i < split.size(); i++) {
                    int l = split.pairs().left(i);
                    int r = split.pairs().right(i);
                    assertTrue(seen.add(Pairs.pack(l, r)), "a pair is in two splits");
                    assertEquals(d.item(l) == d.item(r), split.label(i));
                    positives += split.label(i) ? 1 : 0;
                }
                labelled += split.size();
            }
            assertTrue(labelled > 300 && positives > 30 && positives < labelled, labelled + "/" + positives);
            double trainShare = (double) ds.split("train").orElseThrow().size() / labelled;
            assertEquals(0.6, trainShare, 0.01);
            List<String> clusters = Files.readAllLines(folder.resolve("clusters.csv"));
            assertEquals("id,cluster_id,family_id", clusters.get(0));
            assertEquals(1501, clusters.size());
            if (g instanceof ProductGenerator) {
                Set<Long> familyPairs = packed(LabelledPairs.read(folder.resolve("family_matches.csv"),
                        ds.task()).pairs());
                assertEquals(packed(d.familyMatches()), familyPairs);
            }
        }
    }

    private static Set<Long> packed(Pairs p) {
        Set<Long> s = new HashSet<>();
        for (int i = 0; i < p.size(); i++) {
            s.add(Pairs.pack(p.left(i), p.right(i)));
        }
        return s;
    }

    private static List<String> rows(Table t) {
        return java.util.stream.IntStream.range(0, t.size()).mapToObj(r -> t.id(r) + "|" + row(t, r)).toList();
    }

    private static String row(Table t, int r) {
        StringBuilder b = new StringBuilder();
        for (int a = 0; a < t.schema().size(); a++) {
            b.append(t.value(r, a)).append('|');
        }
        return b.toString();
    }
}
