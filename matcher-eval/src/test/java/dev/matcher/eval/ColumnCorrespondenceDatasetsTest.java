package dev.matcher.eval;

import dev.matcher.compare.ColumnCorrespondence;
import dev.matcher.compare.ColumnCorrespondence.Group;
import dev.matcher.eval.transform.Transformation.Side;
import dev.matcher.eval.transform.Transformations;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On every linkage dataset of the shared folder, the right table's columns renamed to random names and shuffled:
 * the correspondence must find the identity, and leave a right column the left table lacks unmatched
 * ({@code ./mvnw -B verify -Pdatasets -Dmatcher.datasets=DIR}). Prints
 * per dataset the pairs found. The exceptions below are columns whose identity the data cannot show:
 * <ul>
 * <li>ProMap: {@code image_url} and {@code image_urls_json} hold links to each shop's own image host (no word in
 * common between the sources, so neither anchors nor values tie them; their names were the only evidence), and
 * {@code image_count} counts images per shop (the counts of a product's two listings are unrelated);</li>
 * <li>ProMap EN: Walmart's {@code short_description} says what Amazon's {@code long_description} says and the other
 * way round (anchors agree 63% crossed against 42% straight), so the data pair them crossed.</li>
 * </ul>
 */
@Tag("datasets")
class ColumnCorrespondenceDatasetsTest {
    private static final Map<String, Set<String>> CANNOT = Map.of(
            "promap_en", Set.of("image_url", "image_urls_json", "image_count", "short_description", "long_description"),
            "promap_cz", Set.of("image_url", "image_urls_json", "image_count"));

    @Test
    void randomNamesInAnotherOrderGiveBackTheIdentity() throws IOException {
        List<Path> linkage;
        try (Stream<Path> s = Files.list(BenchmarkDataset.folder())) {
            linkage = s.filter(p -> Files.exists(p.resolve("right.csv"))).sorted().toList();
        }
        assertTrue(linkage.size() >= 1, "no linkage datasets under " + BenchmarkDataset.folder());
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (Path folder : linkage) {
            BenchmarkDataset d = BenchmarkDataset.load(folder);
            BenchmarkDataset renamed = Transformations.renameRandom(Side.RIGHT, 17).apply(d);
            Map<String, String> original = new HashMap<>();      // random name -> original name
            for (int a = 0; a < d.right().schema().size(); a++) {
                original.put(renamed.right().schema().get(a).name(), d.right().schema().get(a).name());
            }
            BenchmarkDataset shuffled = Transformations.reorderColumns(Side.RIGHT, 18).apply(renamed);
            ColumnCorrespondence c = ColumnCorrespondence.of(shuffled.left(), shuffled.right());
            Map<String, String> found = new TreeMap<>();
            for (Group g : c.groups()) {
                String right = String.join("+", g.right().stream().map(original::get).toList());
                found.put(String.join("+", g.left()), right);
            }
            List<String> right = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (String l : d.left().schema().names()) {
                String expected = d.right().schema().indexOf(l) >= 0 ? l : null;
                String got = found.get(l);
                boolean ok = expected == null ? got == null : expected.equals(got);
                (ok ? right : wrong).add(l + "~" + got);
                if (!ok && !CANNOT.getOrDefault(d.name(), Set.of()).contains(l)) {
                    failures.add(d.name() + ": " + l + " paired with " + got + ", expected " + expected);
                }
            }
            for (String r : d.right().schema().names()) {
                if (d.left().schema().indexOf(r) < 0 && found.containsValue(r)) {
                    failures.add(d.name() + ": right " + r + " has no counterpart but was paired");
                    wrong.add("?~" + r);
                }
            }
            report.append(String.format("%-30s %2d/%2d right; wrong: %s%n", d.name(), right.size(),
                    right.size() + wrong.size(), wrong));
        }
        System.out.print(report);
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + report);
    }
}
