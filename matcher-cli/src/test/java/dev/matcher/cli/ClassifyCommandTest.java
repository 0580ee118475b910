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
}
