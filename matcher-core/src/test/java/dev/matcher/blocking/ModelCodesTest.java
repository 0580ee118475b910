package dev.matcher.blocking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Pairs;
import dev.matcher.data.Schema;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCodesTest {
    private static List<String> keys(String value) {
        return Arrays.asList(ModelCodes.keys(value));
    }

    @Test
    void coresDropSuffixesAndTailsDropSizePrefixes() {
        assertTrue(keys("Samsung UE65NU7100K 65\" 4K TV").containsAll(List.of("ue65nu7100", "nu7100")));
        assertTrue(keys("samsung ue65nu7100kxxu").containsAll(List.of("ue65nu7100", "nu7100")));
        assertTrue(keys("Samsung 65 NU7100 LED TV").contains("nu7100"));
        assertTrue(keys("Sony KD-49XF8096BU").containsAll(List.of("kd49xf8096", "xf8096")));
        assertTrue(keys("Apple MQ8N2B/A iPhone 8 Plus").contains("mq8n2"));
    }

    @Test
    void quantitiesNumbersAndPlainWordsAreNoCodes() {
        assertArrayEquals(new String[0], ModelCodes.keys("apple iphone 8 plus 64gb 128 gb 1000mah gold"));
        assertArrayEquals(new String[0], ModelCodes.keys("ean 4006381333931"));
        assertArrayEquals(new String[0], ModelCodes.keys(null));
    }

    @Test
    void oneModelsOffersMeetThroughTheirCodeCores() {
        Table offers = Table.builder("title")
                .row("a", "Samsung UE55NU8000T 55\" 4K Ultra HD smart TV wi-fi black silver")
                .row("b", "samsung ue55nu8000txxu hdr certified television")
                .row("c", "LG OLED55B8PLA 55 inch OLED")
                .row("d", "philips 55pus6753 55 inch").build();
        Pairs p = Blockers.standard(KeyFunctions.modelCodes()).candidates(Task.deduplication(offers));
        assertArrayEquals(new long[] {Pairs.pack(0, 1)}, new long[] {p.packed(0)});
        assertTrue(p.size() == 1, p.toString());
    }

    /**
     * Typos in columns of names (OCR: {@code macdona1d}, one value in ten) and identifiers are not model codes: those
     * columns give no keys.
     */
    @Test
    void namesAndIdentifiersGiveNoKeysTitlesDo() {
        Table people = Table.builder("surname", "suburb", "soc_sec_id", "title")
                .schema(Schema.of(new Attribute("surname", AttributeKind.STRING),
                        new Attribute("suburb", AttributeKind.STRING),
                        new Attribute("soc_sec_id", AttributeKind.IDENTIFIER),
                        new Attribute("title", AttributeKind.TEXT)))
                .row("a", "macdona1d", "beaconsf1eld upper", "g317019", "sony kd-49xf8096bu tv")
                .row("b", "macdonald", "beaconsfield", "3171019", "sony kd49xf8096 49 inch")
                .row("c", "jones", "ainslie", "8035831", "lg oled55b8pla")
                .row("d", "martin", "campbell", "8688563", null)
                .row("e", "kelly", "parkes", "6892353", null)
                .row("f", "smith", "launceston", "3600438", null)
                .row("g", "brown", "canberra", "1944017", null)
                .row("h", "white", "hobart", "3472702", null)
                .row("i", "green", "bathurst", "6106111", null)
                .row("j", "rose", "ainslie", "3352222", null).build();
        KeyFunction.RowKeys keys = KeyFunctions.modelCodes().bind(people);
        assertArrayEquals(new String[] {"kd49xf8096", "xf8096"}, sorted(keys.keys(0)));
        assertArrayEquals(new String[] {"kd49xf8096", "xf8096"}, sorted(keys.keys(1)));
        assertArrayEquals(new String[0], keys.keys(3));
        assertTrue(ModelCodes.nameLike(people.column("surname")));
        assertTrue(!ModelCodes.nameLike(people.column("title")));
    }

    private static String[] sorted(String[] a) {
        String[] b = a.clone();
        Arrays.sort(b);
        return b;
    }
}
