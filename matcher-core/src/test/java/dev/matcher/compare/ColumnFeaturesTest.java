package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Features over a column correspondence: equal names unchanged, renamed columns compared as before. */
class ColumnFeaturesTest {
    private static final String[] BRANDS = {"sony", "bose", "apple", "canon", "nikon", "philips", "samsung", "lg"};
    private static final String[] NOUNS = {"speaker", "camera", "lens", "monitor", "headphones", "tablet", "phone",
        "charger", "cable", "keyboard", "mouse", "router", "printer", "scanner", "projector", "microphone"};
    private static final int N = 200;

    /** The same products twice, the right copy in reverse order, its columns named as given. */
    private static Table[] shops(String... rightNames) {
        Random r = new Random(11);
        Table.Builder left = Table.builder("title", "brand", "price").name("left");
        Table.Builder right = Table.builder(rightNames).name("right");
        List<String[]> items = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            String brand = BRANDS[r.nextInt(BRANDS.length)];
            items.add(new String[] {brand + " " + (char) ('a' + r.nextInt(26)) + (100 + r.nextInt(900)) + " "
                    + NOUNS[r.nextInt(NOUNS.length)] + " " + NOUNS[r.nextInt(NOUNS.length)], brand,
                String.format(Locale.ROOT, "%.2f", 20 + r.nextDouble() * 900)});
            left.row("a" + i, items.get(i)[0], items.get(i)[1], items.get(i)[2]);
        }
        for (int i = N - 1; i >= 0; i--) {
            String[] it = items.get(i);
            right.row("b" + i, it[0] + (i % 3 == 0 ? " new" : ""), it[1], it[2]);
        }
        return new Table[] {left.build().withKind("price", AttributeKind.NUMERIC),
            right.build().withKind(rightNames[2], AttributeKind.NUMERIC)};
    }

    private static void assertSameVectors(FeatureSpace a, FeatureSpace b) {
        double[] x = new double[a.size()];
        double[] y = new double[b.size()];
        for (int l = 0; l < N; l += 7) {
            for (int r = 0; r < N; r += 5) {
                a.compute(l, r, x);
                b.compute(l, r, y);
                assertArrayEquals(x, y, "pair " + l + ", " + r);
            }
        }
    }

    @Test
    void equalColumnNamesGiveExactlyTheFeaturesOfEqualNames() {
        Table[] t = shops("title", "brand", "price");
        FeatureSpace auto = FeatureSpace.builder(t[0], t[1]).build();
        FeatureSpace byName = FeatureSpace.builder(t[0], t[1]).legacyColumns().build();
        assertEquals(byName.names(), auto.names());
        assertSameVectors(byName, auto);
        assertEquals(ColumnCorrespondence.byName(t[0].schema(), t[1].schema()), auto.spec().columns());
        // the same columns in another order: the equal names still pair, in the left table's order
        Table right = Table.builder("price", "title", "brand").name("right").row("b0", "1", "x y", "x").build();
        FeatureSpace reordered = FeatureSpace.builder(t[0], right).build();
        assertEquals(List.of("title", "brand", "price"), List.copyOf(reordered.spec().kinds().keySet()));
        assertEquals(FeatureSpace.builder(t[0], right).legacyColumns().build().names(), reordered.names());
    }

    @Test
    void renamedColumnsGiveTheSameValuesUnderTheirNewNames() {
        Table[] same = shops("title", "brand", "price");
        Table[] renamed = shops("name", "manufacturer", "cost");
        FeatureSpace a = FeatureSpace.builder(same[0], same[1]).build();
        FeatureSpace b = FeatureSpace.builder(renamed[0], renamed[1]).build();
        ColumnCorrespondence c = b.spec().columns();
        assertEquals(List.of("name"), c.groupOfLeft("title").orElseThrow().right(), c.toString());
        assertEquals(List.of("manufacturer"), c.groupOfLeft("brand").orElseThrow().right(), c.toString());
        assertEquals(List.of("cost"), c.groupOfLeft("price").orElseThrow().right(), c.toString());
        List<String> renamedBack = b.names().stream().map(n -> n.replace("title~name", "title")
                .replace("brand~manufacturer", "brand").replace("price~cost", "price")).toList();
        assertEquals(a.names(), renamedBack);
        assertTrue(b.names().contains("title~name.jaro_winkler"), b.names().toString());
        assertSameVectors(a, b);
        // rebuilt from its spec on the same tables: same features, same values
        assertSameVectors(b, FeatureSpace.fromSpec(b.spec(), renamed[0], renamed[1]));
    }

    @Test
    void tablesSharingNoColumnNameAndNoEvidenceStillCompareWholeRecords() {
        Table left = Table.builder("title").row("a", "sony kdl40 tv").row("b", "apple iphone").build();
        Table right = Table.builder("x1").row("c", "sony kdl 40 television").row("d", "apple iphone 12").build();
        FeatureSpace fs = FeatureSpace.builder(left, right)
                .columns(ColumnCorrespondence.builder(left, right).minScore(1).build()).build();
        assertTrue(fs.names().contains("*.tfidf_cosine"), fs.names().toString());
        double[] x = new double[fs.size()];
        fs.compute(0, 0, x);
        double same = x[fs.indexOf("*.tfidf_cosine")];
        fs.compute(0, 1, x);
        assertTrue(same > x[fs.indexOf("*.tfidf_cosine")], same + " vs " + x[fs.indexOf("*.tfidf_cosine")]);
    }

    @Test
    void unmatchedColumnsJoinTheWholeRecordButEqualNamesKeepTheirFeatures() {
        Table left = Table.builder("title", "price").row("a", "sony kdl40 tv", "10").row("b", "apple iphone", "20")
                .build();
        Table right = Table.builder("title", "price", "maker").row("c", "kdl40 tv", "10", "sony")
                .row("d", "iphone", "20", "apple").build();
        FeatureSpace withMaker = FeatureSpace.builder(left, right).build();
        FeatureSpace legacy = FeatureSpace.builder(left, right).legacyColumns().build();
        assertEquals(legacy.names(), withMaker.names());
        double[] x = new double[withMaker.size()];
        double[] y = new double[legacy.size()];
        withMaker.compute(0, 0, x);
        legacy.compute(0, 0, y);
        int title = withMaker.indexOf("title.jaro_winkler");
        assertEquals(y[title], x[title]);
        int whole = withMaker.indexOf("*.token_jaccard");
        assertTrue(x[whole] > y[whole], "maker 'sony' joins the right record: " + x[whole] + " vs " + y[whole]);
    }

    @Test
    void oneToManyGroupsCompareTheJoinedValues() {
        Table left = Table.builder("first", "last", "city").row("a", "anna", "bauer", "berlin")
                .row("b", "ben", "conrad", "hamburg").build();
        Table right = Table.builder("full_name", "town").row("c", "anna bauer", "berlin")
                .row("d", "ben konrad", "hamburg").build();
        ColumnCorrespondence c = ColumnCorrespondence.builder(left, right).align("first", "full_name")
                .align("last", "full_name").align("city", "town").build();
        FeatureSpace fs = FeatureSpace.builder(left, right).columns(c).build();
        assertTrue(fs.names().contains("first+last~full_name.exact"), fs.names().toString());
        assertEquals(1.0, fs.explain(0, 0).get("first+last~full_name.exact"));
        assertEquals(0.0, fs.explain(1, 1).get("first+last~full_name.exact"));
    }
}
