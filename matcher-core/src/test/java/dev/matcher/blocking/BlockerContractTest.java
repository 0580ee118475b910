package dev.matcher.blocking;

import dev.matcher.text.Analyzers;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@link Blocker} contract for every strategy, on random tables. */
class BlockerContractTest {

    static Map<String, Blocker> all() {
        Map<String, Blocker> m = new LinkedHashMap<>();
        m.put("standard", Blockers.standard(KeyFunctions.prefix("a", 2), KeyFunctions.phonetic("b", KeyFunctions.Phonetic.NYSIIS)));
        m.put("tokens", Blockers.tokens("a"));
        m.put("tokens(*)", Blockers.tokens());
        m.put("qgrams", Blockers.qgrams(3, "a"));
        m.put("extendedQgrams", Blockers.extendedQgrams(2, 0.8, "b"));
        m.put("suffixes", Blockers.suffixes(3, 5, "a"));
        m.put("sortedNeighbourhood", Blockers.sortedNeighbourhood("a", 3));
        m.put("adaptiveSN", Blockers.adaptiveSortedNeighbourhood("b", 2, 6, 0.5));
        m.put("minHash", Blockers.minHash(0.4));
        m.put("nearestNeighbours", Blockers.nearestNeighbours(2));
        m.put("canopy", Blockers.canopy(0.2, 0.7));
        m.put("filter+purge", Blockers.tokens().maxBlockSize(6).filter(0.7));
        for (MetaBlocking.Weighting w : MetaBlocking.Weighting.values()) {
            for (MetaBlocking.Pruning p : MetaBlocking.Pruning.values()) {
                m.put("meta " + w + " " + p, Blockers.tokens().metaBlocking(w, p));
            }
        }
        m.put("or/and/cap", Blockers.tokens("a").or(Blockers.sortedNeighbourhood("b", 2)).and(Blockers.tokens())
                .maxCandidatesPerRecord(2));
        m.put("auto", Blockers.auto());
        m.put("categories", Blockers.categories(FIRST_WORD));
        m.put("tokens and categories", Blockers.tokens().and(Blockers.categories(FIRST_WORD)));
        m.put("categories and minHash", Blockers.categories(FIRST_WORD).and(Blockers.minHash(0.4)));
        return m;
    }

    /** A categorizer for the random tables: column a's first word is the category (none for an empty a). */
    static final dev.matcher.classify.Categorizer FIRST_WORD = t -> {
        String[] v = new String[t.size()];
        for (int i = 0; i < v.length; i++) {
            String a = t.value(i, "a");
            v[i] = a == null ? null : a.split(" ")[0];
        }
        return dev.matcher.classify.RecordCategories.of("first", v);
    };

    @Property(tries = 60)
    void categoryFilterIsTheIntersectionWithTheCategoryBlocks(@ForAll("tables") Table left, @ForAll("tables") Table right) {
        Blocker categories = Blockers.categories(FIRST_WORD);
        Set<String> expected = TestTables.set(Blockers.tokens().candidates(left, right));
        expected.retainAll(TestTables.set(categories.candidates(left, right)));
        assertEquals(expected, new HashSet<>(TestTables.set(Blockers.tokens().and(categories).candidates(left, right))));
        Set<String> same = TestTables.set(Blockers.tokens().candidates(left));
        for (String p : TestTables.set(Blockers.tokens().candidates(left))) {
            String[] ij = p.split("-");
            String a = left.value(Integer.parseInt(ij[0]), "a");
            String b = left.value(Integer.parseInt(ij[1]), "a");
            if (a == null || b == null || !a.split(" ")[0].equals(b.split(" ")[0])) {
                same.remove(p);
            }
        }
        assertEquals(same, new HashSet<>(TestTables.set(Blockers.tokens().and(categories).candidates(left))));
    }

    private static final String[] WORDS = {"red", "blue", "apple", "apples", "pear", "smith", "smyth", "zoe", "12ab", "ab12"};

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<String> value = Arbitraries.of(WORDS).list().ofMinSize(0).ofMaxSize(3).map(l -> l.isEmpty() ? null : String.join(" ", l));
        return Combinators.combine(value, value).as((a, b) -> new String[] {a, b}).list().ofMinSize(0).ofMaxSize(25)
                .map(rows -> {
                    Table.Builder t = Table.builder("a", "b");
                    for (int i = 0; i < rows.size(); i++) {
                        t.row("r" + i, rows.get(i));
                    }
                    return t.build();
                });
    }

    @Property(tries = 40)
    void deduplicationEmitsEachUnorderedPairOnceWithLeftBelowRight(@ForAll("tables") Table t) {
        for (Map.Entry<String, Blocker> e : all().entrySet()) {
            Pairs p = e.getValue().candidates(t);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < p.size(); i++) {
                assertTrue(p.left(i) < p.right(i), e.getKey() + " emitted " + p.left(i) + "," + p.right(i));
                assertTrue(p.right(i) < t.size(), e.getKey());
                assertTrue(p.left(i) >= 0, e.getKey());
                assertTrue(seen.add(p.packed(i)), e.getKey() + " repeated a pair");
            }
            assertArrayEquals(p.toPacked(), e.getValue().candidates(t).toPacked(), e.getKey() + " is not deterministic");
        }
    }

    @Property(tries = 40)
    void linkageEmitsOnlyCrossTablePairsOnce(@ForAll("tables") Table left, @ForAll("tables") Table right) {
        for (Map.Entry<String, Blocker> e : all().entrySet()) {
            Pairs p = e.getValue().candidates(left, right);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < p.size(); i++) {
                assertTrue(p.left(i) >= 0 && p.left(i) < left.size(), e.getKey() + " left " + p.left(i));
                assertTrue(p.right(i) >= 0 && p.right(i) < right.size(), e.getKey() + " right " + p.right(i));
                assertTrue(seen.add(p.packed(i)), e.getKey() + " repeated a pair");
            }
            assertArrayEquals(p.toPacked(), e.getValue().candidates(left, right).toPacked(), e.getKey() + " is not deterministic");
        }
    }

    @Property(tries = 60)
    void tokenBlockingIsExactlyThePairsSharingAToken(@ForAll("tables") Table t) {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < t.size(); i++) {
            for (int j = i + 1; j < t.size(); j++) {
                Set<String> a = tokens(t.value(i, "a"));
                a.retainAll(tokens(t.value(j, "a")));
                if (!a.isEmpty()) {
                    expected.add(i + "-" + j);
                }
            }
        }
        assertEquals(expected, new HashSet<>(TestTables.set(Blockers.tokens("a").candidates(t))));
    }

    @Property(tries = 60)
    void metaBlockingAndCleaningOnlyRemovePairs(@ForAll("tables") Table t) {
        Set<String> all = TestTables.set(Blockers.tokens().candidates(t));
        for (MetaBlocking.Pruning p : MetaBlocking.Pruning.values()) {
            assertTrue(all.containsAll(TestTables.set(Blockers.tokens().metaBlocking(MetaBlocking.Weighting.JS, p).candidates(t))));
        }
        assertTrue(all.containsAll(TestTables.set(Blockers.tokens().filter(0.5).candidates(t))));
    }

    private static Set<String> tokens(String v) {
        return new HashSet<>(Arrays.asList(Analyzers.KEYS.tokens(v)));
    }

    @Test
    void resultsDoNotDependOnParallelism() throws Exception {
        Table big = randomTable(6000, 7);
        Table other = randomTable(3000, 11);
        List<Blocker> blockers = new ArrayList<>(List.of(Blockers.tokens(), Blockers.tokens().filter(0.8)
                .metaBlocking(MetaBlocking.Weighting.ECBS, MetaBlocking.Pruning.CNP), Blockers.nearestNeighbours(3),
                Blockers.minHash(0.5)));
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool three = new ForkJoinPool(3);
        try {
            for (Blocker b : blockers) {
                long[] serial = one.submit(() -> b.candidates(big, other).toPacked()).get();
                long[] parallel = three.submit(() -> b.candidates(big, other).toPacked()).get();
                assertArrayEquals(serial, parallel, b.toString());
                assertArrayEquals(one.submit(() -> b.candidates(big).toPacked()).get(),
                        three.submit(() -> b.candidates(big).toPacked()).get(), b.toString());
            }
        } finally {
            one.shutdown();
            three.shutdown();
        }
    }

    static Table randomTable(int rows, long seed) {
        java.util.Random random = new java.util.Random(seed);
        Table.Builder t = Table.builder("a", "b");
        for (int i = 0; i < rows; i++) {
            t.row("r" + i, "w" + random.nextInt(3000) + " w" + random.nextInt(3000), "v" + random.nextInt(500));
        }
        return t.build();
    }
}
