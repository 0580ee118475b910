package dev.matcher.cli;

import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** classify train, predict and eval end to end on a small generated catalogue. */
class ClassifyCommandTest {
    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return MatcherCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** Products whose category is told by one word of the title; each product listed 3 times (a cluster). */
    private Path catalogue(Path folder, int products) throws IOException {
        Files.createDirectories(folder);
        String[] words = {"kettle", "sofa", "drill", "lamp"};
        String[] classes = {"Kitchen", "Furniture", "Tools", "Lighting"};
        String[] filler = {"red", "blue", "large", "small", "deluxe", "basic", "steel", "wood"};
        Random rnd = new Random(1);
        StringBuilder left = new StringBuilder("id,title,category\n");
        StringBuilder clusters = new StringBuilder("id,cluster_id\n");
        int id = 0;
        for (int p = 0; p < products; p++) {
            int c = p % classes.length;
            String brand = "brand" + rnd.nextInt(50);
            for (int i = 0; i < 3; i++) {
                left.append("r").append(id).append(',').append(brand).append(' ')
                        .append(filler[rnd.nextInt(filler.length)]).append(' ').append(words[c]).append(',')
                        .append(classes[c]).append('\n');
                clusters.append("r").append(id).append(',').append(p).append('\n');
                id++;
            }
        }
        Files.writeString(folder.resolve("left.csv"), left);
        Files.writeString(folder.resolve("clusters.csv"), clusters);
        return folder.resolve("left.csv");
    }

    @Test
    void trainPredictAndEval() throws IOException {
        Path csv = catalogue(dir.resolve("data"), 40);
        Path model = dir.resolve("category.bin");
        assertEquals(0, run("classify", "train", "--table", csv.toString(), "--label", "category", "--model",
                model.toString(), "--quiet"), err::toString);
        assertTrue(out.toString().contains("4 classes"), out.toString());
        Path result = dir.resolve("classified.csv");
        assertEquals(0, run("classify", "predict", csv.toString(), "--model", model.toString(), "--out",
                result.toString(), "--quiet", "--top", "2"), err::toString);
        Table t = Table.read(result);
        assertEquals(120, t.size());
        int ok = 0;
        for (int r = 0; r < t.size(); r++) {
            ok += t.value(r, "predicted_category").equals(t.value(r, "category")) ? 1 : 0;
            assertTrue(t.value(r, "top_category").contains(" | "), t.value(r, "top_category"));
        }
        assertEquals(120, ok);
        assertTrue(t.schema().indexOf("confidence") >= 0);

        // the output may not replace the input
        assertEquals(1, run("classify", "predict", csv.toString(), "--model", model.toString(), "--out",
                csv.toString(), "--quiet"));
        assertTrue(err.toString().contains("output is the input"), err.toString());

        assertEquals(0, run("classify", "eval", dir.resolve("data").toString(), "--label", "category", "--quiet",
                "--folds", "3", "--report", dir.resolve("report.html").toString()), err::toString);
        String s = out.toString();
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("Confusion matrix") && html.contains("Lighting"), html);
        assertTrue(s.contains("stratified") && s.contains("grouped") && s.contains("baseline"), s);
        assertTrue(s.contains("1.0000"), s);
    }

    @Test
    void unknownLabelIsAClearError() throws IOException {
        Path csv = catalogue(dir.resolve("data"), 8);
        assertEquals(1, run("classify", "train", "--table", csv.toString(), "--label", "nope", "--model",
                dir.resolve("m.bin").toString(), "--quiet"));
        assertTrue(err.toString().contains("no label column 'nope'"), err.toString());
        assertTrue(!Files.exists(dir.resolve("m.bin")));
    }

    @Test
    void dedupeComparesAndBlocksByPredictedCategory() throws IOException {
        Path catalogue = catalogue(dir.resolve("data"), 40);
        Path classifier = dir.resolve("category.bin");
        assertEquals(0, run("classify", "train", "--table", catalogue.toString(), "--label", "category", "--model",
                classifier.toString(), "--quiet"), err.toString());
        // the offers to deduplicate have no category; the listings of one product are r3p, r3p+1, r3p+2
        java.util.List<String> lines = Files.readAllLines(catalogue);
        StringBuilder offers = new StringBuilder("id,title\n");
        StringBuilder renamed = new StringBuilder("id,name\n");
        for (String line : lines.subList(1, lines.size())) {
            String row = line.substring(0, line.lastIndexOf(','));
            offers.append(row).append('\n');
            renamed.append(row).append('\n');
        }
        Path csv = dir.resolve("offers.csv");
        Files.writeString(csv, offers);
        StringBuilder pairs = new StringBuilder("left_id,right_id,label\n");
        for (int p = 0; p < 40; p++) {
            pairs.append("r").append(3 * p).append(",r").append(3 * p + 1).append(",1\n");
            pairs.append("r").append(3 * p).append(",r").append((3 * p + 4) % 120).append(",0\n");
        }
        Path labels = dir.resolve("pairs.csv");
        Files.writeString(labels, pairs);
        Path model = dir.resolve("m.bin");
        assertEquals(0, run("dedupe", csv.toString(), "--labels", labels.toString(), "--categories",
                classifier.toString(), "--category-blocking", "--save-model", model.toString(), "--out",
                dir.resolve("o.csv").toString(), "--quiet"), err.toString());
        Table deduped = Table.read(dir.resolve("o.csv"));
        int together = 0;
        for (int p = 0; p < 40; p++) {
            together += deduped.value(3 * p, "match_id").equals(deduped.value(3 * p + 1, "match_id")) ? 1 : 0;
        }
        assertTrue(together >= 30, together + " of 40 products have their first two listings together");

        assertEquals(1, run("dedupe", csv.toString(), "--model", model.toString(), "--out",
                dir.resolve("o2.csv").toString(), "--quiet"));
        assertTrue(err.toString().contains("category_agree") && err.toString().contains("--categories"), err.toString());
        assertEquals(0, run("dedupe", csv.toString(), "--model", model.toString(), "--categories",
                classifier.toString(), "--out", dir.resolve("o2.csv").toString(), "--quiet"), err.toString());
        assertEquals(Files.readString(dir.resolve("o.csv")), Files.readString(dir.resolve("o2.csv")));

        assertEquals(2, run("dedupe", csv.toString(), "--labels", labels.toString(), "--category-blocking", "--out",
                dir.resolve("o3.csv").toString(), "--quiet"));
        assertTrue(err.toString().contains("--categories CLASSIFIER.bin"), err.toString());
        Path other = dir.resolve("renamed.csv");
        Files.writeString(other, renamed);
        assertEquals(1, run("dedupe", other.toString(), "--labels", labels.toString(), "--categories",
                classifier.toString(), "--out", dir.resolve("o4.csv").toString(), "--quiet"));
        assertTrue(err.toString().contains("no column 'title' that the classifier reads"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
