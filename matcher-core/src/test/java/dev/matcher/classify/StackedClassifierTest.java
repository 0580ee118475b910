package dev.matcher.classify;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables whose class only the stacked trees can learn, and the stacked model's file, threads and errors. */
class StackedClassifierTest {
    private static String filler(Random rnd, int words) {
        return ClassifierTest.filler(rnd, words);
    }

    /** The linear model alone and the default (trees tried) trained on {@code train}; their accuracies on {@code test}. */
    private static double[] linearAndStacked(Table train, Table test, String expectModel) {
        Classifier linear = Classifier.builder().label("class").trees(false).train(train);
        Classifier stacked = Classifier.builder().label("class").train(train);
        assertEquals("linear", linear.model());
        assertEquals(expectModel, stacked.model());
        return new double[] {accuracy(linear, test, "class"), accuracy(stacked, test, "class")};
    }

    private static double accuracy(Classifier c, Table t, String label) {
        Predictions p = c.predict(t);
        int ok = 0;
        for (int r = 0; r < t.size(); r++) {
            ok += p.predicted(r).equals(t.value(r, label)) ? 1 : 0;
        }
        return (double) ok / t.size();
    }

    /** class = (a > 0.5) xor (b > 0.5): no sum of per-column bins separates it, two tree levels do. */
    private static Table xorTable(long seed, int n, String name) {
        Random rnd = new Random(seed);
        Table.Builder b = Table.builder("title", "a", "b", "class").name(name);
        for (int i = 0; i < n; i++) {
            double a = rnd.nextDouble();
            double v = rnd.nextDouble();
            String c = (a > 0.5) != (v > 0.5) ? "mixed" : "same";
            b.row(name + i, filler(rnd, 3), String.format(Locale.ROOT, "%.4f", a), String.format(Locale.ROOT, "%.4f", v),
                    c);
        }
        return b.build();
    }

    @Test
    void anInteractionOfTwoNumbersNeedsTheTrees() {
        Table train = xorTable(1, 600, "train");
        Table test = xorTable(2, 300, "test");
        assertEquals(AttributeKind.NUMERIC, train.schema().kind("a"));
        double[] acc = linearAndStacked(train, test, "linear+trees");
        assertTrue(acc[0] < 0.75, "a linear model cannot separate xor: " + acc[0]);
        assertTrue(acc[1] > 0.93, "the stacked trees learn it: " + acc[1]);
        Classifier stacked = Classifier.builder().label("class").train(train);
        // the trees' part of the explanation names the two numbers
        var why = stacked.explain(test, 0, 50);
        assertTrue(why.stream().anyMatch(x -> x.feature().equals("trees: a")), why.toString());
        assertTrue(why.stream().anyMatch(x -> x.feature().equals("trees: b")), why.toString());
        assertTrue(stacked.toString().contains("stacked trees"), stacked.toString());
    }

    @Test
    void whenTokensDecideTheLinearModelIsKept() {
        Random rnd = new Random(3);
        String[] words = {"kettle", "sofa", "drill"};
        Table.Builder b = Table.builder("title", "category").name("t");
        for (int i = 0; i < 300; i++) {
            int c = rnd.nextInt(3);
            b.row("r" + i, filler(rnd, 2) + " " + words[c] + " " + filler(rnd, 2), words[c].toUpperCase(Locale.ROOT));
        }
        assertEquals("linear", Classifier.builder().label("category").train(b.build()).model());
    }

    /**
     * A weight written in grams or kilograms at random, the class decided by the weight (light below 1 kg): the
     * words and character q-grams see digits and units, only the parsed amount sees 0.5 kg = 500 g.
     */
    private static Table weightTable(long seed, int n, String name) {
        Random rnd = new Random(seed);
        Table.Builder b = Table.builder("title", "class").name(name);
        for (int i = 0; i < n; i++) {
            int grams = 100 + rnd.nextInt(1900);
            String w = rnd.nextBoolean() ? grams + " g" : String.format(Locale.ROOT, "%.3f kg", grams / 1000.0);
            b.row(name + i, filler(rnd, 2) + " coffee beans " + w, grams < 1000 ? "light" : "heavy");
        }
        return b.build();
    }

    @Test
    void numbersWithUnitsAreReadAcrossUnits() {
        Table train = weightTable(4, 800, "train");
        Table test = weightTable(5, 400, "test");
        double[] acc = linearAndStacked(train, test, "linear+trees");
        assertTrue(acc[1] > 0.98 && acc[1] > acc[0], "stacked " + acc[1] + " vs linear " + acc[0]);
        Classifier stacked = Classifier.builder().label("class").train(train);
        var why = stacked.explain(test, 0, 100);
        assertTrue(why.stream().anyMatch(x -> x.feature().startsWith("trees: amount")), why.toString());
        TrainedClassifier tc = (TrainedClassifier) stacked;
        assertTrue(Arrays.asList(tc.dense.names).stream().anyMatch(s -> s.startsWith("amount")),
                Arrays.toString(tc.dense.names));
        // 500 g and 0.5 kg read the same: one value
        Table same = Table.builder("title", "class").name("same")
                .row("x", "basic coffee beans 500 g", "light").row("y", "basic coffee beans 0.50 kg", "light")
                .row("z", "basic coffee beans 1 kg", "heavy").build();
        double[][] d = tc.dense.transform(same, new int[] {0, 1, 2});
        int amount = Arrays.asList(tc.dense.names).indexOf(Arrays.stream(tc.dense.names)
                .filter(s -> s.startsWith("amount")).findFirst().orElseThrow());
        assertTrue(d[0][amount] > 0, Arrays.toString(d[0]));
        assertEquals(d[0][amount], d[1][amount]);
        assertEquals(2 * d[0][amount], d[2][amount]);
    }

    /**
     * A release date in 2015..2024 written as one token ({@code 20200415}), the class decided by a day inside a year
     * (2020-04-15): the linear model sees digits, the trees the day.
     */
    private static Table dateTable(long seed, int n, String name) {
        Random rnd = new Random(seed);
        LocalDate from = LocalDate.of(2015, 1, 1);
        LocalDate cut = LocalDate.of(2020, 4, 15);
        Table.Builder b = Table.builder("title", "released", "class").name(name);
        for (int i = 0; i < n; i++) {
            LocalDate d = from.plusDays(rnd.nextInt(3650));
            b.row(name + i, filler(rnd, 3), d.toString().replace("-", ""), d.isBefore(cut) ? "old" : "recent");
        }
        return b.build();
    }

    @Test
    void aDateRangeIsLearned() {
        Table train = dateTable(6, 800, "train");
        Table test = dateTable(7, 400, "test");
        assertEquals(AttributeKind.DATE, train.schema().kind("released"));
        double[] acc = linearAndStacked(train, test, "linear+trees");
        assertTrue(acc[1] >= 0.99 && acc[1] > acc[0], "stacked " + acc[1] + " vs linear " + acc[0]);
    }

    /** A local PNG whose brightness falls to the right ("dawn") or to the left ("dusk"), with noise. */
    private static Table imageTable(Path dir, long seed, int n, String name) throws Exception {
        Random rnd = new Random(seed);
        Table.Builder b = Table.builder("title", "photo", "class").name(name);
        for (int i = 0; i < n; i++) {
            boolean dawn = rnd.nextBoolean();
            int w = 24 + rnd.nextInt(24);
            int h = 16 + rnd.nextInt(24);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < w; x++) {
                for (int y = 0; y < h; y++) {
                    int v = (int) (255.0 * (dawn ? w - 1 - x : x) / (w - 1));
                    v = Math.max(0, Math.min(255, v + rnd.nextInt(21) - 10));
                    img.setRGB(x, y, (v << 16) | (v << 8) | v);
                }
            }
            Path file = dir.resolve(name + i + ".png");
            ImageIO.write(img, "png", file.toFile());
            b.row(name + i, filler(rnd, 3), file.toString(), dawn ? "dawn" : "dusk");
        }
        return b.build();
    }

    @Test
    void anImagesLookIsLearned(@TempDir Path dir) throws Exception {
        Table train = imageTable(dir, 8, 200, "train");
        Table test = imageTable(dir, 9, 100, "test");
        assertEquals(AttributeKind.IMAGE, train.schema().kind("photo"));
        double[] acc = linearAndStacked(train, test, "linear+trees");
        assertTrue(acc[1] >= 0.98 && acc[0] < 0.7, "stacked " + acc[1] + " vs linear " + acc[0]);
    }

    @Test
    void aStackedModelSavesAndLoadsBitForBit(@TempDir Path dir) {
        Table train = xorTable(10, 400, "train");
        Table test = xorTable(11, 200, "test");
        Classifier c = Classifier.builder().label("class").train(train);
        assertEquals("linear+trees", c.model());
        Path file = dir.resolve("stacked.bin");
        c.save(file);
        Classifier back = Classifier.load(file);
        assertEquals("linear+trees", back.model());
        Predictions a = c.predict(test);
        Predictions b = back.predict(test);
        for (int r = 0; r < test.size(); r++) {
            assertArrayEquals(a.probabilities(r), b.probabilities(r));
        }
        assertEquals(c.explain(test, 5, 10), back.explain(test, 5, 10));
        assertEquals(((TrainedClassifier) c).trees, ((TrainedClassifier) back).trees);
    }

    @Test
    void stackedResultsDoNotDependOnThreads() throws Exception {
        Table train = xorTable(12, 400, "train");
        Classifier one = new ForkJoinPool(1).submit(() -> Classifier.builder().label("class").train(train)).get();
        Classifier three = new ForkJoinPool(3).submit(() -> Classifier.builder().label("class").train(train)).get();
        assertEquals("linear+trees", one.model());
        assertEquals(((TrainedClassifier) one).trees, ((TrainedClassifier) three).trees);
        Predictions a = one.predict(train);
        Predictions b = new ForkJoinPool(3).submit(() -> three.predict(train)).get();
        for (int r = 0; r < train.size(); r++) {
            assertArrayEquals(a.probabilities(r), b.probabilities(r));
        }
    }

    @Test
    void versionOneFilesStillLoad(@TempDir Path dir) throws Exception {
        Table train = xorTable(13, 200, "train");
        Classifier c = Classifier.builder().label("class").trees(false).train(train);
        Path file = dir.resolve("v2.bin");
        c.save(file);
        byte[] v2 = Files.readAllBytes(file);
        // version 1 is version 2 of a linear model without the "stacked" flag
        byte[] body = Arrays.copyOf(v2, v2.length - 9);
        ByteBuffer.wrap(body).putInt(ClassifierFile.MAGIC.length, 1);
        Path old = dir.resolve("v1.bin");
        Files.write(old, withChecksum(body));
        Classifier back = Classifier.load(old);
        for (int r = 0; r < train.size(); r++) {
            assertArrayEquals(c.predict(train).probabilities(r), back.predict(train).probabilities(r));
        }
        assertEquals("linear", back.model());
    }

    @Test
    void hostileStackedPartsAreRefusedBeforeAllocating(@TempDir Path dir) throws Exception {
        TrainedClassifier c = (TrainedClassifier) Classifier.builder().label("class").train(xorTable(14, 300, "t"));
        Path file = dir.resolve("linear.bin");
        new TrainedClassifier(c.labels, c.leaves, c.features, c.model, c.temperature).save(file);
        byte[] linear = Files.readAllBytes(file);
        byte[] prefix = Arrays.copyOf(linear, linear.length - 9);   // everything before the "stacked" flag

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(prefix);
        out.writeBoolean(true);
        out.writeInt(Integer.MAX_VALUE);       // dense fields
        out.flush();
        Path hostile = dir.resolve("hostile.bin");
        Files.write(hostile, withChecksum(bytes.toByteArray()));
        DataException e = assertThrows(DataException.class, () -> Classifier.load(hostile));
        assertTrue(e.getMessage().contains("hostile.bin") && e.getMessage().contains("dense field count"),
                e.getMessage());

        // valid dense features, then trees for the wrong number of classes
        bytes.reset();
        out.write(prefix);
        out.writeBoolean(true);
        out.writeInt(1);
        out.writeUTF("a");
        out.writeUTF("NUMERIC");
        out.writeInt(-1);
        out.writeBoolean(false);
        out.writeInt(0);                       // units
        out.writeInt(1);                       // shared features
        out.writeInt(3);                       // rounds
        out.writeInt(7);                       // classes
        out.flush();
        Path wrong = dir.resolve("wrong.bin");
        Files.write(wrong, withChecksum(bytes.toByteArray()));
        DataException e2 = assertThrows(DataException.class, () -> Classifier.load(wrong));
        assertTrue(e2.getMessage().contains("7 classes"), e2.getMessage());
    }

    @Test
    void badTreeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new dev.matcher.match.MulticlassTrees.Params(0, 10, 4, 0.1, 1, 1, 64));
        assertThrows(IllegalArgumentException.class,
                () -> new dev.matcher.match.MulticlassTrees.Params(10, 10, 4, 0.1, 1, 1, 1000));
    }

    private static byte[] withChecksum(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(body.length + 8).put(body).putLong(crc.getValue()).array();
    }
}
