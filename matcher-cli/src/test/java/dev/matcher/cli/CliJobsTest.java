package dev.matcher.cli;

import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train, dedupe, link and explain end to end on small generated people tables. */
class CliJobsTest {
    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return MatcherCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private final People people = People.generate(40, 20, "r", 3);

    private Path trainedModel(Path csv) {
        Path labels = people.writeLabels(dir.resolve("labels.csv"), 12, 30, 5);
        Path model = dir.resolve("model.bin");
        assertEquals(0, run("train", "--left", csv.toString(), "--labels", labels.toString(), "--model",
                model.toString(), "--quiet"), err::toString);
        return model;
    }

    @Test
    void helpListsTheNewCommands() {
        assertEquals(0, run("--help"));
        for (String c : new String[] {"train", "dedupe", "link", "explain"}) {
            assertTrue(out.toString().contains(c), out.toString());
        }
        assertEquals(0, run("dedupe", "--help"));
        assertTrue(out.toString().contains("--exact-model") && out.toString().contains("family_id"), out.toString());
    }

    @Test
    void trainPrintsThresholdAndTopFeatures() {
        Path model = trainedModel(people.writeCsv(dir.resolve("people.csv")));
        assertTrue(Files.isRegularFile(model));
        String s = out.toString();
        assertTrue(s.contains("Trained on 42 labelled pairs (12 matches) in exact mode: threshold"), s);
        assertTrue(s.contains("Top features:") && s.contains("importance") && s.contains("name"), s);
        assertTrue(s.contains("Labels: 12 matches, 30 non-matches; the model calls "), s);
        java.util.regex.Matcher cv = java.util.regex.Pattern
                .compile("Cross-validated F1 on the labels \\(5 folds\\): (\\d\\.\\d{3}) ± (\\d\\.\\d{3})").matcher(s);
        assertTrue(cv.find(), s);
        assertTrue(Double.parseDouble(cv.group(1)) > 0.5, s);        // the people's names and cities decide
        assertTrue(err.toString().isEmpty(), "quiet: " + err);
    }

    @Test
    void aCrowdedBlockIsReportedAndItsIdenticalRecordsStillBecomeOneCluster() throws java.io.IOException {
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path model = trainedModel(csv);
        StringBuilder crowded = new StringBuilder(Files.readString(csv));
        for (int i = 0; i < 1500; i++) {
            crowded.append("copy").append(i).append(",Max Mustermann,Musterstadt,0301234567\n");
        }
        Path in = People.write(dir.resolve("crowded.csv"), crowded.toString());
        Path outFile = dir.resolve("crowded-out.csv");
        assertEquals(0, run("dedupe", in.toString(), "--model", model.toString(), "--out", outFile.toString(),
                "--threads", "1", "--quiet"), err::toString);
        Table t = Table.read(outFile);
        long copies = 0;
        for (int i = 0; i < t.size(); i++) {
            copies += t.value(i, "match_id").equals("copy0") ? 1 : 0;
        }
        assertEquals(1500, copies);
        assertTrue(out.toString().contains("warning: blocking left pairs out") && out.toString().contains(
                "(--max-block-size raises the guard)"), out.toString());
        assertEquals(0, run("dedupe", in.toString(), "--model", model.toString(), "--out", outFile.toString(),
                "--max-block-size", "2000", "--quiet"), err::toString);
        assertFalse(out.toString().contains("warning:"), out.toString());
        assertEquals(2, run("dedupe", in.toString(), "--model", model.toString(), "--out", outFile.toString(),
                "--threads", "0"));
    }

    @Test
    void outputsNeverReplaceAnInputAndNonRegularTargetsNeedForce() throws IOException {
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path model = trainedModel(csv);
        String before = Files.readString(csv);
        assertEquals(1, run("dedupe", csv.toString(), "--model", model.toString(), "--out", csv.toString(), "--quiet"));
        assertOneLine("matcher: ");
        assertTrue(err.toString().contains("output is the input"), err.toString());
        assertEquals(1, run("link", csv.toString(), csv.toString(), "--model", model.toString(), "--out",
                dir.toString(), "--quiet"));
        assertTrue(err.toString().contains("output folder holds the input"), err.toString());
        // a session's labels file must not be an input either
        assertEquals(1, run("dedupe", csv.toString(), "--out", dir.resolve("o.csv").toString(), "--save-labels",
                csv.toString(), "--quiet"));
        assertTrue(err.toString().contains("output is the input"), err.toString());
        assertEquals(before, Files.readString(csv), "the input is untouched");

        Path target = Files.writeString(dir.resolve("target.csv"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        assertEquals(1, run("dedupe", csv.toString(), "--model", model.toString(), "--out", link.toString(), "--quiet"));
        assertTrue(err.toString().contains("is a symbolic link"), err.toString());
        assertTrue(err.toString().contains("--force replaces it"), err.toString());
        // refused before any work: no labelling session, no stage ran
        assertEquals(1, run("dedupe", csv.toString(), "--out", link.toString()));
        assertOneLine("matcher: ");
        assertFalse(out.toString().contains("Same entity?"), out.toString());
        assertEquals(0, run("dedupe", csv.toString(), "--model", model.toString(), "--out", link.toString(), "--force",
                "--quiet"), err::toString);
        assertFalse(Files.isSymbolicLink(link), "--force replaces the link itself");
        assertEquals("keep me", Files.readString(target), "not what it pointed to");
    }

    @Test
    void outDashWritesTheTableToStandardOutputAndTheSummaryToStandardError() {
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path model = trainedModel(csv);
        assertEquals(0, run("dedupe", csv.toString(), "--model", model.toString(), "--out", "-", "--quiet"),
                err::toString);
        List<String> rows = out.toString().lines().toList();
        assertEquals("id,name,city,phone,match_id,match_confidence", rows.get(0));
        assertEquals(people.size() + 1, rows.size());
        assertTrue(err.toString().contains("candidate pairs"), err.toString());
        assertFalse(Files.exists(dir.resolve("-")));
        assertEquals(2, run("dedupe", csv.toString(), "--out", "-"), "a session would ask its questions on stdout");
    }

    @Test
    void trainThenDedupeCsvRoundTrip() {
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path model = trainedModel(csv);
        Path outFile = dir.resolve("deduped.csv");
        assertEquals(0, run("dedupe", csv.toString(), "--model", model.toString(), "--out", outFile.toString()),
                err::toString);
        assertDeduplicated(Table.read(outFile));
        assertTrue(out.toString().contains("60 records") && out.toString().contains("20 with more than one record"),
                out.toString());
        // progress on stderr by default: rates per stage
        assertTrue(err.toString().contains("scoring:") && err.toString().contains("pairs/s"), err.toString());
    }

    @Test
    void dedupeParquetRoundTripTrainingFromLabels() {
        Path parquet = dir.resolve("people.parquet");
        Table.read(people.writeCsv(dir.resolve("people.csv"))).write(parquet);
        Path labels = people.writeLabels(dir.resolve("labels.csv"), 12, 30, 5);
        Path outFile = dir.resolve("deduped.parquet");
        Path model = dir.resolve("saved.bin");
        assertEquals(0, run("dedupe", parquet.toString(), "--labels", labels.toString(), "--out", outFile.toString(),
                "--save-model", model.toString(), "--quiet"), err::toString);
        // --quiet silences progress; warnings (here: the generated labels' random non-matches) still go to stderr
        assertTrue(err.toString().lines().allMatch(l -> l.startsWith("warning: ")), "--quiet: " + err);
        assertDeduplicated(Table.read(outFile));
        assertTrue(Files.isRegularFile(model), "--save-model");
    }

    /** Input rows in order, plus match_id and match_confidence; duplicates, and only they, share a match id. */
    private void assertDeduplicated(Table t) {
        assertEquals(people.size(), t.size());
        assertEquals(List.of("name", "city", "phone", "match_id", "match_confidence"), t.schema().names());
        for (int i = 0; i < people.size(); i++) {
            assertEquals(people.id(i), t.id(i));
            assertEquals(people.rows.get(i)[1], t.value(i, "name"));
            double c = Double.parseDouble(t.value(i, "match_confidence"));
            assertTrue(c >= 0 && c <= 1, "confidence " + c);
        }
        Map<String, Integer> entityOfMatchId = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            Integer before = entityOfMatchId.putIfAbsent(t.value(i, "match_id"), people.entity.get(i));
            assertTrue(before == null || before.equals(people.entity.get(i)),
                    "two people share match id " + t.value(i, "match_id") + ": " + dump(t));
        }
        for (int[] d : people.duplicates()) {
            assertEquals(t.value(d[0], "match_id"), t.value(d[1], "match_id"),
                    "duplicates " + people.id(d[0]) + ", " + people.id(d[1]) + " split");
        }
        assertEquals(40, entityOfMatchId.size());
    }

    @Test
    void linkRoundTripWritesBothTables() throws IOException {
        // left: people 0..29; right: noisy copies of 0..19 and people 30..39
        StringBuilder left = new StringBuilder("id,name,city,phone\n");
        StringBuilder right = new StringBuilder("id,name,city,phone\n");
        StringBuilder labels = new StringBuilder("left_id,right_id,label\n");
        for (int e = 0; e < 30; e++) {
            left.append(String.join(",", People.person(e, false, "a" + e))).append('\n');
        }
        for (int e = 0; e < 20; e++) {
            right.append(String.join(",", People.person(e, true, "b" + e))).append('\n');
        }
        for (int e = 30; e < 40; e++) {
            right.append(String.join(",", People.person(e, false, "b" + e))).append('\n');
        }
        for (int e = 0; e < 8; e++) {
            labels.append("a").append(e).append(",b").append(e).append(",1\n");
            labels.append("a").append(e).append(",b").append((e + 5) % 20).append(",0\n");
            labels.append("a").append(e + 20).append(",b").append(e + 30).append(",0\n");
        }
        Path l = Files.writeString(dir.resolve("left.csv"), left);
        Path r = Files.writeString(dir.resolve("right.csv"), right);
        Path p = Files.writeString(dir.resolve("pairs.csv"), labels);
        Path outDir = dir.resolve("linked");
        assertEquals(0, run("link", l.toString(), r.toString(), "--labels", p.toString(), "--out", outDir.toString(),
                "--format", "parquet", "--quiet"), err::toString);
        Table lo = Table.read(outDir.resolve("left.parquet"));
        Table ro = Table.read(outDir.resolve("right.parquet"));
        assertEquals(30, lo.size());
        assertEquals(30, ro.size());
        assertEquals("a0", lo.id(0));
        assertEquals("b30", ro.id(20));
        for (int e = 0; e < 20; e++) {
            assertEquals("L:a" + e, lo.value(e, "match_id"));
            assertEquals("L:a" + e, ro.value(e, "match_id"), "right b" + e + " links to left a" + e);
        }
        for (int e = 20; e < 30; e++) {
            assertEquals("L:a" + e, lo.value(e, "match_id"), "unmatched left keeps its own id");
            assertEquals("R:b" + (e + 10), ro.value(e, "match_id"), "unmatched right keeps its own id");
        }
        assertTrue(out.toString().contains("20 with more than one record"), out.toString());
    }

    @Test
    void linkWithColumnsNamedDifferentlyPrintsTheCorrespondenceAndHonoursMap() throws IOException {
        StringBuilder left = new StringBuilder("id,name,city,phone\n");
        StringBuilder right = new StringBuilder("id,tel,full_name,town\n");
        StringBuilder labels = new StringBuilder("left_id,right_id,label\n");
        for (int e = 0; e < 30; e++) {
            left.append(String.join(",", People.person(e, false, "a" + e))).append('\n');
            String[] p = People.person(e, e < 20, "b" + e);
            right.append(String.join(",", p[0], p[3], p[1], p[2])).append('\n');
        }
        for (int e = 0; e < 8; e++) {
            labels.append("a").append(e).append(",b").append(e).append(",1\n");
            labels.append("a").append(e).append(",b").append((e + 5) % 20).append(",0\n");
        }
        Path l = Files.writeString(dir.resolve("left.csv"), left);
        Path r = Files.writeString(dir.resolve("right.csv"), right);
        Path p = Files.writeString(dir.resolve("pairs.csv"), labels);
        assertEquals(0, run("link", l.toString(), r.toString(), "--labels", p.toString(), "--out",
                dir.resolve("auto").toString(), "--quiet"), err::toString);
        String auto = out.toString();
        assertTrue(auto.contains("Columns compared (left ~ right):") && auto.matches("(?s).*name\\s+\\| full_name.*"),
                auto);
        Table linked = Table.read(dir.resolve("auto").resolve("right.csv"));
        int linkedRight = 0;
        for (int e = 0; e < 30; e++) {
            linkedRight += ("L:a" + e).equals(linked.value(e, "match_id")) ? 1 : 0;
        }
        assertTrue(linkedRight >= 27, linkedRight + " of 30 linked to their left record\n" + auto);
        // --map fixes a pair (here a wrong one, to see that it is obeyed) and says so
        assertEquals(0, run("link", l.toString(), r.toString(), "--labels", p.toString(), "--out",
                dir.resolve("mapped").toString(), "--quiet", "--map", "name=town"), err::toString);
        assertTrue(out.toString().matches("(?s).*name\\s+\\| town\\s+\\| [0-9.]+\\s+\\| fixed.*"), out.toString());
        assertEquals(1, run("link", l.toString(), r.toString(), "--labels", p.toString(), "--out",
                dir.resolve("bad").toString(), "--quiet", "--map", "name=nosuch"));
        assertTrue(err.toString().contains("no column 'nosuch' in the right table"), err.toString());
        assertEquals(2, run("link", l.toString(), r.toString(), "--labels", p.toString(), "--out",
                dir.resolve("bad2").toString(), "--map", "name"));
        assertTrue(err.toString().contains("expected LEFT=RIGHT"), err.toString());
        // train prints it too, inspect LEFT RIGHT shows what training would use
        assertEquals(0, run("train", "--left", l.toString(), "--right", r.toString(), "--labels", p.toString(),
                "--model", dir.resolve("m.bin").toString(), "--quiet", "--map", "phone=tel"), err::toString);
        assertTrue(out.toString().matches("(?s).*phone\\s+\\| tel\\s+\\| [0-9.]+\\s+\\| fixed.*"), out.toString());
        assertEquals(0, run("inspect", l.toString(), r.toString()), err::toString);
        assertTrue(out.toString().contains("Columns compared (left ~ right) when linking"), out.toString());
        assertTrue(out.toString().matches("(?s).*city\\s+\\| town.*"), out.toString());
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        assertEquals(1, run("dedupe", csv.toString(), "--labels", p.toString(), "--out",
                dir.resolve("d.csv").toString(), "--map", "name=name", "--quiet"));
    }

    @Test
    void evalTransformRunsEachDatasetTransformedAndWritesTheMetamorphicTable() throws IOException {
        Path data = Files.createDirectories(dir.resolve("people_link"));
        StringBuilder left = new StringBuilder("id,name,city,phone\n");
        StringBuilder right = new StringBuilder("id,name,city,phone\n");
        StringBuilder matches = new StringBuilder("left_id,right_id\n");
        StringBuilder test = new StringBuilder("left_id,right_id,label\n");
        for (int e = 0; e < 40; e++) {
            left.append(String.join(",", People.person(e, false, "a" + e))).append('\n');
            right.append(String.join(",", People.person(e, true, "b" + e))).append('\n');
            matches.append("a").append(e).append(",b").append(e).append('\n');
            test.append("a").append(e).append(",b").append(e).append(",1\n");
            test.append("a").append(e).append(",b").append((e + 3) % 40).append(",0\n");
            test.append("a").append(e).append(",b").append((e + 11) % 40).append(",0\n");
        }
        Files.writeString(data.resolve("left.csv"), left);
        Files.writeString(data.resolve("right.csv"), right);
        Files.writeString(data.resolve("matches.csv"), matches);
        Files.writeString(data.resolve("test.csv"), test);
        Path report = dir.resolve("report");
        assertEquals(0, run("eval", "--data", data.toString(), "--out", report.toString(), "--quiet",
                "--transform", "rename-random,reorder"), err::toString);
        String s = out.toString();
        assertTrue(s.contains("people_link: columns compared by equal names [name, city, phone]"), s);
        assertTrue(s.contains("people_link rename-random(right): columns compared (left ~ right)"), s);
        String md = Files.readString(report.resolve("metamorphic.md"));
        assertTrue(md.contains("| people_link | rename-random(right) | ") && md.contains("| people_link | reorder(right) | "),
                md);
        assertEquals(2, run("eval", "--data", data.toString(), "--out", report.toString(), "--transform", "nosuch"));
        assertTrue(err.toString().contains("unknown transformation 'nosuch'; known: standard, rename-synonyms"),
                err.toString());
    }

    @Test
    void explainShowsProbabilityDecisionAndContributions() {
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path model = trainedModel(csv);
        int[] dup = people.duplicates().get(15);
        assertEquals(0, run("explain", "--model", model.toString(), "--left", csv.toString(), people.id(dup[0]),
                people.id(dup[1])), err::toString);
        String s = out.toString();
        assertTrue(s.startsWith("attribute"), s);
        assertTrue(s.contains(people.rows.get(dup[0])[1]) && s.contains(people.rows.get(dup[1])[1]), s);
        assertTrue(s.contains("MATCH: probability"), s);
        assertTrue(s.contains("contribution") && s.contains("feature"), s);

        int other = people.entity.indexOf((people.entity.get(dup[0]) + 1) % 40);
        assertEquals(0, run("explain", "--model", model.toString(), "--left", csv.toString(), people.id(dup[0]),
                people.id(other)), err::toString);
        assertTrue(out.toString().contains("NO MATCH: probability"), out.toString());
    }

    @Test
    void explainOfAnUnknownIdIsOneClearLine() {
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path model = trainedModel(csv);
        assertEquals(1, run("explain", "--model", model.toString(), "--left", csv.toString(), "r1", "nobody"));
        assertOneLine("matcher: " + csv + ": unknown id 'nobody'");
    }

    @Test
    void labelsFileWithAMissingColumnIsOneClearLine() {
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path labels = People.write(dir.resolve("bad.csv"), "left_id,label\nr1,1\n");
        assertEquals(1, run("train", "--left", csv.toString(), "--labels", labels.toString(), "--model",
                dir.resolve("m.bin").toString(), "--quiet"));
        assertOneLine("matcher: " + labels + ":1: missing header: expected left_id,right_id,label (or left_id,right_id for matches only), found left_id,label");
        assertFalse(Files.exists(dir.resolve("m.bin")));
    }

    @Test
    void labelsFileWithAnUnknownIdIsOneClearLine() {
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path labels = People.write(dir.resolve("bad.csv"), "left_id,right_id,label\nr1,r2,1\nr3,ghost,0\n");
        assertEquals(1, run("dedupe", csv.toString(), "--labels", labels.toString(), "--out",
                dir.resolve("o.csv").toString(), "--quiet"));
        assertOneLine("matcher: " + labels + ":3:2: unknown id 'ghost'");
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    @Test
    void modelOfAnotherSchemaIsOneClearLine() {
        Path model = trainedModel(people.writeCsv(dir.resolve("people.csv")));
        Path products = People.write(dir.resolve("products.csv"), "id,title,price\np1,red shirt,9.99\np2,red shirt,9.99\n");
        assertEquals(1, run("dedupe", products.toString(), "--model", model.toString(), "--out",
                dir.resolve("o.csv").toString(), "--quiet"));
        assertOneLine("matcher: schema mismatch: this matcher was trained on attribute");
        assertTrue(err.toString().contains("'name'") && err.toString().contains("[title, price]"), err.toString());
    }

    @Test
    void modeMismatchAndExclusiveOptionsAreRejected() {
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path model = trainedModel(csv);
        assertEquals(2, run("dedupe", csv.toString(), "--model", model.toString(), "--labels", "x.csv", "--out", "o.csv"));
        assertTrue(err.toString().contains("--model and --labels exclude each other"), err.toString());
        assertEquals(2, run("dedupe", csv.toString(), "--mode", "fuzzy", "--out", "o.csv"));
        assertEquals(2, run("dedupe", csv.toString(), "--exact-model", model.toString(), "--out", "o.csv"));
        assertTrue(err.toString().contains("--exact-model splits variant families into items"), err.toString());
        assertEquals(1, run("dedupe", csv.toString(), "--model", model.toString(), "--mode", "variant", "--out",
                dir.resolve("o.csv").toString(), "--quiet"));
        assertOneLine("matcher: " + model + ": this model was trained in exact mode, but --mode variant was given");
    }

    private String dump(Table t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            sb.append(people.entity.get(i)).append(' ').append(String.join(",", people.rows.get(i))).append(' ')
                    .append(t.value(i, "match_id")).append(' ').append(t.value(i, "match_confidence")).append('\n');
        }
        return sb.toString();
    }

    private void assertOneLine(String prefix) {
        String e = err.toString();
        assertTrue(e.startsWith(prefix), e);
        assertEquals(1, e.strip().lines().count(), e);
    }

    static List<String> lines(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void variantModeAddsFamilyIdEqualToMatchIdWithoutExactModel() {
        Path csv = people.writeCsv(dir.resolve("people.csv"));
        Path labels = people.writeLabels(dir.resolve("labels.csv"), 12, 30, 5);
        Path outFile = dir.resolve("v.csv");
        assertEquals(0, run("dedupe", csv.toString(), "--labels", labels.toString(), "--mode", "variant",
                "--out", outFile.toString(), "--quiet"), err::toString);
        Table t = Table.read(outFile);
        assertEquals(List.of("name", "city", "phone", "match_id", "match_confidence", "family_id"), t.schema().names());
        for (int i = 0; i < t.size(); i++) {
            assertEquals(t.value(i, "match_id"), t.value(i, "family_id"));
        }
        assertNotEquals(t.size(), (int) java.util.stream.IntStream.range(0, t.size()).mapToObj(i -> t.value(i, "family_id")).distinct().count());
    }

    private static final Path PRODUCTS = Path.of("matcher-cli/src/main/resources/examples/products.csv");

    /** An exact model (products-labels.csv) and a variant model (colour and size ignored) of the bundled products. */
    private Path[] productModels() {
        Path exactLabels = Path.of("matcher-cli/src/main/resources/examples/products-labels.csv");
        Path variantLabels = People.write(dir.resolve("variant-labels.csv"), """
                left_id,right_id,label
                p01,p03,1
                p01,p05,1
                p02,p04,1
                p06,p08,1
                p09,p11,1
                p10,p12,1
                p14,p16,1
                p17,p19,1
                p01,p06,0
                p09,p14,0
                p17,p20,0
                p06,p20,0
                p11,p13,0
                p03,p08,0
                """);
        Path exact = dir.resolve("exact.bin");
        Path variant = dir.resolve("variant.bin");
        assertEquals(0, run("train", "--left", PRODUCTS.toString(), "--labels", exactLabels.toString(), "--model",
                exact.toString(), "--quiet"), err::toString);
        assertEquals(0, run("train", "--left", PRODUCTS.toString(), "--labels", variantLabels.toString(), "--model",
                variant.toString(), "--mode", "variant", "--variant-attributes", "colour,size", "--quiet"), err::toString);
        assertTrue(out.toString().contains("in variant mode"), out.toString());
        return new Path[] {exact, variant};
    }

    /** Every item (match_id) lies inside one family. */
    private static void assertItemsNestInFamilies(Table... tables) {
        Map<String, String> familyOfItem = new HashMap<>();
        for (Table t : tables) {
            for (int i = 0; i < t.size(); i++) {
                String before = familyOfItem.putIfAbsent(t.value(i, "match_id"), t.value(i, "family_id"));
                assertTrue(before == null || before.equals(t.value(i, "family_id")), "item in two families");
            }
        }
    }

    @Test
    void variantModelWithAnExactModelNestsItemsInFamilies() {
        Path[] models = productModels();
        Path exact = models[0];
        Path outFile = dir.resolve("v.csv");
        assertEquals(0, run("dedupe", PRODUCTS.toString(), "--model", models[1].toString(), "--exact-model",
                exact.toString(), "--out", outFile.toString(), "--quiet"), err::toString);
        Table t = Table.read(outFile);
        assertItemsNestInFamilies(t);
        int p01 = t.indexOf("p01");
        int p03 = t.indexOf("p03");
        assertEquals(t.value(p01, "family_id"), t.value(p03, "family_id"), "red and blue shirt: one family");
        assertNotEquals(t.value(p01, "match_id"), t.value(p03, "match_id"), "but two items");
        assertEquals(t.value(p01, "match_id"), t.value(t.indexOf("p02"), "match_id"), "duplicate listing: one item");

        // the rule of exact matching applies to the exact model; explain shows the variant values and verdicts
        assertEquals(0, run("dedupe", PRODUCTS.toString(), "--model", models[1].toString(), "--exact-model",
                exact.toString(), "--require-same", "colour,size", "--out", dir.resolve("strict.csv").toString(),
                "--quiet"), err::toString);
        Table strict = Table.read(dir.resolve("strict.csv"));
        assertItemsNestInFamilies(strict);
        assertNotEquals(strict.value(p01, "match_id"), strict.value(p03, "match_id"));
        assertEquals(2, run("dedupe", PRODUCTS.toString(), "--labels", dir.resolve("variant-labels.csv").toString(),
                "--mode", "variant", "--require-same", "colour", "--out", outFile.toString(), "--quiet"));
        out.getBuffer().setLength(0);
        assertEquals(0, run("explain", "--model", exact.toString(), "--left", PRODUCTS.toString(), "p01", "p03"),
                err::toString);
        assertTrue(out.toString().contains("variant values (left vs right -> verdict):")
                && out.toString().contains("colour: red [attribute] vs blue [attribute] -> DIFFERENT"), out.toString());

        // an exact model where the variant one belongs is refused
        assertEquals(1, run("dedupe", PRODUCTS.toString(), "--model", exact.toString(), "--exact-model",
                exact.toString(), "--out", outFile.toString(), "--quiet"));
        assertOneLine("matcher: " + exact + ": --exact-model splits variant families into items");
    }

    @Test
    void variantLinkageGroupsFamiliesAcrossBothTables() throws IOException {
        Path[] models = productModels();
        List<String> lines = Files.readAllLines(PRODUCTS);
        StringBuilder left = new StringBuilder(lines.get(0)).append('\n');
        StringBuilder right = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            (i % 2 == 1 ? left : right).append(lines.get(i)).append('\n');     // p01, p03, ... left; p02, ... right
        }
        Path l = Files.writeString(dir.resolve("a.csv"), left);
        Path r = Files.writeString(dir.resolve("b.csv"), right);
        Path outDir = dir.resolve("linked");
        assertEquals(0, run("link", l.toString(), r.toString(), "--model", models[1].toString(), "--exact-model",
                models[0].toString(), "--out", outDir.toString(), "--quiet"), err::toString);
        Table lo = Table.read(outDir.resolve("left.csv"));
        Table ro = Table.read(outDir.resolve("right.csv"));
        assertItemsNestInFamilies(lo, ro);
        // the shirt family: p01, p03, p05 left and p02, p04 right, in one family, p01 and p02 one item
        String family = lo.value(lo.indexOf("p01"), "family_id");
        assertEquals("L:p01", family);
        for (String id : new String[] {"p03", "p05"}) {
            assertEquals(family, lo.value(lo.indexOf(id), "family_id"), id);
        }
        for (String id : new String[] {"p02", "p04"}) {
            assertEquals(family, ro.value(ro.indexOf(id), "family_id"), id);
        }
        assertEquals("L:p01", ro.value(ro.indexOf("p02"), "match_id"));
        assertNotEquals("L:p01", lo.value(lo.indexOf("p03"), "match_id"));
    }
}
