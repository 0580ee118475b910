package dev.matcher.blocking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.Pairs;
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
}
