package dev.matcher;

import dev.matcher.blocking.Blocker;
import dev.matcher.blocking.Blockers;
import dev.matcher.classify.Categorizer;
import dev.matcher.classify.Classifier;
import dev.matcher.classify.RecordCategories;
import dev.matcher.compare.FeatureSpace;
import dev.matcher.data.DataException;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.match.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Predicted categories inside matching: the category_agree features and blocking by category. */
class CategoryMatchingTest {
    @TempDir
    Path dir;

    private static final String[] BRANDS = {"acme", "zenit", "orbit", "nova", "pixel", "vertex", "lumen", "solar"};
    private static final String[] TYPES = {"phone", "television", "kettle", "drill"};

    /** Products of 4 types, 1-3 listings each; {@code entity[i]} is the truth, the type word is in every title. */
    private record Offers(Table table, int[] entity) {
        static Offers generate(int products, long seed) {
            Random r = new Random(seed);
            Table.Builder b = Table.builder("title", "price");
            List<Integer> truth = new ArrayList<>();
            int id = 0;
            for (int e = 0; e < products; e++) {
                String brand = BRANDS[r.nextInt(BRANDS.length)];
                String type = TYPES[r.nextInt(TYPES.length)];
                String model = "m" + (100 + r.nextInt(30));
                int price = 20 + r.nextInt(500);
                for (int c = 0, copies = 1 + r.nextInt(3); c < copies; c++) {
                    b.row("o" + id++, brand + " " + model + " " + type + (c == 1 ? " new" : ""),
                            Integer.toString(price + c));
                    truth.add(e);
                }
            }
            return new Offers(b.build(), truth.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Duplicate pairs and, per record, a near miss (same brand and model, other type or product). */
        LabelledPairs labels() {
            List<int[]> pairs = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            for (int i = 0; i < entity.length; i++) {
                for (int j = i + 1; j < entity.length; j++) {
                    boolean same = entity[i] == entity[j];
                    boolean near = !same && words(i)[0].equals(words(j)[0]) && pairs.size() < 4000;
                    if (same || near) {
                        pairs.add(new int[] {i, j});
                        y.add(same);
                    }
                }
            }
            boolean[] labels = new boolean[y.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = y.get(i);
            }
            return new LabelledPairs(Pairs.of(pairs.stream().mapToInt(p -> p[0]).toArray(),
                    pairs.stream().mapToInt(p -> p[1]).toArray()), labels);
        }

        String[] words(int row) {
            return table.value(row, "title").split(" ");
        }
    }

    /** The type word of the title as the category (certain), counting its calls. */
    private static Categorizer typeOfTitle(AtomicInteger calls) {
        return t -> {
            calls.incrementAndGet();
            String[] v = new String[t.size()];
            for (int i = 0; i < v.length; i++) {
                for (String w : t.value(i, "title").split(" ")) {
                    v[i] = List.of(TYPES).contains(w) ? w : v[i];
                }
            }
            return RecordCategories.of("type", v);
        };
    }

    @Test
    void agreementFeaturesReadEachRecordsTopCategories() {
        Table t = Table.builder("title").row("a", "x").row("b", "y").row("c", "z").row("d", "w").build();
        // row 0: A .6, B .4; row 1: B .7, C .3; row 2: A 1; row 3: none
        int[] ids = {0, 1, -1, 1, 2, -1, 0, -1, -1, -1, -1, -1};
        float[] probs = {0.6f, 0.4f, 0, 0.7f, 0.3f, 0, 1, 0, 0, 0, 0, 0};
        RecordCategories c = new RecordCategories(List.of("kind"), List.of(List.of("A", "B", "C")), 4,
                new int[][] {ids}, new float[][] {probs});
        FeatureSpace fs = FeatureSpace.builder(t, t).categories(c, c).build();
        Map<String, Double> ab = fs.explain(0, 1);
        assertEquals(0.0, ab.get("category_agree.kind.top1"));
        assertEquals(1.0, ab.get("category_agree.kind.top2"));
        assertEquals(0.4 * 0.7, ab.get("category_agree.kind.mass"), 1e-6);
        Map<String, Double> ac = fs.explain(0, 2);
        assertEquals(1.0, ac.get("category_agree.kind.top1"));
        assertEquals(0.6, ac.get("category_agree.kind.mass"), 1e-6);
        assertEquals(0.0, fs.explain(1, 2).get("category_agree.kind.top2"));
        assertEquals(-1.0, fs.explain(0, 3).get("category_agree.kind.top1"));
        assertEquals(List.of("kind"), FeatureSpace.categoryLabels(fs.spec()));
        // linkage: another table's categories with other class ids are aligned by class name
        Table u = Table.builder("title").row("e", "v").build();
        RecordCategories other = RecordCategories.of("kind", new String[] {"B"});
        assertEquals(1.0, FeatureSpace.builder(t, u).categories(c, other).build().explain(1, 0)
                .get("category_agree.kind.top1"));
    }

    @Test
    void resolverCategorizesEachTableOnceForFeaturesAndBlocking() {
        Offers o = Offers.generate(120, 3);
        AtomicInteger calls = new AtomicInteger();
        Categorizer c = typeOfTitle(calls).remembering();
        Resolution r = Resolver.builder().labels(o.labels()).categories(c)
                .blocker(Blockers.auto().and(Blockers.categories(c))).parallelism(2).build().deduplicate(o.table());
        assertEquals(1, calls.get(), "one categorization of the table for blocking, training and scoring");
        assertTrue(r.matcher().spec().names().containsAll(List.of("category_agree.type.top1",
                "category_agree.type.top2", "category_agree.type.mass")), r.matcher().spec().names().toString());
        assertEquals(List.of("type"), r.matcher().categoryLabels());
        Pairs candidates = r.candidates();
        assertTrue(candidates.size() > 0);
        Pairs auto = Blockers.auto().candidates(o.table());
        int across = 0;
        for (int i = 0; i < auto.size(); i++) {
            across += o.words(auto.left(i))[2].equals(o.words(auto.right(i))[2]) ? 0 : 1;
        }
        assertTrue(across > 0, "auto blocking alone pairs records of other types");
        assertEquals(auto.size() - across, candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            assertEquals(o.words(candidates.left(i))[2], o.words(candidates.right(i))[2]);
        }
    }

    @Test
    void savedMatcherRefusesClearlyWithoutItsCategorizer() {
        Offers o = Offers.generate(80, 5);
        Categorizer c = typeOfTitle(new AtomicInteger()).remembering();
        Matcher m = Matcher.builder().categories(c).seed(1).train(o.table(), o.labels(), null);
        Path file = dir.resolve("m.bin");
        m.save(file);
        Matcher loaded = Matcher.load(file);
        Pairs some = o.labels().pairs();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loaded.score(o.table(), o.table(), some));
        assertTrue(e.getMessage().contains("category_agree") && e.getMessage().contains("--categories"), e.getMessage());
        AtomicBoolean blocked = new AtomicBoolean();
        Blocker spy = task -> {
            blocked.set(true);
            return Blockers.auto().candidates(task);
        };
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> Resolver.builder().matcher(loaded).blocker(spy).build().deduplicate(o.table()));
        assertTrue(early.getMessage().contains("category_agree"), early.getMessage());
        assertFalse(blocked.get(), "refused before blocking");
        assertArrayEquals(m.score(o.table(), o.table(), some),
                loaded.withCategories(c).score(o.table(), o.table(), some), 1e-12);
        // categories of other labels are refused too
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class, () -> loaded
                .withCategories(t -> RecordCategories.of("colour", new String[t.size()])).score(o.table(), o.table(), some));
        assertTrue(labels.getMessage().contains("[type]") && labels.getMessage().contains("[colour]"),
                labels.getMessage());
    }

    @Test
    void aClassifierReadingColumnsTheTableLacksFailsBeforeBlocking() {
        Offers o = Offers.generate(60, 7);
        Table.Builder cb = Table.builder("title", "maker", "type");
        for (int i = 0; i < o.table().size(); i++) {
            String[] w = o.words(i);
            cb.row("c" + i, o.table().value(i, "title"), w[0], w[2]);
        }
        Classifier classifier = Classifier.builder().label("type").train(cb.build());
        AtomicBoolean blocked = new AtomicBoolean();
        Blocker spy = task -> {
            blocked.set(true);
            return Blockers.auto().candidates(task);
        };
        DataException e = assertThrows(DataException.class, () -> Resolver.builder().labels(o.labels())
                .categories(classifier).blocker(spy).build().deduplicate(o.table()));
        assertTrue(e.getMessage().contains("no column 'maker' that the classifier reads"), e.getMessage());
        assertFalse(blocked.get(), "refused before blocking");
        // with the column, the trained classifier's categories are used: its classes are the types
        Table withMaker = cb.build();
        RecordCategories cats = classifier.categorize(withMaker);
        assertTrue(cats == classifier.categorize(withMaker), "a classifier keeps the categories of its last tables");
        assertEquals(withMaker.value(0, "type"), cats.predicted(0, 0));
    }
}
