package dev.matcher.blocking;

import dev.matcher.data.Table;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tokens and adjacent token pairs: the pairs follow the record's tokens across attributes, and the hashes computed without
 * building key strings equal the hashes of the keys (so a guard's report names the block it dropped).
 */
class TokenPairsPropertiesTest {
    @Provide
    Arbitrary<String> values() {
        return TestTables.messyValues();
    }

    @Property(tries = 500)
    void theHashesAreTheHashesOfTheKeys(@ForAll("values") String a, @ForAll("values") String b,
                                         @ForAll("values") String c) {
        Table t = Table.builder("a", "b", "c").row("r1", a, b, c).build();
        var keys = (KeyFunctions.HashedRowKeys) KeyFunctions.allTokensAndPairs().bind(t);
        for (int seed : new int[] {0, 3}) {
            Set<Long> expected = new TreeSet<>();
            for (String k : keys.keys(0)) {
                expected.add(KeyHash.of(k, seed));
            }
            LongBuffer out = new LongBuffer(4);
            keys.hashes(0, seed, out);
            Set<Long> actual = new TreeSet<>();
            Arrays.stream(out.toArray()).forEach(actual::add);
            assertEquals(expected, actual, "[" + a + "] [" + b + "] [" + c + "]");
        }
    }

    @Example
    void pairsFollowTheTokensAcrossAttributesAndSkipEmptyValues() {
        Table t = Table.builder("given", "surname", "middle", "street")
                .row("r1", "William", "TAYLOR", null, "188 King Crescent").build();
        String[] keys = KeyFunctions.allTokensAndPairs().bind(t).keys(0);
        assertEquals(Set.of("william", "taylor", "188", "king", "crescent", "william\u001ftaylor", "taylor\u001f188",
                "188\u001fking", "king\u001fcrescent"), Set.of(keys));
        assertEquals(9, keys.length);
    }

    @Example
    void wordsThatFollowEachOtherFormABlockOfTheirOwn() {
        Table t = Table.builder("given", "surname")
                .row("a", "william", "taylor")
                .row("b", "william", "taylor")
                .row("c", "taylor", "william")
                .build();
        // with a guard of 2 the single words' blocks (three records each) go; the pair william+taylor stays
        var pairs = Blockers.standard(KeyFunctions.allTokensAndPairs()).maxBlockSize(2)
                .candidates(dev.matcher.data.Task.deduplication(t));
        assertEquals(TestTables.set("0-1"), TestTables.set(pairs));
    }
}
