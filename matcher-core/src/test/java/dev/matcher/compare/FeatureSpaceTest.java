package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureSpaceTest {
    static Table products() {
        return Table.builder("title", "brand", "price", "released", "color")
                .row("a", "Sony KDL-40V4100 40\" LCD TV black", "Sony", "899.99", "2009-03-01", "black")
                .row("b", "Sony Bravia KDL40V4100 40 inch LCD television", "sony", "879.00", "2009-01-03", null)
                .row("c", "Apple iPhone 12 64GB black", "Apple", "699", "2020-10-13", "black")
                .row("d", "Apple iPhone 12 128GB white", "Apple", "799", "2020-10-13", "white")
                .row("e", "Bose Acoustimass 5 Series III speaker system am53bk", null, null, null, "black")
                .row("f", "Canon EOS 5D Mark II 21.1MP DSLR camera body", "Canon", "2499.00", "2008-09-17", null)
                .build()
                .withKind("title", AttributeKind.STRING).withKind("brand", AttributeKind.CATEGORICAL)
                .withKind("price", AttributeKind.NUMERIC).withKind("released", AttributeKind.DATE)
                .withKind("color", AttributeKind.CATEGORICAL);
    }

    @Test
    void generatesNamedFeaturesPerKindAndWholeRecord() {
        FeatureSpace fs = FeatureSpace.builder(products(), products()).build();
        List<String> n = fs.names();
        assertEquals(fs.size(), n.size());
        for (String expected : List.of("title.jaro_winkler", "title.levenshtein", "title.tfidf_cosine",
                "title.codes_exact", "brand.tf_agree", "price.abs_diff", "price.rel_sim", "released.day_month_swap",
                "*.tfidf_cosine", "title.left_null", "brand.both_null", "variant.colour", "variant.different")) {
            assertTrue(n.contains(expected), expected + " in " + n);
        }
        assertTrue(fs.toString().contains("title: exact, levenshtein, jaro_winkler"), fs.toString());
    }

    @Test
    void valuesAreFiniteSimilaritiesInRangeAndMinusOneWhenMissing() {
        Table t = products();
        FeatureSpace fs = FeatureSpace.builder(t, t).build();
        double[] row = new double[fs.size()];
        for (int l = 0; l < t.size(); l++) {
            for (int r = 0; r < t.size(); r++) {
                fs.compute(l, r, row);
                for (int k = 0; k < row.length; k++) {
                    String name = fs.names().get(k);
                    assertTrue(Double.isFinite(row[k]), name);
                    if (!name.endsWith("_diff") && !name.endsWith("log_ratio")) {
                        assertTrue(row[k] >= -1 && row[k] <= 1, name + "=" + row[k]);
                    }
                }
            }
        }
        Map<String, Double> e = fs.explain(4, 0);              // record e has no brand, price or date
        assertEquals(-1, e.get("brand.tf_agree"));
        assertEquals(-1, e.get("price.rel_sim"));
        assertEquals(1, e.get("brand.left_null"));
        assertEquals(0, e.get("brand.right_null"));
        assertEquals(0, e.get("brand.both_null"));
        assertEquals(1, fs.explain(4, 4).get("brand.both_null"));
    }

    @Test
    void sameRecordScoresOneOnEverySimilarity() {
        FeatureSpace fs = FeatureSpace.builder(products(), products()).build();
        Map<String, Double> e = fs.explain(0, 0);
        for (String s : List.of("title.exact", "title.levenshtein", "title.jaro_winkler", "title.token_jaccard",
                "title.qgram_jaccard", "title.tfidf_cosine", "title.codes_exact", "*.tfidf_cosine", "price.rel_sim")) {
            assertEquals(1.0, e.get(s), 1e-6, s);
        }
        assertEquals(0, e.get("price.abs_diff"));
    }

    @Test
    void yearConflictLooksForYearsInAnyAttribute() {
        Table left = Table.builder("title", "venue", "year")
                .row("a", "query processing part ii", "vldb", "1999")
                .row("b", "indexing moving objects", "sigmod", "2001").build();
        Table right = Table.builder("title", "venue", "year")
                .row("x", "query processing part ii 1999", "vldb", null)      // dirty: the year moved into the title
                .row("y", "indexing moving objects", "sigmod conference 2003", null)
                .row("z", "indexing moving objects", "sigmod", null).build();
        FeatureSpace fs = FeatureSpace.builder(left, right).build();
        assertEquals(0.0, fs.explain(0, 0).get("*.year_conflict"));     // both say 1999
        assertEquals(1.0, fs.explain(1, 1).get("*.year_conflict"));     // 2001 against 2003
        assertEquals(-1.0, fs.explain(1, 2).get("*.year_conflict"));    // no year on the right
        FeatureSpace swapped = FeatureSpace.builder(right, left).build();
        for (int l = 0; l < left.size(); l++) {
            for (int r = 0; r < right.size(); r++) {
                assertEquals(fs.explain(l, r).get("*.year_conflict"), swapped.explain(r, l).get("*.year_conflict"));
            }
        }
    }

    @Test
    void authorListsGetASymmetricListSizeRatio() {
        Table left = Table.builder("title", "authors")
                .row("a", "query processing", "viswanath poosala , yannis e. ioannidis")
                .row("b", "indexing", "a natsev , y chang , j smith , k lee")
                .row("c", "reminiscences", null).build();
        Table right = Table.builder("title", "authors")
                .row("x", "query processing", "v poosala and y ioannidis")
                .row("y", "indexing", "a natsev , j smith").build();
        FeatureSpace fs = FeatureSpace.builder(left, right).build();
        FeatureSpace swapped = FeatureSpace.builder(right, left).build();
        assertEquals(1.0, fs.explain(0, 0).get("authors.list_size_ratio"));
        assertEquals(0.5, fs.explain(1, 1).get("authors.list_size_ratio"));
        assertEquals(-1.0, fs.explain(2, 1).get("authors.list_size_ratio"));
        assertTrue(fs.indexOf("title.list_size_ratio") < 0);
        for (int l = 0; l < left.size(); l++) {
            for (int r = 0; r < right.size(); r++) {
                double v = fs.explain(l, r).get("authors.list_size_ratio");
                assertTrue(v == -1 || v >= 0 && v <= 1, "ratio " + v);
                assertEquals(v, swapped.explain(r, l).get("authors.list_size_ratio"));
            }
        }
    }

    @Test
    void matchingModelNumbersAgreeDespiteFormatting() {
        Table t = products();
        FeatureSpace fs = FeatureSpace.builder(t, t).build();
        assertEquals(1, fs.explain(0, 1).get("title.codes_exact"));
        assertTrue(fs.explain(0, 1).get("*.tfidf_cosine") > fs.explain(0, 5).get("*.tfidf_cosine"));
        assertEquals(1, fs.explain(0, 1).get("released.day_month_swap"));
        assertEquals(0, fs.explain(2, 3).get("variant.colour"));       // different colours
        assertEquals(-1, fs.explain(0, 1).get("variant.colour"));      // one side silent: unknown, never equal
        assertEquals(1, fs.explain(0, 2).get("variant.colour"));       // black and black
    }

    @Test
    void linkageOfTwoTablesMatchesAttributesByName() {
        Table left = Table.builder("name", "city").row("1", "Jon Smith", "Boston").row("2", "Ann Lee", "Denver").build();
        Table right = Table.builder("city", "name", "extra").row("x", "boston", "John Smith", "q").build();
        FeatureSpace fs = FeatureSpace.builder(left, right).build();
        assertTrue(fs.names().stream().noneMatch(s -> s.startsWith("extra.")), fs.names().toString());
        Map<String, Double> e = fs.explain(0, 0);
        assertEquals(1, e.get("city.exact"));
        assertTrue(e.get("name.jaro_winkler") > 0.9);
        assertTrue(fs.explain(1, 0).get("name.jaro_winkler") < 0.7);
    }

    @Test
    void dropAndAddCustomFeatures() {
        Table t = products();
        FeatureSpace fs = FeatureSpace.builder(t, t).drop("price.abs_diff", "released.*")
                .add("title.same_length", (a, b) -> a.length() == b.length() ? 1 : 0).build();
        assertFalse(fs.names().contains("price.abs_diff"));
        assertTrue(fs.names().stream().noneMatch(s -> s.startsWith("released.") && !s.endsWith("_null")
                && !s.startsWith("released.")));
        assertTrue(fs.names().contains("price.rel_sim"));
        assertEquals(1, fs.explain(2, 2).get("title.same_length"));
        assertEquals(-1, fs.explain(4, 0).get("brand.tf_agree"));
        assertThrows(IllegalArgumentException.class, () -> FeatureSpace.builder(t, t).drop("nope.x").build());
        assertThrows(IllegalArgumentException.class, () -> FeatureSpace.builder(t, t).add("nope", (a, b) -> 1));
    }

    @Test
    void specIsSerialisableAndRebuildsTheSameSpace() throws Exception {
        Table t = products();
        FeatureSpace fs = FeatureSpace.builder(t, t).variantAttributes("color").drop("title.exact").build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(fs.spec());
        }
        FeatureSpace.Spec back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (FeatureSpace.Spec) in.readObject();
        }
        assertEquals(fs.spec(), back);
        FeatureSpace again = FeatureSpace.fromSpec(back, t, t);
        assertEquals(fs.names(), again.names());
        assertArrayEquals(fs.compute(0, 1), again.compute(0, 1), 1e-12);
    }

    @Test
    void aRebuiltSpaceHasTheSpecItWasBuiltFromVariantWordsIncluded() {
        Table t = products();
        FeatureSpace fs = FeatureSpace.builder(t, t).variantAttributes("color").variantWords("colour", "teal")
                .variantWords("finish", "matte", "glossy").build();
        FeatureSpace again = FeatureSpace.fromSpec(fs.spec(), t, t);
        assertEquals(fs.spec(), again.spec());
        for (int i = 0; i + 1 < t.size(); i++) {
            assertArrayEquals(fs.compute(i, i + 1), again.compute(i, i + 1), 0);
        }
    }

    @Test
    void computesOnlyTheFeaturesAskedForWithTheSameValues() {
        Table t = products();
        FeatureSpace full = FeatureSpace.builder(t, t).variantAttributes("color").build();
        List<String> names = full.names();
        List<Set<String>> subsets = new ArrayList<>();
        names.forEach(n -> subsets.add(Set.of(n)));                       // each feature alone
        subsets.add(Set.of("title.jaro_winkler", "*.numbers", "price.gauss", "released.levenshtein", "brand.tf_agree"));
        subsets.add(Set.of());
        for (Set<String> computed : subsets) {
            FeatureSpace part = FeatureSpace.fromSpec(full.spec(), t, t, Map.of(), computed);
            assertEquals(names, part.names());
            for (int l = 0; l < t.size(); l++) {
                double[] want = full.compute(l, (l + 1) % t.size());
                double[] got = part.compute(l, (l + 1) % t.size());
                for (int k = 0; k < names.size(); k++) {
                    assertEquals(computed.contains(names.get(k)) ? want[k] : 0, got[k], 1e-12,
                            names.get(k) + " with " + computed);
                }
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> FeatureSpace.fromSpec(full.spec(), t, t, Map.of(), Set.of("title.no_such_measure")));
    }

    @Test
    void computesManyPairsInParallelLikeOneByOne() {
        Table t = products();
        FeatureSpace fs = FeatureSpace.builder(t, t).build();
        Pairs p = Pairs.of(new int[] {0, 1, 2, 4}, new int[] {1, 2, 3, 5});
        double[][] x = fs.compute(p);
        for (int i = 0; i < p.size(); i++) {
            assertArrayEquals(fs.compute(p.left(i), p.right(i)), x[i], 0);
        }
    }

    @Test
    void variantModeIgnoresVariantWordsButNotModelNumbers() {
        Table t = products();
        FeatureSpace exact = FeatureSpace.builder(t, t).variantAttributes("color").build();
        FeatureSpace variant = FeatureSpace.builder(t, t).variantAttributes("color").neutralizeVariants(true).build();
        assertTrue(exact.names().contains("color.exact"));
        assertFalse(variant.names().contains("color.exact"));
        assertTrue(variant.names().stream().noneMatch(s -> s.startsWith("variant.")));
        // iPhone 64GB black vs 128GB white: identical titles once variant words are gone
        assertEquals(1, variant.explain(2, 3).get("title.token_jaccard"));
        assertTrue(exact.explain(2, 3).get("title.token_jaccard") < 1);
        assertEquals(0, exact.explain(2, 3).get("variant.capacity"));
        assertTrue(exact.explain(2, 3).get("variant.different") >= 1);
    }

    @Test
    void changedModelNumberStillCountsInVariantMode() {
        Table t = Table.builder("title")
                .row("1", "Sony Bravia KDL-40V4100 LCD TV black").row("2", "Sony Bravia KDL-40V4200 LCD TV white")
                .row("3", "Sony Bravia KDL-40V4100 LCD TV silver").build().withKind("title", AttributeKind.STRING);
        FeatureSpace variant = FeatureSpace.builder(t, t).neutralizeVariants(true).build();
        assertEquals(0, variant.explain(0, 1).get("title.codes_exact"));
        assertTrue(variant.explain(0, 1).get("title.token_jaccard") < 1);
        assertEquals(1, variant.explain(0, 2).get("title.codes_exact"));
        assertEquals(1, variant.explain(0, 2).get("title.token_jaccard"));
    }

    @Test
    void categoricalAgreementOnRareValuesCountsMoreAndPathsSharePrefixes() {
        Table t = Table.builder("category")
                .row("1", "Electronics > TV > LCD").row("2", "Electronics > TV > LCD").row("3", "Electronics > TV > LCD")
                .row("4", "Electronics > TV > OLED").row("5", "Electronics > Audio").row("6", "Garden")
                .row("7", "Garden > Tools").row("8", "Electronics > TV > OLED").build()
                .withKind("category", AttributeKind.CATEGORICAL);
        FeatureSpace fs = FeatureSpace.builder(t, t).build();
        assertTrue(fs.explain(3, 7).get("category.tf_agree") > fs.explain(0, 1).get("category.tf_agree"));
        assertEquals(0, fs.explain(0, 3).get("category.tf_agree"));
        assertEquals(2 / 3.0, fs.explain(0, 3).get("category.path_prefix"), 1e-12);
        assertEquals(1 / 3.0, fs.explain(0, 4).get("category.path_prefix"), 1e-12);
        assertEquals(0, fs.explain(0, 5).get("category.path_prefix"));
        assertEquals(0.5, fs.explain(5, 6).get("category.path_prefix"), 1e-12);
    }

    @Test
    void allMeasuresAndStopWordsOptions() {
        Table t = products();
        FeatureSpace all = FeatureSpace.builder(t, t).allMeasures(true).build();
        FeatureSpace some = FeatureSpace.builder(t, t).build();
        assertTrue(all.size() > some.size());
        assertTrue(all.names().containsAll(List.of("title.damerau_levenshtein", "title.lcs_subsequence",
                "title.token_dice", "title.soft_tfidf", "title.prefix")));
        Table s = Table.builder("title").row("1", "the lord of the rings").row("2", "lord rings").build()
                .withKind("title", AttributeKind.STRING);
        assertEquals(1, FeatureSpace.builder(s, s).stopWords(true).build().explain(0, 1).get("title.token_jaccard"));
        assertTrue(FeatureSpace.builder(s, s).build().explain(0, 1).get("title.token_jaccard") < 1);
    }
}
