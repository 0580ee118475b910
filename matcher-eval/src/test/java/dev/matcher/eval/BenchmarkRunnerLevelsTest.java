package dev.matcher.eval;

import dev.matcher.eval.report.DatasetResult;
import dev.matcher.eval.synth.VariantCatalog;
import dev.matcher.eval.synth.VariantCatalogGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both levels of a variant catalogue in one run: pair figures per level and the written clusters end to end. */
class BenchmarkRunnerLevelsTest {
    @TempDir
    Path dir;

    @Test
    void bothLevelsAreScoredOnTheirTestPairsAndEndToEndOnTheTestFamilies() {
        VariantCatalog c = VariantCatalogGenerator.builder().records(900).seed(5).build().generate();
        c.writeDataset(dir);
        BenchmarkDataset items = BenchmarkDataset.load(dir);
        BenchmarkDataset families = BenchmarkDataset.load(dir, true);
        List<DatasetResult> r = new BenchmarkRunner(BenchmarkRunner.Options.defaults().withSeed(3))
                .runLevels(items, families);
        assertEquals(2, r.size());
        DatasetResult item = r.get(0);
        DatasetResult family = r.get(1);
        assertEquals(items.name(), item.name());
        assertEquals(families.name(), family.name());
        assertEquals(items.split("test").orElseThrow().size(), item.extra().get("test_pairs"));
        assertEquals(families.split("test").orElseThrow().size(), family.extra().get("test_pairs"));
        // one blocking run, two levels: the same candidates, more family pairs than item pairs among them
        assertEquals(item.blocking().candidates(), family.blocking().candidates());
        assertTrue(family.blocking().pairQuality() > item.blocking().pairQuality(), item.blocking() + " / " + family.blocking());
        // the test families are the records scored, fewer than the catalogue, and the same at both levels
        double scoped = item.extra().get("test_family_records");
        assertEquals(scoped, family.extra().get("test_family_records"));
        long testRows = java.util.stream.IntStream.range(0, c.size()).filter(i -> c.split(i).equals("test")).count();
        // never a record of another split (splits are by family), nearly every test record (families a test pair names)
        assertTrue(scoped <= testRows && scoped >= 0.9 * testRows, scoped + " of " + testRows + " test records");
        // the pair protocol works at both levels (a 900-listing catalogue trains a weak variant model: F1 ~0.62); end to end on 140 test records the families are pure but split
        // (family recall ~0.23 here: a small catalogue's variant model is cautious), items found inside them
        assertTrue(item.f1() > 0.6 && family.f1() > 0.5, item.f1() + " " + family.f1());
        assertTrue(family.extra().get("cluster_precision") > 0.9, family.extra().toString());
        assertTrue(family.clusterF1() > 0.2 && item.clusterF1() > 0.4, family.clusterF1() + " " + item.clusterF1());
        assertEquals(2 * family.extra().get("cluster_precision") * family.extra().get("cluster_recall")
                / (family.extra().get("cluster_precision") + family.extra().get("cluster_recall")), family.clusterF1(), 1e-4);
    }

    @Test
    void bothLevelsNeedAllThreeSplits() {
        VariantCatalog c = VariantCatalogGenerator.builder().records(300).seed(5).build().generate();
        c.writeDataset(dir);
        BenchmarkDataset items = BenchmarkDataset.load(dir);
        BenchmarkDataset noTrain = new BenchmarkDataset("x", items.task(), items.matches(),
                java.util.Map.of("test", items.split("test").orElseThrow()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BenchmarkRunner(BenchmarkRunner.Options.defaults()).runLevels(items, noTrain));
        assertTrue(e.getMessage().contains("no train split"), e.getMessage());
    }
}
