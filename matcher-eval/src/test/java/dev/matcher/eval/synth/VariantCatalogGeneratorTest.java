package dev.matcher.eval.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.eval.BenchmarkDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantCatalogGeneratorTest {
    private static VariantCatalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        catalog = VariantCatalogGenerator.builder().records(6000).seed(11).build().generate();
    }

    private static List<String> rows(Table t) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            StringBuilder b = new StringBuilder(t.id(r));
            for (int a = 0; a < t.schema().size(); a++) {
                b.append('|').append(t.value(r, a));
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void sameSeedSameCatalogueOtherSeedAnother() {
        VariantCatalog again = VariantCatalogGenerator.builder().records(6000).seed(11).build().generate();
        VariantCatalog other = VariantCatalogGenerator.builder().records(6000).seed(12).build().generate();
        assertEquals(rows(catalog.table()), rows(again.table()));
        for (String s : VariantCatalog.SPLITS) {
            for (boolean level : new boolean[] {false, true}) {
                assertEquals(catalog.pairs(s, level).pairs().size(), again.pairs(s, level).pairs().size());
                for (int i = 0; i < catalog.pairs(s, level).size(); i++) {
                    assertEquals(catalog.pairs(s, level).pairs().packed(i), again.pairs(s, level).pairs().packed(i));
                }
            }
        }
        assertNotEquals(rows(catalog.table()), rows(other.table()));
        assertTrue(catalog.size() >= 6000 && catalog.size() < 6200, "whole families past the target: " + catalog.size());
    }

    @Test
    void splitsAreDisjointByFamilyAndPairsStayInsideTheirSplit() {
        Map<Integer, String> splitOfFamily = new HashMap<>();
        Map<Integer, String> splitOfGroup = new HashMap<>();
        for (int r = 0; r < catalog.size(); r++) {
            String s = catalog.split(r);
            assertEquals(s, splitOfFamily.computeIfAbsent(catalog.family(r), f -> s), "family in two splits");
            assertEquals(s, splitOfGroup.computeIfAbsent(catalog.group(r), g -> s), "sibling lines in two splits");
        }
        Map<String, Integer> families = new HashMap<>();
        splitOfFamily.values().forEach(s -> families.merge(s, 1, Integer::sum));
        double trainShare = families.get("train") / (double) splitOfFamily.size();
        assertTrue(trainShare > 0.5 && trainShare < 0.7, "train share of families " + trainShare);
        for (String s : VariantCatalog.SPLITS) {
            for (boolean level : new boolean[] {false, true}) {
                LabelledPairs p = catalog.pairs(s, level);
                assertTrue(p.size() > 500 && p.positives() > 100, s + " " + p);
                for (int i = 0; i < p.size(); i++) {
                    int a = p.pairs().left(i);
                    int b = p.pairs().right(i);
                    assertEquals(s, catalog.split(a));
                    assertEquals(s, catalog.split(b));
                    boolean same = level ? catalog.family(a) == catalog.family(b) : catalog.item(a) == catalog.item(b);
                    assertEquals(same, p.label(i), "label of pair " + i + " in " + s);
                }
            }
        }
    }

    @Test
    void hardNegativesAreVariantsAndSiblingLines() {
        LabelledPairs exact = catalog.pairs("train", false);
        LabelledPairs family = catalog.pairs("train", true);
        int sameFamily = 0;
        int siblings = 0;
        for (int i = 0; i < exact.size(); i++) {
            int a = exact.pairs().left(i);
            int b = exact.pairs().right(i);
            if (!exact.label(i)) {
                sameFamily += catalog.family(a) == catalog.family(b) ? 1 : 0;
                siblings += catalog.family(a) != catalog.family(b) && catalog.group(a) == catalog.group(b) ? 1 : 0;
            }
        }
        int negatives = exact.size() - exact.positives();
        assertTrue(sameFamily > 0.3 * negatives, "other variants of the family: " + sameFamily + "/" + negatives);
        assertTrue(siblings > 0.1 * negatives, "sibling lines: " + siblings + "/" + negatives);
        int familySiblings = 0;
        for (int i = 0; i < family.size(); i++) {
            int a = family.pairs().left(i);
            int b = family.pairs().right(i);
            familySiblings += !family.label(i) && catalog.group(a) == catalog.group(b) ? 1 : 0;
        }
        assertTrue(familySiblings > 0.2 * (family.size() - family.positives()), "family-level hard negatives");
    }

    @Test
    void familiesHoldTwoToFiveColoursAndSizesListedOneToFourTimes() {
        Map<Integer, Integer> listings = new HashMap<>();
        Map<Integer, Set<Integer>> itemsOfFamily = new HashMap<>();
        for (int r = 0; r < catalog.size(); r++) {
            listings.merge(catalog.item(r), 1, Integer::sum);
            itemsOfFamily.computeIfAbsent(catalog.family(r), f -> new HashSet<>()).add(catalog.item(r));
        }
        for (int n : listings.values()) {
            assertTrue(n >= 1 && n <= 4, "listings of one item: " + n);
        }
        int small = 0;
        for (Set<Integer> items : itemsOfFamily.values()) {
            assertTrue(items.size() <= 25, "at most 5 colours x 5 sizes: " + items.size());
            small += items.size() < 3 ? 1 : 0;
        }
        assertTrue(small < 0.1 * itemsOfFamily.size(), "families of fewer than 3 items: " + small);
    }

    @Test
    void everyFailureClassIsPresentAtItsStatedRate() {
        Map<String, Double> rates = catalog.rates();
        double elsewhere = VariantCatalogGenerator.P_TITLE_ONLY + VariantCatalogGenerator.P_DESCRIPTION_ONLY;
        double silent = 1 - VariantCatalogGenerator.P_COLUMN - elsewhere;
        for (String d : List.of("colour", "size")) {
            assertEquals(elsewhere, rates.get(d + " only in title or description (column empty)"), 0.03, d);
            assertEquals(silent, rates.get(d + " silent (nowhere)"), 0.01, d);
            assertEquals(VariantCatalogGenerator.P_TYPO * (1 - silent), rates.get(d + " typo"), 0.012, d);
            assertTrue(rates.get(d + " written differently") > 0.4, d + " written differently");
        }
        assertEquals(VariantCatalogGenerator.P_COLUMN * VariantCatalogGenerator.P_MARKETING,
                rates.get("colour column holds a marketing name"), 0.012);
        assertEquals(VariantCatalogGenerator.P_DECOY, rates.get("descriptions listing other colours"), 0.03);
        Map<Integer, Set<Integer>> familiesOfGroup = new HashMap<>();
        for (int r = 0; r < catalog.size(); r++) {
            familiesOfGroup.computeIfAbsent(catalog.group(r), g -> new HashSet<>()).add(catalog.family(r));
        }
        long withSiblings = familiesOfGroup.values().stream().filter(f -> f.size() > 1).count();
        assertEquals(VariantCatalogGenerator.P_SIBLINGS, withSiblings / (double) familiesOfGroup.size(), 0.1);
    }

    @Test
    void flagsMatchTheWrittenRecords() {
        Table t = catalog.table();
        int titleOnly = 0;
        int descriptionOnly = 0;
        for (int r = 0; r < t.size(); r++) {
            for (int d = 0; d < 2; d++) {
                String column = t.value(r, d == 0 ? "color" : "size");
                if (catalog.has(r, d, VariantCatalog.ELSEWHERE) || catalog.has(r, d, VariantCatalog.SILENT)) {
                    assertNull(column, "column of a value said elsewhere or nowhere, row " + r);
                } else {
                    assertTrue(column != null && !column.isBlank(), "column of a value placed there, row " + r);
                }
            }
            if (catalog.has(r, 0, VariantCatalog.ELSEWHERE)) {
                String desc = t.value(r, "description");
                if (desc != null && (desc.contains("Colour:") || desc.contains("Shown in"))) {
                    descriptionOnly++;
                } else {
                    titleOnly++;
                }
            }
            if (catalog.has(r, 0, VariantCatalog.MARKETING)) {
                assertTrue(Set.of("Midnight", "Obsidian", "Cloud", "Chalk", "Storm", "Pebble", "Harbor", "Admiral",
                        "Ember", "Flame", "Fern", "Evergreen", "Lagoon", "Atlantic", "Dune", "Oat", "Merlot",
                        "Cabernet", "Petal", "Rosewater", "Moss", "Fatigue", "Sunbeam", "Daffodil", "Moonlight",
                        "Frost", "Amethyst", "Orchid", "Sunrise", "Honey").contains(t.value(r, "color"))
                        || catalog.has(r, 0, VariantCatalog.TYPO), t.value(r, "color"));
            }
        }
        assertTrue(titleOnly > 0.15 * t.size() && descriptionOnly > 0.1 * t.size(),
                "colour only in title " + titleOnly + ", only in description " + descriptionOnly);
    }

    @Test
    void writesADatasetFolderThatLoads() throws Exception {
        VariantCatalog small = VariantCatalogGenerator.builder().records(800).seed(5).build().generate();
        Path folder = dir.resolve("variants");
        Files.createDirectories(folder);
        small.writeDataset(folder);
        BenchmarkDataset d = BenchmarkDataset.load(folder);
        assertEquals(small.size(), d.left().size());
        assertEquals(small.matches().size(), d.matches().size());
        assertEquals(small.pairs("test", false).size(), d.split("test").orElseThrow().size());
        Task task = Task.deduplication(d.left());
        LabelledPairs family = LabelledPairs.read(folder.resolve("family_valid.csv"), task);
        assertEquals(small.pairs("valid", true).positives(), family.positives());
        assertEquals(small.familyMatches().size(), LabelledPairs.read(folder.resolve("family_matches.csv"), task).size());
        List<String> clusters = Files.readAllLines(folder.resolve("clusters.csv"));
        assertEquals("id,cluster_id,family_id", clusters.get(0));
        assertEquals(small.size() + 1, clusters.size());
        String source = Files.readString(folder.resolve("SOURCE.md"));
        assertTrue(source.contains("colour silent (nowhere)"), source);
    }
}
