package dev.matcher.eval;

import dev.matcher.data.DataException;
import dev.matcher.data.LabelledPairs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every dataset shape of the shared layout, from small fixtures made here. */
class BenchmarkDatasetTest {
    @TempDir
    Path dir;

    private Path folder(String name, String... files) throws IOException {
        Path f = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(f.resolve(files[i]), files[i + 1]);
        }
        return f;
    }

    private static final String PEOPLE = "id,name\np1,ann\np2,anne\np3,bob\n";
    private static final String SHOPS = "id,name\ns1,ann\ns2,robert\n";

    @Test
    void deduplicationWithoutSplits() throws IOException {
        BenchmarkDataset d = BenchmarkDataset.load(folder("dedup", "left.csv", PEOPLE,
                "matches.csv", "left_id,right_id\np1,p2\n", "clusters.csv", "id,cluster\np1,1\n"));
        assertEquals("dedup", d.name());
        assertTrue(d.isDeduplication());
        assertSame(d.left(), d.right());
        assertEquals(1, d.matches().size());
        assertEquals(0, d.matches().left(0));
        assertEquals(1, d.matches().right(0));
        assertTrue(d.splits().isEmpty());
    }

    @Test
    void linkageWithSplits() throws IOException {
        BenchmarkDataset d = BenchmarkDataset.load(folder("link", "left.csv", PEOPLE, "right.csv", SHOPS,
                "matches.csv", "left_id,right_id\np1,s1\n",
                "train.csv", "left_id,right_id,label\np1,s1,1\np3,s1,0\n",
                "valid.csv", "left_id,right_id,label\np3,s2,0\n",
                "test.csv", "left_id,right_id,label\np2,s1,0\np1,s1,1\n"));
        assertTrue(d.task().isLinkage());
        assertEquals(2, d.right().size());
        LabelledPairs train = d.split("train").orElseThrow();
        assertEquals(2, train.size());
        assertEquals(1, train.positives());
        assertEquals(2, train.pairs().left(1));
        assertEquals(0, train.pairs().right(1));
        assertEquals(3, d.splits().size());
        assertEquals(d.left().schema().kind("name"), d.right().schema().kind("name"));
    }

    @Test
    void linkageWithOnlyATestSplit() throws IOException {
        BenchmarkDataset d = BenchmarkDataset.load(folder("partial", "left.csv", PEOPLE, "right.csv", SHOPS,
                "matches.csv", "left_id,right_id\n", "test.csv", "left_id,right_id,label\np1,s1,1\n"));
        assertFalse(d.split("train").isPresent());
        assertEquals(1, d.split("test").orElseThrow().positives());
        assertEquals(0, d.matches().size());
    }

    @Test
    void goldPairWithUnknownIdNamesFileLineAndColumn() throws IOException {
        Path f = folder("bad", "left.csv", PEOPLE, "right.csv", SHOPS, "matches.csv", "left_id,right_id\np1,s1\np2,s9\n");
        DataException e = assertThrows(DataException.class, () -> BenchmarkDataset.load(f));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("unknown id 's9'"), e.getMessage());
    }

    @Test
    void splitPairWithUnknownIdIsReported() throws IOException {
        Path f = folder("bad", "left.csv", PEOPLE, "matches.csv", "left_id,right_id\n",
                "train.csv", "left_id,right_id,label\npX,p1,0\n");
        DataException e = assertThrows(DataException.class, () -> BenchmarkDataset.load(f));
        assertTrue(e.getMessage().contains("train.csv:2:1: unknown id 'pX'"), e.getMessage());
    }

    @Test
    void labelThatIsNotZeroOrOneIsReported() throws IOException {
        Path f = folder("bad", "left.csv", PEOPLE, "matches.csv", "left_id,right_id\n",
                "valid.csv", "left_id,right_id,label\np1,p2,1\np1,p3,yes\n");
        DataException e = assertThrows(DataException.class, () -> BenchmarkDataset.load(f));
        assertTrue(e.getMessage().contains("valid.csv:3:3: label must be 0 or 1, found 'yes'"), e.getMessage());
    }

    @Test
    void missingMatchesFileAndMissingFolderAreReported() throws IOException {
        Path f = folder("nomatch", "left.csv", PEOPLE);
        assertTrue(assertThrows(DataException.class, () -> BenchmarkDataset.load(f)).getMessage()
                .contains("matches.csv: no such file"));
        assertTrue(assertThrows(DataException.class, () -> BenchmarkDataset.load(dir.resolve("absent"))).getMessage()
                .contains("no such dataset folder"));
    }

    @Test
    void pairsFileWithWrongHeaderIsReported() throws IOException {
        Path f = folder("hdr", "left.csv", PEOPLE, "matches.csv", "a,b\np1,p2\n");
        DataException e = assertThrows(DataException.class, () -> BenchmarkDataset.load(f));
        assertTrue(e.getMessage().contains("missing header: expected left_id,right_id"), e.getMessage());
    }

    @Test
    void variantCataloguesLoadAtTheFamilyLevelWhenAsked() {
        Path folder = dir.resolve("variants");
        dev.matcher.eval.synth.VariantCatalog c = dev.matcher.eval.synth.VariantCatalogGenerator.builder().records(300)
                .seed(3).build().generate();
        c.writeDataset(folder);
        BenchmarkDataset items = BenchmarkDataset.load(folder);
        BenchmarkDataset families = BenchmarkDataset.load(folder, true);
        assertEquals("variants", items.name());
        assertEquals("variants (family)", families.name());
        assertEquals(c.matches().size(), items.matches().size());
        assertEquals(c.familyMatches().size(), families.matches().size());
        assertEquals(c.pairs("train", true).size(), families.split("train").orElseThrow().size());
        assertEquals(c.pairs("test", false).size(), items.split("test").orElseThrow().size());
        assertTrue(families.matches().size() > items.matches().size());
    }

    @Test
    void aFolderWithoutFamilyFilesLoadsAsItIsAtTheFamilyLevel() throws IOException {
        Path f = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(f.resolve("left.csv"), "id,name\n1,a\n2,a\n3,b\n");
        Files.writeString(f.resolve("matches.csv"), "left_id,right_id\n1,2\n");
        BenchmarkDataset d = BenchmarkDataset.load(f, true);
        assertEquals("plain", d.name());
        assertEquals(1, d.matches().size());
    }
}
