package dev.matcher.classify;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifierTest {
    private static final String[] FILLER = {"red", "blue", "large", "small", "pack", "deluxe", "basic", "steel",
            "wood", "cotton", "classic", "modern", "light", "heavy", "soft"};

    static String filler(Random rnd, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i > 0 ? " " : "").append(FILLER[rnd.nextInt(FILLER.length)]);
        }
        return b.toString();
    }

    /** title = filler plus one class word; the class is decided by that token alone. */
    private static Table tokenTable(long seed, int n, String name) {
        Random rnd = new Random(seed);
        String[] words = {"kettle", "sofa", "drill"};
        String[] classes = {"Kitchen", "Furniture", "Tools"};
        Table.Builder b = Table.builder("title", "category").name(name);
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(3);
            String t = filler(rnd, 2) + " " + words[c] + " " + filler(rnd, 2);
            b.row(name + i, t, classes[c]);
        }
        return b.build();
    }

    private static double accuracy(Predictions p, Table t, String label) {
        int ok = 0;
        for (int r = 0; r < t.size(); r++) {
            ok += p.predicted(r).equals(t.value(r, label)) ? 1 : 0;
        }
        return (double) ok / t.size();
    }

    @Test
    void oneTokenDecidesTheClass() {
        Table train = tokenTable(1, 150, "train");
        Table test = tokenTable(2, 100, "test");
        Classifier c = Classifier.builder().label("category").train(train);
        Predictions p = c.predict(test);
        assertEquals(1.0, accuracy(p, test, "category"));
        assertEquals(List.of("Furniture", "Kitchen", "Tools"), c.classes());
        for (int r = 0; r < test.size(); r++) {
            assertTrue(p.confidence(r) > 0.5, "confidence " + p.confidence(r));
            double[] probs = p.probabilities(r);
            assertEquals(1.0, probs[0] + probs[1] + probs[2], 1e-9);
            assertEquals(p.predicted(r), p.top(r, 3).get(0).label());
            assertTrue(p.top(r, 3).get(0).probability() >= p.top(r, 3).get(1).probability());
        }
        // the class word (or its q-grams) explains the decision, not the filler
        String word = test.value(0, "title").contains("kettle") ? "kettle"
                : test.value(0, "title").contains("sofa") ? "sofa" : "drill";
        String top = c.explain(test, 0, 1).get(0).feature();
        assertTrue(top.contains(word.substring(0, 2)) || top.contains(word), top + " for " + word);
        assertTrue(c.topFeatures("Kitchen", 5).stream().anyMatch(x -> x.feature().contains("kettle")),
                c.topFeatures("Kitchen", 5).toString());
    }

    @Test
    void numberRangeDecidesTheClass() {
        Random rnd = new Random(3);
        Table.Builder b = Table.builder("title", "price", "band");
        for (int i = 0; i < 400; i++) {
            double price = rnd.nextDouble() * 1000;
            b.row("r" + i, filler(rnd, 3), String.format(java.util.Locale.ROOT, "%.2f", price),
                    price < 100 ? "cheap" : price < 500 ? "mid" : "dear");
        }
        Table train = b.build().withKind("price", AttributeKind.NUMERIC);
        Table.Builder t = Table.builder("title", "price", "band");
        double[] prices = {5, 40, 80, 150, 250, 420, 470, 600, 800, 990};
        String[] expect = {"cheap", "cheap", "cheap", "mid", "mid", "mid", "mid", "dear", "dear", "dear"};
        for (int i = 0; i < prices.length; i++) {
            t.row("t" + i, filler(rnd, 3), Double.toString(prices[i]), expect[i]);
        }
        Table test = t.build().withKind("price", AttributeKind.NUMERIC);
        Predictions p = Classifier.builder().label("band").train(train).predict(test);
        assertEquals(1.0, accuracy(p, test, "band"), p.toString());
    }

    @Test
    void categoryDecidesTheClass() {
        Random rnd = new Random(4);
        String[] brands = {"acme", "zenith", "orbit", "nova"};
        String[] classes = {"A", "B", "C", "A"};
        Table.Builder b = Table.builder("title", "brand", "segment");
        for (int i = 0; i < 200; i++) {
            int k = rnd.nextInt(brands.length);
            b.row("r" + i, filler(rnd, 3), brands[k], classes[k]);
        }
        Table all = b.build().withKind("brand", AttributeKind.CATEGORICAL);
        Predictions p = Classifier.builder().label("segment").train(all).predict(all);
        assertEquals(1.0, accuracy(p, all, "segment"));
    }

    @Test
    void saveAndLoadGiveIdenticalPredictions(@TempDir Path dir) {
        Table train = tokenTable(5, 120, "train");
        Table test = tokenTable(6, 50, "test");
        Classifier c = Classifier.builder().label("category").train(train);
        Path file = dir.resolve("category.bin");
        c.save(file);
        Classifier back = Classifier.load(file);
        assertEquals(c.classes(), back.classes());
        assertEquals(c.labels(), back.labels());
        Predictions a = c.predict(test);
        Predictions b = back.predict(test);
        for (int r = 0; r < test.size(); r++) {
            assertArrayEquals(a.probabilities(r), b.probabilities(r));
            assertEquals(a.predicted(r), b.predicted(r));
        }
        assertEquals(c.explain(test, 3, 4), back.explain(test, 3, 4));
    }

    @Test
    void resultsDoNotDependOnThreads() throws Exception {
        Table train = tokenTable(7, 200, "train");
        Classifier one = new ForkJoinPool(1).submit(() -> Classifier.builder().label("category").train(train)).get();
        Classifier three = new ForkJoinPool(3).submit(() -> Classifier.builder().label("category").train(train)).get();
        Predictions a = one.predict(train);
        Predictions b = three.predict(train);
        for (int r = 0; r < train.size(); r++) {
            assertArrayEquals(a.probabilities(r), b.probabilities(r));
        }
    }

    @Test
    void hierarchyIsPredictedConsistently() {
        Random rnd = new Random(8);
        // "shoes" and "shirts" exist under both coarse classes; the coarse class is decided by "men"/"women"
        String[] coarse = {"Men", "Women"};
        String[] fine = {"shoes", "shirts", "hats"};
        Table.Builder b = Table.builder("title", "coarse", "fine");
        for (int i = 0; i < 300; i++) {
            int c = rnd.nextInt(2);
            int f = c == 1 ? rnd.nextInt(3) : rnd.nextInt(2);   // hats only for women
            b.row("r" + i, filler(rnd, 2) + " " + coarse[c].toLowerCase() + "s " + fine[f] + " " + filler(rnd, 1),
                    coarse[c], fine[f]);
        }
        Table all = b.build();
        Classifier c = Classifier.builder().label("coarse", "fine").train(all);
        assertEquals(List.of("coarse", "fine"), c.labels());
        assertEquals(5, c.classes().size());
        assertTrue(c.classes().contains("Women > hats") && !c.classes().contains("Men > hats"));
        Predictions p = c.predict(all);
        int ok = 0;
        for (int r = 0; r < all.size(); r++) {
            String path = p.predicted(r, 0) + " > " + p.predicted(r, 1);
            assertTrue(c.classes().contains(path), "inconsistent prediction " + path);
            assertTrue(p.confidence(r, 0) >= p.confidence(r, 1) - 1e-12);
            ok += p.predicted(r, 0).equals(all.value(r, "coarse")) && p.predicted(r, 1).equals(all.value(r, "fine"))
                    ? 1 : 0;
        }
        assertEquals(all.size(), ok);
        Table out = p.annotate(all, 2);
        assertEquals(List.of("title", "coarse", "fine", "predicted_coarse", "predicted_fine", "confidence_coarse",
                "confidence", "top_fine"), out.schema().names());
        assertTrue(out.value(0, "top_fine").contains(" > "), out.value(0, "top_fine"));
    }

    @Test
    void badInputGetsClearErrors() {
        Table train = tokenTable(9, 60, "train");
        DataException unknown = assertThrows(DataException.class,
                () -> Classifier.builder().label("nope").train(train));
        assertTrue(unknown.getMessage().contains("no label column 'nope'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("title, category"), unknown.getMessage());

        Table.Builder one = Table.builder("title", "category");
        for (int i = 0; i < 10; i++) {
            one.row("o" + i, "thing " + i, "Only");
        }
        DataException single = assertThrows(DataException.class,
                () -> Classifier.builder().label("category").train(one.build()));
        assertTrue(single.getMessage().contains("only one class ('Only')"), single.getMessage());

        Table.Builder empty = Table.builder("title", "category");
        for (int i = 0; i < 10; i++) {
            empty.row("e" + i, i % 2 == 0 ? null : "  ", i % 2 == 0 ? "A" : "B");
        }
        DataException noText = assertThrows(DataException.class,
                () -> Classifier.builder().label("category").train(empty.build().withKind("title", AttributeKind.TEXT)));
        assertTrue(noText.getMessage().contains("no features"), noText.getMessage());

        Table.Builder unlabelled = Table.builder("title", "category");
        unlabelled.row("u1", "kettle", "A").row("u2", "sofa", null).row("u3", "drill", "B");
        DataException missing = assertThrows(DataException.class,
                () -> Classifier.builder().label("category").train(unlabelled.build()));
        assertTrue(missing.getMessage().contains("id u2"), missing.getMessage());

        Classifier c = Classifier.builder().label("category").train(train);
        Table other = Table.builder("name").row("x", "kettle").build();
        DataException column = assertThrows(DataException.class, () -> c.predict(other));
        assertTrue(column.getMessage().contains("no column 'title'"), column.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Classifier.builder().charGrams(3, 7));
        assertThrows(IllegalArgumentException.class, () -> c.topFeatures("Nope", 3));
    }

    @Test
    void damagedFilesAreRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Classifier c = Classifier.builder().label("category").train(tokenTable(10, 80, "train"));
        Path file = dir.resolve("m.bin");
        c.save(file);
        byte[] bytes = Files.readAllBytes(file);

        Path flipped = dir.resolve("flipped.bin");
        byte[] f = bytes.clone();
        f[bytes.length / 2] ^= 0x10;
        Files.write(flipped, f);
        DataException e1 = assertThrows(DataException.class, () -> Classifier.load(flipped));
        assertTrue(e1.getMessage().contains("flipped.bin") && e1.getMessage().contains("checksum"), e1.getMessage());

        Path truncated = dir.resolve("short.bin");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, 10));
        DataException e2 = assertThrows(DataException.class, () -> Classifier.load(truncated));
        assertTrue(e2.getMessage().contains("short.bin"), e2.getMessage());

        Path foreign = dir.resolve("foreign.bin");
        Files.writeString(foreign, "MATCHER\nnot a classifier");
        DataException e3 = assertThrows(DataException.class, () -> Classifier.load(foreign));
        assertTrue(e3.getMessage().contains("not a classifier model file"), e3.getMessage());

        // a well-formed file (valid checksum) whose feature count is absurd: refused before allocating
        Path hostile = dir.resolve("hostile.bin");
        Files.write(hostile, withChecksum(hostileBody()));
        DataException e4 = assertThrows(DataException.class, () -> Classifier.load(hostile));
        assertTrue(e4.getMessage().contains("hostile.bin") && e4.getMessage().contains("class count"),
                e4.getMessage());
    }

    private static byte[] hostileBody() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        var out = new java.io.DataOutputStream(bytes);
        out.write(ClassifierFile.MAGIC);
        out.writeInt(ClassifierFile.VERSION);
        out.writeInt(1);
        out.writeUTF("category");
        out.writeInt(Integer.MAX_VALUE);   // classes
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] withChecksum(byte[] body) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body);
        return java.nio.ByteBuffer.allocate(body.length + 8).put(body).putLong(crc.getValue()).array();
    }
}
