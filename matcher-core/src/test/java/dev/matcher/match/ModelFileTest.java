package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.DataException;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Table;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        assertMessage(foreign, "not a matcher model file (wrong magic bytes)");

        Path t = dir.resolve("truncated.bin");
        Files.write(t, Arrays.copyOf(bytes, bytes.length - 20));
        assertMessage(t, "model file is damaged or truncated (checksum mismatch)");
        Path tiny = dir.resolve("tiny.bin");
        Files.write(tiny, Arrays.copyOf(bytes, 10));
        assertMessage(tiny, "model file is truncated (10 bytes)");

        byte[] newer = bytes.clone();
        ByteBuffer.wrap(newer).putInt(ModelFile.MAGIC.length, ModelFile.VERSION + 1);
        Path v = dir.resolve("newer.bin");
        Files.write(v, newer);
        assertMessage(v, "model file format version " + (ModelFile.VERSION + 1) + " is newer than this library reads");

        byte[] flipped = bytes.clone();
        flipped[flipped.length - 12] ^= 0x01;   // inside the calibration numbers: only the checksum notices
        Path c = dir.resolve("checksum.bin");
        Files.write(c, flipped);
        assertMessage(c, "model file is damaged or truncated (checksum mismatch)");

        for (int at : new int[] {20, bytes.length / 3, bytes.length / 2, bytes.length - 9}) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x10;
            Path d = dir.resolve("damaged" + at + ".bin");
            Files.write(d, damaged);
            assertMessage(d, "checksum mismatch");
        }
    }

    @Test
    void missingAndUnreadableFilesSayWhy() {
        assertMessage(dir.resolve("none.bin"), "cannot read model file: no such file");
        assertMessage(dir, "is a directory");
    }

    @Test
    void theCraftedBaselineLoads() throws IOException {
        Matcher m = Matcher.load(write(new CraftedModel()));
        assertEquals(0.5, m.threshold());
        assertEquals(ModelType.GRADIENT_BOOSTING, m.model().type());
        assertEquals(3, ((TreeEnsemble) m.model().model()).nodes());
        assertEquals(1, ((TreeEnsemble) m.model().model()).maxDepth());
    }

    @Test
    void versionOneFilesWithoutACorrespondenceStillLoad() throws IOException {
        CraftedModel old = new CraftedModel();
        old.version = 1;
        Matcher m = Matcher.load(write(old));
        assertEquals(null, m.spec().columns());
        assertEquals(3, ((TreeEnsemble) m.model().model()).nodes());
        Table t = Table.builder("a", "b").row("x", "1", "p").row("y", "1", "q").build();
        assertEquals(m.score(t, t, 0, 1), m.score(t, t, 0, 1));     // rebuilt by equal names
        CraftedModel ancient = new CraftedModel();
        ancient.version = 0;
        assertMessage(write(ancient), "unknown model file format version 0 (this library reads versions 1 to "
                + ModelFile.VERSION + ")");
    }

    @Test
    void theColumnCorrespondenceIsStoredAndUsedAfterReload() {
        Table left = Table.builder("title", "brand").name("left")
                .row("a1", "sony kdl 40 tv", "sony").row("a2", "apple iphone 12", "apple")
                .row("a3", "bose speaker am5", "bose").row("a4", "canon eos 5d", "canon").build();
        Table right = Table.builder("brand", "name").name("right")
                .row("b1", "sony", "sony kdl40 tv").row("b2", "apple", "apple iphone 12 64gb")
                .row("b3", "bose", "bose am5 speaker").row("b4", "canon", "canon eos 5d body").build();
        LabelledPairs labels = new LabelledPairs(dev.matcher.data.Pairs.of(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0, 1},
                new int[] {0, 1, 2, 3, 1, 2, 3, 0, 2, 3}),
                new boolean[] {true, true, true, true, false, false, false, false, false, false});
        Matcher m = Matcher.builder().align("title", "name").model(ModelType.LOGISTIC_REGRESSION).folds(2)
                .search(false).seed(3).train(left, right, labels, null);
        assertTrue(m.spec().names().contains("title~name.jaro_winkler"), m.spec().names().toString());
        Path file = dir.resolve("columns.bin");
        m.save(file);
        Matcher again = Matcher.load(file);
        assertEquals(m.spec().columns(), again.spec().columns());
        assertEquals(m, again);
        assertArrayEquals(m.score(left, right, labels.pairs()), again.score(left, right, labels.pairs()));
        Table renamed = Table.builder("brand", "title").row("b1", "sony", "sony kdl40 tv").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> again.score(left, renamed, 0, 0));
        assertTrue(e.getMessage().contains("attribute 'name' of the right table"), e.getMessage());
    }

    @Test
    void versionOneFilesWithoutTheRuleStillLoadAndVersionTwoKeepsIt() throws IOException {
        CraftedModel v1 = new CraftedModel();
        v1.version = 1;
        assertTrue(Matcher.load(write(v1)).requiredSame().isEmpty());
        CraftedModel v2 = new CraftedModel();
        v2.rule = new String[] {"colour", "apparel_size"};
        assertEquals(List.of(dev.matcher.variant.Dimension.COLOUR, dev.matcher.variant.Dimension.APPAREL_SIZE),
                Matcher.load(write(v2)).requiredSame());
        CraftedModel v0 = new CraftedModel();
        v0.version = 0;
        assertMessage(write(v0), "unknown model file format version 0 (this library reads versions 1 to 3)");
    }

    @Test
    void damagedTokenEvidenceIsRefusedWithItsPart() throws IOException {
        assertCrafted(tokens(2, new String[] {"b", "a"}, 1f), "token evidence: tokens not sorted and distinct at 1");
        assertCrafted(tokens(1, new String[] {"a"}, Float.NaN), "token evidence: token 0 has a weight that is not a finite");
        assertCrafted(tokens(1_000_000, new String[] {"a"}, 1f), "token evidence: token count 1000000 does not fit");
        // a version 2 file has no token evidence and still loads
        CraftedModel v2 = new CraftedModel();
        v2.version = 2;
        assertNull(Matcher.load(write(v2)).tokens());
    }

    private static CraftedModel tokens(int count, String[] tokens, float weight) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(count);
        for (String t : tokens) {
            out.writeUTF(t);
            out.writeFloat(weight);
            out.writeFloat(weight);
        }
        CraftedModel m = new CraftedModel();
        m.tokenEvidence = bytes.toByteArray();
        return m;
    }

    @Test
    void hugeCountsAreRefusedBeforeAnyAllocation() throws IOException {
        CraftedModel nodes = new CraftedModel();
        nodes.nodeCount = 1_000_000_000;
        assertCrafted(nodes, "fold model 0: node count 1000000000 is more than the remaining");
        CraftedModel names = new CraftedModel();
        names.featureNameCount = Integer.MAX_VALUE;
        assertCrafted(names, "feature space: feature name count 2147483647 is more than the remaining");
        CraftedModel folds = new CraftedModel();
        folds.foldModels = 50_000_000;
        assertCrafted(folds, "model: fold model count 50000000 is more than the remaining");
    }

    @Test
    void negativeCountsAreRefused() throws IOException {
        CraftedModel roots = new CraftedModel();
        roots.rootCount = -5;
        assertCrafted(roots, "fold model 0: tree count -5 is negative");
        CraftedModel nodes = new CraftedModel();
        nodes.nodeCount = -1;
        assertCrafted(nodes, "fold model 0: node count -1 is negative");
    }

    @Test
    void cyclesAndSharedNodesAreRefusedWithoutRecursion() throws IOException {
        CraftedModel self = new CraftedModel();
        self.left = new int[] {0, 0, 0};
        assertCrafted(self, "fold model 0, tree 0, node 0: reached a second time (a cycle");
        CraftedModel loop = new CraftedModel().chain(3);
        loop.left[2] = 1;   // node 2 points back to node 1
        assertCrafted(loop, "fold model 0, tree 0, node 1: reached a second time");
        CraftedModel shared = new CraftedModel();
        shared.roots = new int[] {0, 0};   // two trees with one root
        assertCrafted(shared, "fold model 0, tree 1, node 0: reached a second time");
    }

    @Test
    void outOfRangeIndexesAreRefused() throws IOException {
        CraftedModel child = new CraftedModel();
        child.right = new int[] {1_000_000, 0, 0};
        assertCrafted(child, "fold model 0, tree 0, node 0: child index 1000000 out of range [0, 3)");
        CraftedModel negativeChild = new CraftedModel();
        negativeChild.left = new int[] {-2, 0, 0};
        assertCrafted(negativeChild, "fold model 0, tree 0, node 0: child index -2 out of range [0, 3)");
        CraftedModel root = new CraftedModel();
        root.roots = new int[] {7};
        assertCrafted(root, "fold model 0, tree 0: root index 7 out of range [0, 3)");
        CraftedModel feature = new CraftedModel();
        feature.feature = new int[] {7, -1, -1};
        assertCrafted(feature, "fold model 0, tree 0, node 0: feature index 7 out of range [-1, 2)");
        CraftedModel orphan = new CraftedModel();
        orphan.feature = new int[] {-1, 1_000, -1};   // node 1 is in no tree but would still be checked by scoring
        assertCrafted(orphan, "fold model 0, a node in no tree, node 1: feature index 1000 out of range [-1, 2)");
    }

    @Test
    void deepTreesAreRefusedAndNeverOverflowTheStack() throws IOException {
        assertEquals(ModelFile.MAX_TREE_DEPTH, ((TreeEnsemble) Matcher.load(
                write(new CraftedModel().chain(ModelFile.MAX_TREE_DEPTH))).model().model()).maxDepth());
        assertCrafted(new CraftedModel().chain(ModelFile.MAX_TREE_DEPTH + 1), "tree deeper than 256 levels");
        assertCrafted(new CraftedModel().chain(200_000), "tree deeper than 256 levels");
    }

    @Test
    void corruptEnumNamesSayWhatWasExpected() throws IOException {
        CraftedModel kind = new CraftedModel();
        kind.attributeKind = "titl";
        assertCrafted(kind, "left schema: unknown attribute kind 'titl' (expected one of TEXT, STRING");
        CraftedModel mode = new CraftedModel();
        mode.mode = "EXACTLY";
        assertCrafted(mode, "header: unknown match mode 'EXACTLY' (expected one of EXACT, VARIANT)");
        CraftedModel type = new CraftedModel();
        type.modelType = "DEEP_NET";
        assertCrafted(type, "model: unknown model type 'DEEP_NET'");
        CraftedModel calibration = new CraftedModel();
        calibration.calibration = "SIGMOID";
        assertCrafted(calibration, "calibration: unknown calibration method 'SIGMOID'");
        CraftedModel longName = new CraftedModel();
        longName.mode = "x".repeat(60_000);
        DataException e = assertCrafted(longName, "unknown match mode 'xxxx");
        assertTrue(e.getMessage().length() < 400, "user data is abbreviated: " + e.getMessage().length());
    }

    @Test
    void otherInconsistenciesAreNamed() throws IOException {
        CraftedModel isotonic = new CraftedModel();
        isotonic.calibration = "ISOTONIC";
        isotonic.knots = new double[] {0, 1, 2};
        isotonic.probabilities = new double[] {0.1, 0.5};
        assertCrafted(isotonic, "calibration: isotonic calibration with 3 knots and 2 probabilities");
        CraftedModel unordered = new CraftedModel();
        unordered.calibration = "ISOTONIC";
        unordered.knots = new double[] {0, 2, 1};
        unordered.probabilities = new double[] {0.1, 0.5, 0.9};
        assertCrafted(unordered, "isotonic knot 2 (1.0) is out of order");
        CraftedModel platt = new CraftedModel();
        platt.knots = new double[] {1};
        assertCrafted(platt, "Platt calibration needs two finite parameters");
        CraftedModel threshold = new CraftedModel();
        threshold.threshold = Double.NaN;
        assertCrafted(threshold, "header: threshold NaN is not in [0, 1]");
        CraftedModel bool = new CraftedModel();
        bool.neutralize = 7;
        assertCrafted(bool, "feature space: neutralise variants is 7, not a boolean");
        CraftedModel trailing = new CraftedModel();
        trailing.trailingBytes = 5;
        assertCrafted(trailing, "5 unexpected bytes after the model");
        CraftedModel noFolds = new CraftedModel();
        noFolds.foldModels = 0;
        assertCrafted(noFolds, "model: no fold model");
    }

    @Test
    void theChecksumIsCheckedBeforeAnyCountIsBelieved() throws IOException {
        CraftedModel huge = new CraftedModel();
        huge.nodeCount = Integer.MAX_VALUE;
        byte[] bytes = huge.bytes();
        bytes[bytes.length - 1] ^= 1;
        Path file = Files.write(dir.resolve("both.bin"), bytes);
        assertMessage(file, "checksum mismatch");
    }

    @Test
    void saveRefusesTreesTheReaderWouldRefuse() throws IOException {
        Matcher deep = Matcher.load(write(new CraftedModel().chain(ModelFile.MAX_TREE_DEPTH)));
        deep.save(dir.resolve("ok.bin"));
        assertEquals(deep, Matcher.load(dir.resolve("ok.bin")));
    }

    private Path write(CraftedModel model) throws IOException {
        return Files.write(Files.createTempFile(dir, "crafted", ".bin"), model.bytes());
    }

    private DataException assertCrafted(CraftedModel model, String expected) throws IOException {
        return assertMessage(write(model), expected);
    }

    private static DataException assertMessage(Path file, String expected) {
        DataException e = assertThrows(DataException.class, () -> Matcher.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }
}
