package dev.matcher.blocking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Blocks from key hashes are the groups of nodes sharing a hash, in hash order, whatever the hashes' sign and spread
 * (the lookup indexes the sorted hashes by their leading bits).
 */
class BlocksFromHashesPropertiesTest {
    @Provide
    Arbitrary<long[][]> keys() {
        Arbitrary<Long> hash = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-3, 3),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L));
        Arbitrary<long[]> node = hash.array(long[].class).ofMaxSize(6)
                .map(h -> Arrays.stream(h).sorted().distinct().toArray());
        return node.array(long[][].class).ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void blocksAreTheNodesSharingAHash(@ForAll("keys") long[][] keys) {
        Map<Long, List<Integer>> groups = new TreeMap<>();
        for (int u = 0; u < keys.length; u++) {
            for (long h : keys[u]) {
                groups.computeIfAbsent(h, x -> new ArrayList<>()).add(u);
            }
        }
        List<List<Integer>> expected = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            if (g.size() >= 2 && g.size() <= 5) {
                expected.add(g);
            }
        }
        Blocks blocks = Blocks.fromKeyHashes(keys, keys.length, 0, true, 5);
        List<List<Integer>> actual = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            actual.add(Arrays.stream(blocks.leftRows(b)).boxed().toList());
        }
        assertEquals(expected, actual);
    }
}
