package dev.matcher.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extraction and canonicalisation, one test per failure class of issue 17, and the guards against false hits. */
class VariantExtractorTest {
    private static final VariantExtractor X = VariantExtractor.builder().parallelism(1).build();

    /** Rows of (title, color, size, description). */
    private static Table table(String[]... rows) {
        Table.Builder b = Table.builder("title", "color", "size", "description");
        for (int i = 0; i < rows.length; i++) {
            b.row("r" + i, rows[i]);
        }
        return b.build();
    }

    private static String[] row(String title, String color, String size, String description) {
        return new String[] {title, color, size, description};
    }

    private static String[] title(String title) {
        return row(title, null, null, null);
    }

    /** The verdict of each row against row 0. */
    private static void allEqual(Dimension d, String[]... rows) {
        VariantTable v = X.extract(table(rows));
        for (int i = 1; i < rows.length; i++) {
            assertEquals(Verdict.EQUAL, v.compare(0, v, i, d),
                    d + ": " + v.describe(0) + " vs " + v.describe(i) + " (row " + i + ")");
        }
    }

    @Test
    void columnsUnderNamesThatSayNothingAreFoundByTheirValues() {
        String[] colours = {"Navy", "Heather Grey", "Black", "Sand", "Red", "White"};
        String[] sizes = {"S", "M", "EU 44", "XL", "64 GB"};          // one size column for shirts, shoes, phones
        String[] brands = {"Acme", "Rose", "Orion", "Sable", "Delta"};   // a few brands spelling colours: not 80%
        Table.Builder b = Table.builder("c1", "c2", "c3", "c4");
        for (int i = 0; i < 60; i++) {
            b.row("r" + i, brands[i % 5] + " Crew Tee " + i, colours[i % 6], sizes[i % 5], brands[i % 5]);
        }
        VariantTable v = X.extract(b.build());
        assertTrue(v.layout().contains("c2->colour") && v.layout().contains("c3->apparel_size"), v.layout());
        assertFalse(v.layout().contains("c4->"), v.layout());
        assertEquals("navy", v.value(0, Dimension.COLOUR));
        assertEquals(Verdict.DIFFERENT, v.compare(0, v, 1, Dimension.APPAREL_SIZE));
        assertEquals(Verdict.EQUAL, v.compare(0, v, 30, Dimension.COLOUR));
        assertEquals(Verdict.EQUAL, v.compare(2, v, 7, Dimension.SHOE_SIZE), v.describe(2) + " / " + v.describe(7));
        assertEquals(Verdict.EQUAL, v.compare(4, v, 9, Dimension.CAPACITY), v.describe(4) + " / " + v.describe(9));
        assertEquals(Verdict.UNKNOWN, v.compare(4, v, 2, Dimension.CAPACITY), "a shoe size says no capacity");

        Table few = Table.builder("c1", "c2").row("a", "Crew Tee", "Navy").row("b", "Crew Tee", "Black").build();
        assertFalse(X.extract(few).layout().contains("c2->"), "two values prove nothing: " + X.extract(few).layout());
    }

    @Test
    void titleAndDescriptionUnderNamesThatSayNothingAreFoundByTheirValues() {
        String[] colours = {"navy", "black", "red", "white", "sand", "olive"};
        Table.Builder b = Table.builder("c1", "c2", "c3", "c4");
        for (int i = 0; i < 60; i++) {
            // a vendor column before the title, varied enough to be a string (not a category), and a copyright line
            b.row("r" + i, "Vendor " + (i % 20), "Acme Crew Tee " + i,
                    "Crew tee " + i + " in soft combed cotton. Shown in " + colours[i % 6] + ".",
                    "2015 Acme Apparel Group for the United States and Acme International " + i % 20);
        }
        VariantTable v = X.extract(b.build());
        assertTrue(v.layout().startsWith("title=c2, description=c3"), v.layout());
        assertEquals("navy", v.value(0, Dimension.COLOUR), v.describe(0));
        assertEquals(Source.DESCRIPTION, v.source(0, Dimension.COLOUR));
        assertEquals(Verdict.DIFFERENT, v.compare(0, v, 1, Dimension.COLOUR));

        Table.Builder noProse = Table.builder("c1", "c2", "c3");
        for (int i = 0; i < 60; i++) {
            noProse.row("r" + i, "Acme Crew Tee " + i, "Vendor " + (i % 20),
                    "2015 Acme Apparel Group for the United States and Acme International " + i % 20);
        }
        assertTrue(X.extract(noProse.build()).layout().startsWith("title=c1, description=-"),
                "a long line that is no running text is no description: " + X.extract(noProse.build()).layout());
    }

    private static long code(Dimension d, String[] row) {
        return X.extract(table(row)).code(0, d);
    }

    // ---- the same value written differently --------------------------------------------------------------------

    @Test
    void coloursWrittenDifferentlyAreOneValue() {
        allEqual(Dimension.COLOUR, row("Acme Tee", "Gray", null, null), row("Acme Tee", "Heather Grey", null, null),
                row("Acme Tee", "Charcoal Grey", null, null), row("Acme Tee", "GREY", null, null),
                row("Acme Tee", "gry", null, null), row("Acme Tee", "Heather Gray", null, null));
        allEqual(Dimension.COLOUR, row("Acme Tee", "Black", null, null), row("Acme Tee", "Jet Black", null, null),
                row("Acme Tee", "Blk", null, null), row("Acme Tee", "BLACK", null, null));
        allEqual(Dimension.COLOUR, row("Acme Tee", "Navy", null, null), row("Acme Tee", "Navy Blue", null, null),
                row("Acme Tee", "NAVY", null, null), row("Acme Tee", "Nvy", null, null));
        allEqual(Dimension.COLOUR, row("Acme Tee", "Beige", null, null), row("Acme Tee", "Sand", null, null));
        allEqual(Dimension.COLOUR, row("Acme Tee", "White", null, null), row("Acme Tee", "Wht", null, null));
    }

    @Test
    void finerShadeStaysAvailable() {
        VariantTable v = X.extract(table(row("Acme Tee", "Heather Grey", null, null),
                row("Acme Tee", "Charcoal", null, null), row("Acme Tee", "Gray", null, null)));
        assertEquals("grey (heather grey)", v.value(0, Dimension.COLOUR));
        assertEquals("grey (charcoal)", v.value(1, Dimension.COLOUR));
        assertEquals("grey", v.value(2, Dimension.COLOUR));
        long a = v.code(0, Dimension.COLOUR);
        long b = v.code(1, Dimension.COLOUR);
        assertEquals(Verdict.EQUAL, VariantCode.compare(a, b));
        assertTrue(!VariantCode.sameValue(a, b) && VariantCode.sameValue(a, a));
    }

    @Test
    void apparelSizesWrittenDifferentlyAreOneValue() {
        allEqual(Dimension.APPAREL_SIZE, row("Acme Tee", null, "S", null), row("Acme Tee", null, "Small", null),
                row("Acme Tee", null, "Sm", null), row("Acme Tee", null, "size S", null),
                title("Acme Tee Size: Sm"), title("Acme Tee - Black / S"));
        allEqual(Dimension.APPAREL_SIZE, row("Acme Tee", null, "XXL", null), row("Acme Tee", null, "2XL", null),
                row("Acme Tee", null, "XX-Large", null), title("Acme Tee, Black, 2XL"));
        allEqual(Dimension.APPAREL_SIZE, row("Acme Tee", null, "XL", null), row("Acme Tee", null, "X-Large", null),
                row("Acme Tee", null, "Extra Large", null), title("Acme Tee Extra Large Black"));
    }

    @Test
    void shoeSizesWithAndWithoutScale() {
        allEqual(Dimension.SHOE_SIZE, title("Stridex Glide Running Shoe US 7"), row("Stridex Glide Running Shoe", null,
                "7.0", null), title("Stridex Glide Runner Size 7"), row("Stridex Glide Sneaker", null, "US 7", null),
                title("Stridex Glide Trainers - Black / 7"));
        allEqual(Dimension.SHOE_SIZE, title("Stridex Glide Boot EU 42"), row("Stridex Glide Boot", null, "42", null),
                title("Stridex Glide Boot 42 EU"));
        VariantTable v = X.extract(table(title("Glide Running Shoe US 7.5"), title("Glide Running Shoe US 7 1/2"),
                title("Glide Running Shoe EU 40")));
        assertEquals(Verdict.EQUAL, v.compare(0, v, 1, Dimension.SHOE_SIZE));
        assertEquals(Verdict.UNKNOWN, v.compare(0, v, 2, Dimension.SHOE_SIZE), "US and EU do not compare");
    }

    @Test
    void beddingCapacityPackAndAmount() {
        allEqual(Dimension.BEDDING_SIZE, title("Dreamy Duvet Cover Twin"), row("Dreamy Duvet Cover", null, "Single",
                null), title("Dreamy Duvet Cover, Single"));
        allEqual(Dimension.BEDDING_SIZE, title("Dreamy Sheet Set Queen"), title("Dreamy Sheet Set - Qn"),
                row("Dreamy Sheet Set", null, "Queen Size", null));
        allEqual(Dimension.BEDDING_SIZE, title("Dreamy Sheet Set King"), title("Dreamy Sheet Set (K)"));
        allEqual(Dimension.CAPACITY, title("Nova 12 Phone 64G Black"), title("Nova 12 Phone 64 GB"),
                title("Nova 12 Phone - Black / 64GB"), title("Nova 12 Phone 8GB RAM 64GB"));
        allEqual(Dimension.CAPACITY, title("Rapid SSD 1TB"), title("Rapid SSD 1000 GB"));
        allEqual(Dimension.PACK, title("Fizz Cola 2-pack"), title("Fizz Cola pack of 2"), title("Fizz Cola 2pk"),
                title("Fizz Cola x2"), title("Fizz Cola 2 x 500ml"), title("Fizz Cola Twin Pack"));
        allEqual(Dimension.AMOUNT, title("Fizz Cola 500ml"), title("Fizz Cola 0.5 l"), title("Fizz Cola 50 cl"));
        allEqual(Dimension.AMOUNT, title("Roastwell Beans 1kg"), title("Roastwell Beans 1000 g"));
        allEqual(Dimension.AMOUNT, title("Roastwell Beans 16 oz"), title("Roastwell Beans 1 lb"));
    }

    @Test
    void typosInAttributesAndSlots() {
        allEqual(Dimension.APPAREL_SIZE, row("Acme Tee", null, "Large", null), row("Acme Tee", null, "Lage", null),
                title("Acme Tee - Red / Lrage"));
        allEqual(Dimension.COLOUR, row("Acme Tee", "Black", null, null), row("Acme Tee", "BACK", null, null),
                title("Acme Tee, Blakc, M"));
        allEqual(Dimension.COLOUR, row("Acme Tee", "Purple", null, null), row("Acme Tee", "Purpel", null, null));
    }

    // ---- the value is somewhere else ---------------------------------------------------------------------------

    @Test
    void valueInTitleWhenTheColumnIsEmpty() {
        Table t = table(row("BRAND line t-shirt, Gray, XXL", "", null, null),
                row("Brand Line Tee - Navy / XL", null, " ", null),
                row("Brand Line Tee (Heather Grey) Size: Sm", null, null, null));
        VariantTable v = X.extract(t);
        assertEquals("grey", v.value(0, Dimension.COLOUR));
        assertEquals("xxl", v.value(0, Dimension.APPAREL_SIZE));
        assertEquals(Source.TITLE, v.source(0, Dimension.COLOUR));
        assertEquals("navy", v.value(1, Dimension.COLOUR));
        assertEquals("xl", v.value(1, Dimension.APPAREL_SIZE));
        assertEquals("grey (heather grey)", v.value(2, Dimension.COLOUR));
        assertEquals("s", v.value(2, Dimension.APPAREL_SIZE));
    }

    @Test
    void aColourAfterInAtTheEndOfATitleIsASlot() {
        VariantTable v = X.extract(table(row("Cozyline Queen Duvet Cover Set in Maroon", null, null, null),
                row("Lumio Note 7 Tab in Golden", null, null, null),
                row("Acme Line XL Tee in Heather Grey", null, null, null),
                row("Made in Portugal Linen Tee with a sand coloured print and long sleeves", null, null, null)));
        assertEquals("burgundy", v.value(0, Dimension.COLOUR), "a slot-only shade, read after 'in'");
        assertEquals(Source.TITLE, v.source(0, Dimension.COLOUR));
        assertEquals("gold", v.value(1, Dimension.COLOUR));
        assertEquals("grey (heather grey)", v.value(2, Dimension.COLOUR));
        assertEquals(VariantCode.UNKNOWN, v.code(3, Dimension.COLOUR), "running words far from the end stay words");
    }

    @Test
    void shownInIsAColourLabel() {
        VariantTable v = X.extract(table(row("Acme Runner", null, null, "Cushioned midsole. Shown in Sand."),
                row("Acme Runner", null, null, "Shown in Bklack."),
                row("Acme Sponges", null, null, "Shown in Blush Pink. Also available in grey.")));
        assertEquals("beige (sand)", v.value(0, Dimension.COLOUR), "a slot-only shade after the label");
        assertEquals("black", v.value(1, Dimension.COLOUR), "one typo after a label");
        assertEquals("pink (blush)", v.value(2, Dimension.COLOUR), "the stated value, not the options");
    }

    @Test
    void valueInDescription() {
        VariantTable v = X.extract(table(row("Acme Tee", null, null, "Soft cotton. Colour: Pink. Size: Sm."),
                row("Acme Tee", "pink", "S", null)));
        assertEquals("pink", v.value(0, Dimension.COLOUR));
        assertEquals(Source.DESCRIPTION, v.source(0, Dimension.COLOUR));
        assertEquals("s", v.value(0, Dimension.APPAREL_SIZE));
        assertEquals(Verdict.EQUAL, v.compare(0, v, 1, Dimension.COLOUR));
        assertEquals(Verdict.EQUAL, v.compare(0, v, 1, Dimension.APPAREL_SIZE));
        assertEquals(Source.ATTRIBUTE, v.source(1, Dimension.COLOUR));
        VariantTable shoes = X.extract(table(row("Glide Runner", null, null, "A light runner in size 8 US. Shown in red"),
                row("Glide Runner", null, null, "A light runner, also in black and white.")));
        assertEquals("US 8", shoes.value(0, Dimension.SHOE_SIZE), "a label needs no colon");
        assertEquals("red", shoes.value(0, Dimension.COLOUR), "running text naming one value");
        assertEquals(VariantCode.UNKNOWN, shoes.code(1, Dimension.COLOUR), "other colours a line comes in");
    }

    @Test
    void descriptionRunningTextNamesOneValueOrNothing() {
        VariantTable v = X.extract(table(
                row("Acme Tee", null, null, "Soft combed cotton. Shown in Pink."),
                row("Acme Tee", null, null, "Shown in blue. Also available in pink, burgundy."),
                row("Acme Tee", null, null, "Black trim on a red body."),
                row("Acme Tee", null, null, "Also available in pink, navy and grey."),
                row("Lumio Nova 12 Phone", null, null, "Read speeds up to 160 MB/s. With 512GB of storage."),
                row("Lumio Nova 12 Phone", null, null, "Read speeds up to 160 MB/s, writes 90 GB/s.")));
        assertEquals("pink", v.value(0, Dimension.COLOUR));
        assertEquals(Source.DESCRIPTION, v.source(0, Dimension.COLOUR));
        assertEquals("blue", v.value(1, Dimension.COLOUR), "a list of options is not the item's value");
        assertEquals(VariantCode.UNKNOWN, v.code(2, Dimension.COLOUR), "two values in running text say nothing");
        assertEquals(VariantCode.UNKNOWN, v.code(3, Dimension.COLOUR), "only options");
        assertEquals("512 GB", v.value(4, Dimension.CAPACITY), "a speed is no capacity");
        assertEquals(VariantCode.UNKNOWN, v.code(5, Dimension.CAPACITY));
    }

    @Test
    void attributeWinsOverText() {
        VariantTable v = X.extract(table(row("Acme Tee - Red / M", "Blue", null, null)));
        assertEquals("blue", v.value(0, Dimension.COLOUR));
        assertEquals(Source.ATTRIBUTE, v.source(0, Dimension.COLOUR));
        assertEquals("m", v.value(0, Dimension.APPAREL_SIZE));
    }

    @Test
    void unknownAttributeValuesEqualThemselvesOnly() {
        VariantTable v = X.extract(table(row("Acme Tee", "Fjord Mist", null, null),
                row("Acme Tee", "fjord  mist", null, null), row("Acme Tee", "Dusk", null, null),
                row("Acme Tee", "Black", null, null), row("Acme Tee", "3XKL", "3XKL", null)));
        assertEquals(Verdict.EQUAL, v.compare(0, v, 1, Dimension.COLOUR));
        assertEquals(Verdict.DIFFERENT, v.compare(0, v, 2, Dimension.COLOUR), "two words of the shop's own");
        assertEquals("dusk", v.value(2, Dimension.COLOUR));
        assertEquals(Verdict.UNKNOWN, v.compare(2, v, 3, Dimension.COLOUR), "a shop's name may be black");
        assertEquals(Verdict.UNKNOWN, v.compare(3, v, 4, Dimension.COLOUR), "a typo may be anything");
    }

    @Test
    void twoToneIsItsOwnValue() {
        VariantTable v = X.extract(table(title("Acme Hoodie - Black/White / L"), row("Acme Hoodie", "White & Black",
                "L", null), title("Acme Hoodie - Black / L")));
        assertEquals(Verdict.EQUAL, v.compare(0, v, 1, Dimension.COLOUR));
        assertEquals(Verdict.DIFFERENT, v.compare(0, v, 2, Dimension.COLOUR));
    }

    // ---- one side does not say it ------------------------------------------------------------------------------

    @Test
    void silentSideIsUnknownNeverEqual() {
        VariantTable v = X.extract(table(title("Acme Line Tee - Navy / XL"), title("Acme Line Tee"),
                title("Acme Line Tee Navy")));
        assertEquals(Verdict.UNKNOWN, v.compare(0, v, 1, Dimension.COLOUR));
        assertEquals(Verdict.UNKNOWN, v.compare(1, v, 1, Dimension.COLOUR), "unknown is not equal even to itself");
        assertEquals(Verdict.UNKNOWN, v.compare(0, v, 2, Dimension.APPAREL_SIZE));
        assertEquals(Source.NONE, v.source(1, Dimension.COLOUR));
        assertNull(v.value(1, Dimension.COLOUR));
        assertEquals(Verdict.EQUAL, v.compare(0, v, 2, Dimension.COLOUR));
    }

    // ---- guards: no value where there is none ------------------------------------------------------------------

    @Test
    void shortAndAmbiguousWordsDoNotCollide() {
        VariantTable v = X.extract(table(title("Apple iPhone XS 64GB"), title("LG OLED TV 55 inch"),
                title("Rose Garden Shears"), title("Acme Back Pack"), title("Luxe Sheets 400 Thread Count"),
                title("Orbis Nova 5G Phone"), title("Highland Single Origin Coffee 250g"),
                title("Samsung SM-G991B Galaxy S21"), title("Memory Foam Pillow"), title("Pine Cone Candle")));
        for (int i = 0; i < v.size(); i++) {
            assertEquals(VariantCode.UNKNOWN, v.code(i, Dimension.APPAREL_SIZE), v.describe(i));
            assertEquals(VariantCode.UNKNOWN, v.code(i, Dimension.BEDDING_SIZE), v.describe(i));
            assertEquals(VariantCode.UNKNOWN, v.code(i, Dimension.COLOUR), v.describe(i));
            assertEquals(VariantCode.UNKNOWN, v.code(i, Dimension.PACK), v.describe(i));
        }
        assertEquals("250 g", v.value(6, Dimension.AMOUNT));
        assertEquals(VariantCode.UNKNOWN, v.code(5, Dimension.AMOUNT), "5G is a network");
        assertEquals("64 GB", v.value(0, Dimension.CAPACITY));
    }

    @Test
    void typoNeedsFourLettersAndOneCloseValue() {
        Vocabulary v = Vocabulary.builtIn();
        assertEquals(VariantCode.UNKNOWN, v.code(Dimension.COLOUR, "rad"), "three letters: no typo lookup");
        assertEquals(VariantCode.UNKNOWN, v.code(Dimension.COLOUR, "pine"), "a substitution in a short word");
        assertEquals(v.code(Dimension.COLOUR, "black"), v.code(Dimension.COLOUR, "back"));
        assertEquals(v.code(Dimension.APPAREL_SIZE, "large"), v.code(Dimension.APPAREL_SIZE, "lage"));
    }

    @Test
    void stripLeavesTheProductLine() {
        assertEquals("brand line tee", X.strip("Brand Line Tee - Navy / XL"));
        assertEquals("brand line tee", X.strip("Brand Line Tee (Heather Grey) Size: Sm"));
        assertEquals("nova 12 phone", X.strip("Nova 12 Phone 128GB Midnight Black"));
        assertEquals("fizz cola", X.strip("Fizz Cola 6-pack 330ml"));
    }

    @Test
    void explainShowsBothValuesSourcesAndVerdict() {
        VariantTable v = X.extract(table(row("Acme Tee", "Heather Grey", "M", null), title("Acme Tee, Gray, L")));
        List<VariantTable.Comparison> e = v.explain(0, v, 1);
        assertEquals(2, e.size());
        assertEquals("colour: grey (heather grey) [attribute] vs grey [title] -> EQUAL", e.get(0).toString());
        assertEquals("apparel_size: m [attribute] vs l [title] -> DIFFERENT", e.get(1).toString());
    }

    @Test
    void namedAttributesAndDimensions() {
        Table t = Table.builder("name", "shade", "flavour")
                .row("a", "Fizz Cola 330ml", "Teal", "Vanille").row("b", "Fizz Cola 330ml", "turquoise", "vanilla")
                .build();
        Dimension flavour = Dimension.of("flavour");
        VariantExtractor x = VariantExtractor.builder()
                .vocabulary(Vocabulary.builtIn().withValue(flavour, "vanilla", "vanille"))
                .attribute("shade", Dimension.COLOUR).parallelism(1).build();
        VariantTable v = x.extract(t);
        assertEquals(Verdict.EQUAL, v.compare(0, v, 1, Dimension.COLOUR));
        assertEquals(Verdict.EQUAL, v.compare(0, v, 1, flavour));
        assertEquals("vanilla", v.value(0, flavour));
        assertTrue(v.layout().contains("flavour->flavour"), v.layout());
    }

    // ---- learning ----------------------------------------------------------------------------------------------

    @Test
    void learnsSynonymsStatedTwiceInOneListing() {
        Table t = table(row("Acme Tee Dune", "Dune", null, null), row("Acme Tee - Beige / M", "Dune", null, null),
                row("Acme Polo, Beige, L", "Dune", null, null), row("Acme Cap Beige", "dune", null, null),
                row("Acme Tee", "Dune", null, null), row("Acme Tee", "Beige", null, null));
        VariantTable before = X.extract(t);
        assertEquals(Verdict.UNKNOWN, before.compare(4, before, 5, Dimension.COLOUR));
        VariantExtractor learned = X.learn(t);
        VariantTable after = learned.extract(t);
        assertEquals(Verdict.EQUAL, after.compare(4, after, 5, Dimension.COLOUR), learned.learned().toString());
        assertEquals("beige (dune)", after.value(4, Dimension.COLOUR));
        assertTrue(learned.learned().get(0).contains("'dune' is 'beige'"), learned.learned().toString());
    }

    /** {@code n} rows of one colour and size column value each. */
    private static List<String[]> rows(int n, String color, String size) {
        List<String[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(row("Acme Tee " + i, color, size, null));
        }
        return out;
    }

    private static Table table(List<String[]> rows) {
        return table(rows.toArray(new String[0][]));
    }

    /** A table's values before and after learning from it. */
    private record Learned(VariantTable before, VariantExtractor extractor, VariantTable after) {
        static Learned from(List<String[]> rows) {
            Table t = table(rows);
            VariantExtractor x = X.learn(t);
            return new Learned(X.extract(t), x, x.extract(t));
        }
    }

    @Test
    void learnsTyposOfCommonValuesFromTheRecords() {
        List<String[]> r = new java.util.ArrayList<>(rows(12, "Grey", null));
        r.addAll(rows(12, "Blue", null));
        r.add(row("Acme Tee", "Hrey", null, null));        // a slip on the first letter: no built-in typo
        r.add(row("Acme Tee", "Nlue", null, null));
        r.add(row("Acme Tee", "Fjord", null, null));       // a shop's own name: no common value one edit away
        Learned l = Learned.from(r);
        assertEquals(Verdict.UNKNOWN, l.before().compare(0, l.before(), 24, Dimension.COLOUR));
        VariantExtractor learned = l.extractor();
        VariantTable after = l.after();
        assertEquals(Verdict.EQUAL, after.compare(0, after, 24, Dimension.COLOUR), learned.learned().toString());
        assertEquals(Verdict.EQUAL, after.compare(12, after, 25, Dimension.COLOUR));
        assertEquals(Verdict.UNKNOWN, after.compare(0, after, 26, Dimension.COLOUR));
        assertTrue(learned.learned().contains("colour: 'hrey' is 'grey' (a typo: 1 listings against 12)"),
                learned.learned().toString());

        List<String[]> few = new java.util.ArrayList<>(rows(5, "Grey", null));
        few.addAll(rows(2, "Hrey", null));
        assertEquals(List.of(), X.learn(table(few)).learned(), "the common value must dominate");

        // a learned typo is grey itself and never the target of another slip: 'gree' (one from 'green') stays green,
        // though one keyboard slip from the learned 'gred' too (the CI failure of stop 25, shrunk by jqwik)
        List<String[]> slips = new java.util.ArrayList<>(rows(10, "Grey", null));
        slips.add(row("Acme Tee", "Gred", null, null));
        slips.add(row("Acme Tee", "Gree", null, null));
        Learned s = Learned.from(slips);
        assertEquals(Verdict.DIFFERENT, s.before().compare(0, s.before(), 11, Dimension.COLOUR));
        assertEquals(Verdict.DIFFERENT, s.after().compare(0, s.after(), 11, Dimension.COLOUR),
                s.extractor().learned().toString());
        assertEquals(Verdict.EQUAL, s.after().compare(0, s.after(), 10, Dimension.COLOUR));
        assertEquals(s.after().code(0, Dimension.COLOUR), s.after().code(10, Dimension.COLOUR), "no shade of its own");
    }

    @Test
    void learnsTheConversionBetweenTwoScalesFromListingsThatStateBoth() {
        List<String[]> r = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {               // the title in US sizes, the size column in EU sizes
            r.add(row("Arden Drift 7 Runner US 8", null, "EU 41", null));
            r.add(row("Arden Drift 7 Runner US 9", null, "EU 42.5", null));
        }
        r.add(row("Arden Drift 7 Runner", null, "US 8", null));        // row 6
        r.add(row("Arden Drift 7 Runner", null, "EU 41", null));       // row 7: the same size
        r.add(row("Arden Drift 7 Runner", null, "EU 42.5", null));     // row 8: another size
        r.add(row("Arden Drift 7 Runner", null, "US 11", null));       // row 9: never stated beside an EU size
        r.add(row("Arden Drift 7 Runner", null, "EU 44", null));       // EU is the scale more listings state
        Learned l = Learned.from(r);
        assertEquals(Verdict.UNKNOWN, l.before().compare(6, l.before(), 7, Dimension.SHOE_SIZE));
        VariantTable after = l.after();
        assertEquals(Verdict.EQUAL, after.compare(6, after, 7, Dimension.SHOE_SIZE), l.extractor().learned().toString());
        assertEquals(Verdict.DIFFERENT, after.compare(6, after, 8, Dimension.SHOE_SIZE));
        assertEquals(Verdict.UNKNOWN, after.compare(9, after, 7, Dimension.SHOE_SIZE), "no chart for US 11: unknown");
        assertEquals("EU 41", after.value(6, Dimension.SHOE_SIZE), "values convert to the scale more listings state");
        assertTrue(l.extractor().learned().contains("shoe_size: 'US 8' is 'EU 41' (3 of 3 listings stating both scales)"),
                l.extractor().learned().toString());

        // listings that disagree on the chart teach nothing
        List<String[]> mixed = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            mixed.add(row("Arden Drift 7 Runner US 8", null, "EU 41", null));
            mixed.add(row("Arden Drift 7 Runner US 8.5", null, "EU 41", null));
        }
        assertTrue(X.learn(table(mixed)).learned().stream().noneMatch(n -> n.contains("scales")),
                X.learn(table(mixed)).learned().toString());
    }

    @Test
    void learnsTyposInsideNumbersOnlyNearADominantValue() {
        List<String[]> r = new java.util.ArrayList<>(rows(12, null, "512GB"));
        r.add(row("Lumio Nova Phone", null, "522GB", null));
        r.add(row("Lumio Nova Phone", null, "500GB", null));     // two edits: a value of its own
        Learned l = Learned.from(r);
        assertEquals(Verdict.DIFFERENT, l.before().compare(0, l.before(), 12, Dimension.CAPACITY));
        VariantTable after = l.after();
        assertEquals(Verdict.EQUAL, after.compare(0, after, 12, Dimension.CAPACITY), l.extractor().learned().toString());
        assertEquals("512 GB", after.value(12, Dimension.CAPACITY));
        assertEquals(Verdict.DIFFERENT, after.compare(0, after, 13, Dimension.CAPACITY));

        List<String[]> near = new java.util.ArrayList<>(rows(3, null, "512GB"));
        near.add(row("Lumio Nova Phone", null, "522GB", null));
        near.addAll(rows(12, null, "32GB"));
        near.add(row("Lumio Nova Phone", null, "2GB", null));    // one edit from 32 GB and from nothing else...
        near.addAll(rows(12, null, "42GB"));                     // ...and from 42 GB: two candidates, no choice
        VariantExtractor none = X.learn(table(near));
        assertEquals(List.of(), none.learned(), "no dominant value, or two");
    }

    @Test
    void synonymsFromLabelsAreReportedForTheModelFile() {
        Table t = oysters();
        assertEquals(java.util.Map.of(Dimension.COLOUR, List.of("oyster=white")), X.synonyms(t, t, OYSTER_LABELS));
        VariantExtractor stated = X.withVocabulary(X.vocabulary().withSynonym(Dimension.COLOUR, "Oyster", "white"));
        VariantTable v = stated.extract(t);
        assertEquals(Verdict.EQUAL, v.compare(0, v, 1, Dimension.COLOUR));
        assertEquals(Verdict.DIFFERENT, v.compare(0, v, 6, Dimension.COLOUR));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> X.vocabulary().withSynonym(Dimension.COLOUR, "oyster", "flame red"));
        assertTrue(e.getMessage().contains("'flame red' is no value of colour"), e.getMessage());
    }

    @Test
    void labelsSplitShadesThatNonMatchesShowApart() {
        Table t = table(row("Acme Heavy Tee", "Charcoal", "M", null), row("Acme Heavy Tee", "Heather Grey", "M", null),
                row("Acme Heavy Tee", "Charcoal", "L", null), row("Acme Heavy Tee", "Heather Grey", "L", null),
                row("Kestrel Tee", "Charcoal", "S", null), row("Kestrel Tee", "Heather Grey", "S", null),
                row("Kestrel Tee", "Grey", "S", null), row("Kestrel Tee", "Charcoal", "XL", null));
        VariantTable before = X.extract(t);
        assertEquals(Verdict.EQUAL, before.compare(0, before, 1, Dimension.COLOUR));
        LabelledPairs labels = new LabelledPairs(Pairs.of(new int[] {0, 2, 4, 4}, new int[] {1, 3, 5, 7}),
                new boolean[] {false, false, false, false});
        VariantExtractor learned = X.learn(t, t, labels);
        VariantTable after = learned.extract(t);
        assertEquals(Verdict.DIFFERENT, after.compare(0, after, 1, Dimension.COLOUR), learned.learned().toString());
        assertEquals(Verdict.EQUAL, after.compare(0, after, 2, Dimension.COLOUR));
        assertEquals(Verdict.UNKNOWN, after.compare(4, after, 6, Dimension.COLOUR), "plain grey: either shade");
        assertEquals(List.of("colour: shades of 'grey' differ (3 non-matching pairs against 0 matching)"),
                learned.learned());
        VariantExtractor outvoted = X.learn(t, t, new LabelledPairs(Pairs.of(new int[] {0, 2, 4, 0, 2, 4},
                new int[] {1, 3, 5, 1, 3, 5}), new boolean[] {false, false, false, true, true, true}));
        assertEquals(List.of(), outvoted.learned(), "as many matches say the shades are one");
    }

    @Test
    void otherwiseIdenticalListingsTeachNothing() {
        Table t = table(title("Acme Tee - Charcoal / M"), title("Acme Tee - Heather Grey / M"),
                title("Acme Tee - Jet Black / M"), title("Acme Tee - Black / M"), title("Acme Tee - Storm / M"),
                title("Acme Tee - Grey / M"), title("Acme Tee - Storm / L"), title("Acme Tee - Grey / L"),
                title("Acme Tee - Storm / S"), title("Acme Tee - Grey / S"));
        assertEquals(List.of(), X.learn(t).learned(), "a shop's two colours and two shops' one colour look alike");
    }

    /** Three shops' Oyster beside another shop's Off White of one shirt, and a red one. */
    private static Table oysters() {
        return table(row("Acme Tee", "Oyster", "M", null), row("Acme Tee", "Off White", "M", null),
                row("Kestrel Tee", "Oyster", "L", null), row("Kestrel Tee", "Off-White", "L", null),
                row("Halden Tee", "oyster", "S", null), row("Halden Tee", "off white", "S", null),
                row("Halden Tee", "Red", "S", null));
    }

    /** The three Oyster / Off White pairs match; Oyster and Red do not. */
    private static final LabelledPairs OYSTER_LABELS = new LabelledPairs(
            Pairs.of(new int[] {0, 2, 4, 4}, new int[] {1, 3, 5, 6}), new boolean[] {true, true, true, false});

    @Test
    void learnsSynonymsFromLabelledMatches() {
        Table t = oysters();
        VariantTable before = X.extract(t);
        assertEquals(Verdict.UNKNOWN, before.compare(0, before, 1, Dimension.COLOUR));
        VariantExtractor learned = X.learn(t, t, OYSTER_LABELS);
        VariantTable after = learned.extract(t);
        assertEquals(Verdict.EQUAL, after.compare(0, after, 1, Dimension.COLOUR), learned.learned().toString());
        assertEquals("white (oyster)", after.value(0, Dimension.COLOUR));
        assertEquals(Verdict.DIFFERENT, after.compare(4, after, 6, Dimension.COLOUR));
        assertEquals(1, learned.learned().size(), learned.learned().toString());
        VariantExtractor tooFew = X.learn(t, t, new LabelledPairs(Pairs.of(new int[] {0}, new int[] {1}),
                new boolean[] {true}));
        assertEquals(List.of(), tooFew.learned());
    }
}
