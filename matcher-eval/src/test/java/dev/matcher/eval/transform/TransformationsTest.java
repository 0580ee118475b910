package dev.matcher.eval.transform;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.data.Values;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.eval.transform.Transformation.Side;
import dev.matcher.eval.transform.Transformations.Case;
import dev.matcher.eval.transform.Transformations.NumberStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransformationsTest {
    private static final String[] BRANDS = {"Sony", "Bose", "Apple", "Canon"};

    /** 40 products on each side; left i matches right 39 - i. */
    static BenchmarkDataset shops() {
        Table.Builder l = Table.builder("name", "manufacturer", "price").name("left");
        Table.Builder r = Table.builder("title", "brand", "price").name("right");
        for (int i = 0; i < 40; i++) {
            String brand = BRANDS[i % 4];
            l.row("L" + i, brand + " Model X" + i + " Speaker", brand, Integer.toString(100 + 37 * i) + ".00");
            r.row("R" + (39 - i), brand + " X" + i + " speaker system", brand.toUpperCase(), "$" + (1000 + 37 * i));
        }
        Table left = l.build();
        Table right = r.build();
        int[] li = new int[40];
        int[] ri = new int[40];
        for (int i = 0; i < 40; i++) {
            li[i] = i;
            ri[i] = 39 - i;
        }
        Pairs matches = Pairs.of(li, ri);
        LabelledPairs train = new LabelledPairs(Pairs.of(new int[] {0, 1, 2}, new int[] {39, 5, 37}),
                new boolean[] {true, false, true});
        return new BenchmarkDataset("shops", Task.linkage(left, right), matches, Map.of("train", train));
    }

    private static String[] ids(Table t) {
        String[] ids = new String[t.size()];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = t.id(r);
        }
        return ids;
    }

    /** Every transformation keeps ids, rows, gold pairs and splits, and the untouched table's values. */
    private static void assertKeepsRecords(BenchmarkDataset before, BenchmarkDataset after) {
        assertArrayEquals(ids(before.left()), ids(after.left()));
        assertArrayEquals(ids(before.right()), ids(after.right()));
        assertArrayEquals(before.matches().toPacked(), after.matches().toPacked());
        assertEquals(before.splits().keySet(), after.splits().keySet());
        before.splits().forEach((k, v) -> {
            assertArrayEquals(v.pairs().toPacked(), after.splits().get(k).pairs().toPacked());
            assertArrayEquals(v.labels(), after.splits().get(k).labels());
        });
        assertEquals(before.left().schema().names(), after.left().schema().names());
        for (int a = 0; a < before.left().schema().size(); a++) {
            assertArrayEquals(before.left().column(a).toArray(), after.left().column(a).toArray());
        }
    }

    @Test
    void everyStandardTransformationKeepsRecordsIdsAndGoldPairsAndSurvivesAWriteAndLoad(@TempDir Path dir) {
        BenchmarkDataset d = shops();
        for (Transformation t : Transformations.standard(Side.RIGHT, 5)) {
            BenchmarkDataset after = t.apply(d);
            assertKeepsRecords(d, after);
            Path folder = dir.resolve(t.name().replaceAll("[^a-z-]", "_"));
            DatasetFolder.write(after, folder);
            BenchmarkDataset loaded = BenchmarkDataset.load(folder);
            assertKeepsRecords(after, loaded);
            assertEquals(after.right().schema(), loaded.right().schema(), t.name());
            for (int a = 0; a < after.right().schema().size(); a++) {
                assertArrayEquals(after.right().column(a).toArray(), loaded.right().column(a).toArray(), t.name());
            }
        }
    }

    @Test
    void synonymsRenameEveryColumnKeepTheValuesAndDependOnTheSeedOnly() {
        BenchmarkDataset d = shops();
        Table right = Transformations.renameToSynonyms(Side.RIGHT, 1).apply(d).right();
        List<String> before = d.right().schema().names();
        List<String> after = right.schema().names();
        for (int a = 0; a < before.size(); a++) {
            assertNotEquals(before.get(a), after.get(a));
            assertArrayEquals(d.right().column(a).toArray(), right.column(a).toArray());
        }
        Set<String> priceWords = Set.of("cost", "amount", "list price");
        String price = String.join(" ", ColumnSynonyms.words(after.get(2)));
        assertTrue(priceWords.contains(price), after.toString());
        assertEquals(after, Transformations.renameToSynonyms(Side.RIGHT, 1).apply(d).right().schema().names());
        assertEquals(List.of("date", "of", "birth"), ColumnSynonyms.words("dateOfBirth"));
        assertEquals(List.of("soc", "sec", "id"), ColumnSynonyms.words("soc_sec_id"));
    }

    @Test
    void renamingTheTitleRenamesOnlyIt() {
        BenchmarkDataset d = shops();
        List<String> names = Transformations.renameTitleToSynonym(Side.LEFT, 2).apply(d).left().schema().names();
        assertNotEquals("name", names.get(0));
        assertEquals(List.of("manufacturer", "price"), names.subList(1, 3));
    }

    @Test
    void randomNamesAreFreshAndDistinct() {
        BenchmarkDataset d = shops();
        List<String> names = Transformations.renameRandom(Side.LEFT, 9).apply(d).left().schema().names();
        assertEquals(3, new HashSet<>(names).size());
        for (String n : names) {
            assertTrue(n.matches("[a-z][a-z0-9]{5}"), n);
            assertTrue(!d.left().schema().names().contains(n) && !d.right().schema().names().contains(n), n);
        }
    }

    @Test
    void reorderingShufflesTheColumnsWithTheirValues() {
        BenchmarkDataset d = shops();
        Table right = Transformations.reorderColumns(Side.RIGHT, 2).apply(d).right();
        assertNotEquals(d.right().schema().names(), right.schema().names());
        assertEquals(new HashSet<>(d.right().schema().names()), new HashSet<>(right.schema().names()));
        for (String n : right.schema().names()) {
            assertArrayEquals(d.right().column(n).toArray(), right.column(n).toArray());
        }
    }

    @Test
    void caseChangesTouchValuesNotIds() {
        BenchmarkDataset d = shops();
        Table upper = Transformations.changeCase(Side.RIGHT, Case.UPPER).apply(d).right();
        assertEquals("SONY X0 SPEAKER SYSTEM", upper.value(upper.indexOf("R39"), "title"));
        Table title = Transformations.changeCase(Side.RIGHT, Case.TITLE).apply(d).right();
        assertEquals("Sony X0 Speaker System", title.value(title.indexOf("R39"), "title"));
        assertEquals("Sony", title.value(title.indexOf("R39"), "brand"));
    }

    @Test
    void splittingAndMergingKeepTheWords() {
        BenchmarkDataset d = shops();
        Table split = Transformations.splitColumn(Side.LEFT, null).apply(d).left();
        assertEquals(List.of("name_1", "name_2", "manufacturer", "price"), split.schema().names());
        for (int i = 0; i < split.size(); i++) {
            assertEquals(d.left().value(i, "name"), split.value(i, "name_1") + " " + split.value(i, "name_2"));
        }
        assertEquals("Sony Model", split.value(0, "name_1"));
        Table merged = Transformations.mergeColumns(Side.LEFT, "manufacturer", "name").apply(d).left();
        assertEquals(List.of("manufacturer_name", "price"), merged.schema().names());
        assertEquals("Sony Sony Model X0 Speaker", merged.value(0, "manufacturer_name"));
        assertEquals(List.of("name_manufacturer", "price"),
                Transformations.mergeColumns(Side.LEFT, null, null).apply(d).left().schema().names());
        assertThrows(IllegalArgumentException.class,
                () -> Transformations.mergeColumns(Side.LEFT, "name", "nope").apply(d));
    }

    @Test
    void droppingAndMovingIntoTheTitleNeverTouchTheTitle() {
        BenchmarkDataset d = shops();
        for (long seed = 0; seed < 10; seed++) {
            List<String> names = Transformations.dropAttribute(Side.LEFT, null, seed).apply(d).left().schema().names();
            assertEquals(2, names.size());
            assertTrue(names.contains("name"), names.toString());
        }
        Table moved = Transformations.moveIntoTitle(Side.LEFT, "manufacturer", 1, 3).apply(d).left();
        for (int i = 0; i < moved.size(); i++) {
            assertNull(moved.value(i, "manufacturer"));
            assertEquals(d.left().value(i, "name") + " " + d.left().value(i, "manufacturer"), moved.value(i, "name"));
        }
        Table half = Transformations.moveIntoTitle(Side.LEFT, "manufacturer", 0.5, 3).apply(d).left();
        long nulls = Arrays.stream(half.column("manufacturer").toArray()).filter(v -> v == null).count();
        assertTrue(nulls > 5 && nulls < 35, "about half moved: " + nulls);
    }

    @Test
    void numberFormatsKeepTheValue() {
        assertEquals("1,299.00", Transformations.format(1299, NumberStyle.GROUPED));
        assertEquals("1299", Transformations.format(1299, NumberStyle.PLAIN));
        assertEquals("1299.5", Transformations.format(1299.5, NumberStyle.PLAIN));
        assertEquals("$1299", Transformations.format(1299, NumberStyle.CURRENCY));
        BenchmarkDataset d = shops();
        Table mixed = Transformations.numberFormats(Side.LEFT, NumberStyle.MIXED, 4).apply(d).left();
        Set<String> shapes = new HashSet<>();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < mixed.size(); i++) {
            String v = mixed.value(i, "price");
            assertEquals(Values.parseNumber(d.left().value(i, "price")), Values.parseNumber(v), v);
            shapes.add(v.startsWith("$") ? "$" : v.contains(".") ? "." : "plain");
            changed.add(v);
        }
        assertEquals(3, shapes.size(), changed.toString());
    }
}
