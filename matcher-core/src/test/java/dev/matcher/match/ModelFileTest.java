package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Table;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    static Shirts shirts;
    static LabelledPairs test;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        shirts = new Shirts(16, 4);
        test = shirts.pairs(10, 16, false, 6);
    }

    private static Matcher train(ModelType type) {
        return Matcher.builder().mode(MatchMode.VARIANT).variantAttributes("color", "size").model(type).seed(9)
                .folds(2).search(false).train(shirts.table, shirts.pairs(0, 10, false, 5), null);
    }

    @Test
    void everyModelTypeScoresIdenticallyAfterReload() {
        for (ModelType type : ModelType.values()) {
            Matcher m = train(type);
            Path file = dir.resolve(type + ".bin");
            m.save(file);
            Matcher again = Matcher.load(file);
            assertEquals(m, again);
            assertEquals(m.threshold(), again.threshold());
            assertEquals(MatchMode.VARIANT, again.mode());
            double[] before = m.score(shirts.table, shirts.table, test.pairs());
            double[] after = again.score(shirts.table, shirts.table, test.pairs());
            assertArrayEquals(before, after, type.toString());
            assertEquals(m.explain(shirts.table, shirts.table, 0, 3).toString(),
                    again.explain(shirts.table, shirts.table, 0, 3).toString());
        }
    }

    @Test
    void aTableWithoutATrainedAttributeIsRejectedWithAClearMessage() {
        Matcher m = train(ModelType.LOGISTIC_REGRESSION);
        Path file = dir.resolve("m.bin");
        m.save(file);
        Matcher loaded = Matcher.load(file);
        Table other = Table.builder("name", "colour").row("a", "x", "red").row("b", "y", "blue").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loaded.score(other, other, 0, 1));
        assertTrue(e.getMessage().contains("schema mismatch") && e.getMessage().contains("'title'"), e.getMessage());
    }

    @Test
    void foreignDamagedTruncatedAndNewerFilesAreRefused() throws IOException {
        Matcher m = train(ModelType.LOGISTIC_REGRESSION);
        Path file = dir.resolve("m.bin");
        m.save(file);
        byte[] bytes = Files.readAllBytes(file);

        Path foreign = dir.resolve("foreign.bin");
        Files.writeString(foreign, "id,title\n1,shirt\n");
        assertMessage(foreign, "not a matcher model file");

        byte[] damaged = bytes.clone();
        damaged[damaged.length / 2] ^= 0x10;
        Path d = dir.resolve("damaged.bin");
        Files.write(d, damaged);
        assertThrows(IllegalArgumentException.class, () -> Matcher.load(d));

        Path t = dir.resolve("truncated.bin");
        Files.write(t, Arrays.copyOf(bytes, bytes.length - 20));
        assertMessage(t, "truncated");

        byte[] newer = bytes.clone();
        ByteBuffer.wrap(newer).putInt(ModelFile.MAGIC.length, ModelFile.VERSION + 1);
        Path v = dir.resolve("newer.bin");
        Files.write(v, newer);
        assertMessage(v, "version " + (ModelFile.VERSION + 1));

        byte[] flipped = bytes.clone();
        flipped[flipped.length - 12] ^= 0x01;   // inside the calibration numbers: only the checksum notices
        Path c = dir.resolve("checksum.bin");
        Files.write(c, flipped);
        assertMessage(c, "checksum");
    }

    private static void assertMessage(Path file, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matcher.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
