package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;

/** {@code attr.value_rarity}: 1 / records holding the more common value, counted over both tables. */
class ValueRarityTest {
    private static Table papers(String... titles) {
        Table.Builder b = Table.builder("title", "year");
        for (int i = 0; i < titles.length; i++) {
            b.row("p" + i, titles[i], "2001");
        }
        return b.build().withKind("title", AttributeKind.STRING);
    }

    @Test
    void recurringValuesAreWeakEvidence() {
        Table left = papers("Editorial", "Query processing in a nutshell", "editorial", null);
        Table right = papers("editorial", "query processing : in a nutshell", "Keynote address");
        FeatureSpace fs = FeatureSpace.builder(left, right).build();
        // "editorial" is held by 3 records (2 left, 1 right), whatever the case and punctuation
        assertEquals(1.0 / 3, fs.explain(0, 0).get("title.value_rarity"), 1e-12);
        assertEquals(1.0 / 3, fs.explain(2, 0).get("title.value_rarity"), 1e-12);
        // the nutshell title once per table: 2 records
        assertEquals(0.5, fs.explain(1, 1).get("title.value_rarity"), 1e-12);
        // different values: the more common one counts
        assertEquals(1.0 / 3, fs.explain(0, 2).get("title.value_rarity"), 1e-12);
        assertEquals(1.0 / 2, fs.explain(1, 2).get("title.value_rarity"), 1e-12);
        assertEquals(-1.0, fs.explain(3, 0).get("title.value_rarity"));
    }

    @Test
    void deduplicationCountsEachRecordOnce() {
        Table t = papers("editorial", "editorial", "unique title");
        FeatureSpace fs = FeatureSpace.builder(t, t).build();
        assertEquals(0.5, fs.explain(0, 1).get("title.value_rarity"), 1e-12);
        assertEquals(0.5, fs.explain(0, 2).get("title.value_rarity"), 1e-12);
        assertEquals(1.0, fs.explain(2, 2).get("title.value_rarity"), 1e-12);
    }

    @Test
    void variantModeCountsTheColoursAndSizesOfOneProductAsOneValue() {
        Table t = papers("Halden hoodie navy XS", "Halden hoodie red XL", "Halden hoodie navy XS", "Other shirt");
        FeatureSpace exact = FeatureSpace.builder(t, t).build();
        FeatureSpace variant = FeatureSpace.builder(t, t).neutralizeVariants(true).build();
        // EXACT: the navy XS listing is held twice, the red XL once
        assertEquals(0.5, exact.explain(0, 1).get("title.value_rarity"), 1e-12);
        assertEquals(1.0, exact.explain(1, 1).get("title.value_rarity"), 1e-12);
        // VARIANT: all three are "halden hoodie"
        assertEquals(1.0 / 3, variant.explain(0, 1).get("title.value_rarity"), 1e-12);
        assertEquals(1.0 / 3, variant.explain(1, 1).get("title.value_rarity"), 1e-12);
    }

    @Test
    void onlyStringAttributesGetIt() {
        Table t = papers("a b", "c d").withKind("title", AttributeKind.TEXT);
        FeatureSpace fs = FeatureSpace.builder(t, t).build();
        assertTrue(fs.indexOf("title.value_rarity") < 0, fs.names().toString());
        assertTrue(fs.indexOf("title.abbreviation") < 0, fs.names().toString());
        FeatureSpace strings = FeatureSpace.builder(t.withKind("title", AttributeKind.STRING), t)
                .build();
        assertTrue(strings.indexOf("title.abbreviation") >= 0, strings.names().toString());
    }
}
