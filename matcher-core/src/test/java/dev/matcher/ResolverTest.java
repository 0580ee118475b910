package dev.matcher;

import dev.matcher.blocking.Blocker;
import dev.matcher.blocking.Blockers;
import dev.matcher.cluster.Clusters;
import dev.matcher.data.DataException;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.match.MatchMode;
import dev.matcher.match.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The front door end to end on small generated tables whose truth is known. */
class ResolverTest {
    @TempDir
    Path dir;

    private static final String[] GIVEN = {"anna", "bert", "carla", "dieter", "emma", "felix", "greta", "hans", "ida",
        "jonas", "karla", "lukas", "marie", "nils", "olga", "paul", "rosa", "sven", "tina", "uwe"};
    private static final String[] FAMILY = {"meier", "schulz", "fischer", "weber", "wagner", "becker", "hoffmann",
        "koch", "richter", "klein", "wolf", "neumann", "braun", "zimmer", "kruger"};
    private static final String[] CITY = {"berlin", "hamburg", "munich", "cologne", "bremen", "dresden"};

    /** People with 1-3 noisy records each; {@code entity[i]} is the truth of row i. */
    private record People(Table table, int[] entity) {
        static People generate(int entities, long seed) {
            Random r = new Random(seed);
            Table.Builder b = Table.builder("name", "city", "phone");
            List<Integer> truth = new ArrayList<>();
            int id = 0;
            for (int e = 0; e < entities; e++) {
                String name = GIVEN[r.nextInt(GIVEN.length)] + " " + FAMILY[r.nextInt(FAMILY.length)];
                String city = CITY[r.nextInt(CITY.length)];
                String phone = String.format("0%03d %06d", r.nextInt(1000), r.nextInt(1_000_000));
                int copies = 1 + r.nextInt(3);
                for (int c = 0; c < copies; c++) {
                    // a copy has one kind of noise: a typo in the name, a missing city or the phone without its space
                    int noise = c == 0 ? -1 : r.nextInt(3);
                    b.row("p" + id++, noise == 0 ? typo(name, r) : name, noise == 1 ? null : city,
                            noise == 2 ? phone.replace(" ", "") : phone);
                    truth.add(e);
                }
            }
            return new People(b.build(), truth.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Two neighbouring letters of the given name swapped. */
        private static String typo(String s, Random r) {
            int i = 1 + r.nextInt(s.indexOf(' ') - 2);
            return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
        }

        /** All duplicate pairs, and for each record a near miss (same family name or city) and a random non-match. */
        LabelledPairs labels(long seed) {
            Random r = new Random(seed);
            List<int[]> pairs = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            int n = entity.length;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n && entity[j] == entity[i]; j++) {
                    pairs.add(new int[] {i, j});
                    labels.add(true);
                }
                int near = -1;
                for (int j = (i + 1) % n; j != i && near < 0; j = (j + 1) % n) {
                    boolean sameFamily = table.value(j, 0).endsWith(table.value(i, 0).substring(table.value(i, 0).indexOf(' ')));
                    if (entity[j] != entity[i] && (sameFamily || java.util.Objects.equals(table.value(i, 1), table.value(j, 1)))) {
                        near = j;
                    }
                }
                for (int j : new int[] {near, r.nextInt(n)}) {
                    if (j >= 0 && entity[j] != entity[i]) {
                        pairs.add(new int[] {Math.min(i, j), Math.max(i, j)});
                        labels.add(false);
                    }
                }
            }
            int[] l = pairs.stream().mapToInt(p -> p[0]).toArray();
            int[] rr = pairs.stream().mapToInt(p -> p[1]).toArray();
            boolean[] y = new boolean[labels.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels.get(i);
            }
            return new LabelledPairs(Pairs.of(l, rr), y);
        }

        /** Pair F1 of clusters against the truth. */
        double pairF1(Clusters c) {
            long tp = 0, predicted = 0, actual = 0;
            for (int i = 0; i < entity.length; i++) {
                for (int j = i + 1; j < entity.length; j++) {
                    boolean same = entity[i] == entity[j];
                    boolean together = c.together(i, j);
                    tp += same && together ? 1 : 0;
                    predicted += together ? 1 : 0;
                    actual += same ? 1 : 0;
                }
            }
            return 2.0 * tp / (predicted + actual);
        }
    }

    @Test
    void deduplicatesFromLabelsAndWritesExplainsAndSummarises() {
        People people = People.generate(120, 1);
        Resolution r = Resolver.builder().labels(people.labels(2)).parallelism(2).build().deduplicate(people.table());
        assertTrue(people.pairF1(r.clusters()) > 0.9, "pair F1 " + people.pairF1(r.clusters()) + "\n" + r);
        assertEquals(people.table().size(), r.records());
        assertTrue(r.families().isEmpty());
        Table out = r.left();
        assertEquals(List.of("name", "city", "phone", Resolution.MATCH_ID, Resolution.CONFIDENCE), out.schema().names());
        Path file = dir.resolve("deduped.csv");
        r.write(file);
        Table back = Table.readCsv(file);
        for (int i = 0; i < back.size(); i++) {
            assertEquals(r.clusters().clusterId(i), back.value(i, Resolution.MATCH_ID));
        }
        int k = 0;
        while (r.scores()[k] < r.threshold()) {
            k++;
        }
        Pairs c = r.candidates();
        double p = r.explain(people.table().id(c.left(k)), people.table().id(c.right(k))).probability();
        assertEquals(r.scores()[k], p, 1e-12);
        assertTrue(r.summary().startsWith(people.table().size() + " records, " + c.size() + " candidate pairs"), r.summary());
        assertTrue(r.seconds().keySet().containsAll(List.of("blocking", "training", "preparing features", "scoring",
                "clustering")), r.seconds().toString());
        assertThrows(IllegalStateException.class, () -> r.write(dir.resolve("a.csv"), dir.resolve("b.csv")));
    }

    @Test
    void labelsWithRandomNonMatchesAreWarnedAboutWithANextStep() {
        People people = People.generate(300, 5);
        int n = people.entity().length;
        Random r = new Random(2);
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < n && pairs.size() < 25; i++) {
            if (people.entity()[i] == people.entity()[i + 1]) {
                pairs.add(new int[] {i, i + 1, 1});
            }
        }
        while (pairs.size() < 50) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            if (people.entity()[a] != people.entity()[b]) {
                pairs.add(new int[] {Math.min(a, b), Math.max(a, b), 0});
            }
        }
        LabelledPairs random = new LabelledPairs(Pairs.of(pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray()), toBooleans(pairs));
        List<String> heard = new ArrayList<>();
        Resolution res = Resolver.builder().labels(random).progress(new ProgressListener() {
            @Override
            public void warning(String message) {
                heard.add(message);
            }
        }).build().deduplicate(people.table());
        String warning = res.warnings().stream().filter(w -> w.startsWith("labels: your 25 non-matches look random"))
                .findFirst().orElseThrow(() -> new AssertionError(res.warnings().toString()));
        assertTrue(warning.contains("label near misses") && warning.contains("labelling session"), warning);
        assertTrue(heard.contains(warning), heard.toString());
        // the same matches with non-matches drawn from the candidates (near misses): no such warning
        Resolver resolver = Resolver.builder().labels(random).build();
        Pairs candidates = resolver.candidates(Task.deduplication(people.table()));
        List<int[]> near = new ArrayList<>(pairs.subList(0, 25));
        for (int i = 0; near.size() < 50 && i < candidates.size(); i += 7) {
            int a = candidates.left(i);
            int b = candidates.right(i);
            if (people.entity()[a] != people.entity()[b]) {
                near.add(new int[] {a, b, 0});
            }
        }
        LabelledPairs nearMisses = new LabelledPairs(Pairs.of(near.stream().mapToInt(p -> p[0]).toArray(),
                near.stream().mapToInt(p -> p[1]).toArray()), toBooleans(near));
        Resolution good = Resolver.builder().labels(nearMisses).build().deduplicate(people.table());
        assertTrue(good.warnings().stream().noneMatch(w -> w.startsWith("labels:")), good.warnings().toString());
    }

    private static boolean[] toBooleans(List<int[]> pairs) {
        boolean[] y = new boolean[pairs.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = pairs.get(i)[2] == 1;
        }
        return y;
    }

    @Test
    void linksTwoTablesOneToOne() {
        People people = People.generate(150, 3);
        // the first record of each entity on the left, its second (if any) on the right
        Table.Builder left = Table.builder("name", "city", "phone");
        Table.Builder right = Table.builder("name", "city", "phone");
        List<int[]> truth = new ArrayList<>();
        int nl = 0, nr = 0;
        Table t = people.table();
        for (int i = 0; i < t.size(); i++) {
            boolean first = i == 0 || people.entity()[i - 1] != people.entity()[i];
            boolean second = !first && (i < 2 || people.entity()[i - 2] != people.entity()[i]);
            if (first) {
                left.row(t.id(i), t.value(i, 0), t.value(i, 1), t.value(i, 2));
                nl++;
            } else if (second) {
                right.row(t.id(i), t.value(i, 0), t.value(i, 1), t.value(i, 2));
                truth.add(new int[] {nl - 1, nr++});
            }
        }
        Table l = left.build(), r = right.build();
        // labels: the true links of the first half, and each of them against a wrong partner
        int half = truth.size() / 2;
        int[] ll = new int[2 * half], rr = new int[2 * half];
        boolean[] y = new boolean[2 * half];
        for (int i = 0; i < half; i++) {
            ll[2 * i] = truth.get(i)[0];
            rr[2 * i] = truth.get(i)[1];
            y[2 * i] = true;
            ll[2 * i + 1] = truth.get(i)[0];
            rr[2 * i + 1] = truth.get((i + 7) % truth.size())[1];
        }
        Resolution res = Resolver.builder().labels(new LabelledPairs(Pairs.of(ll, rr), y)).build().link(l, r);
        int found = 0;
        for (int[] p : truth) {
            found += res.clusters().together(p[0], nl + p[1]) ? 1 : 0;
        }
        assertTrue(found >= 0.9 * truth.size(), found + " of " + truth.size() + " links found");
        assertTrue(res.clusters().id(0).startsWith("L:") && res.clusters().id(nl).startsWith("R:"));
        for (int c = 0; c < res.clusters().count(); c++) {
            assertTrue(res.clusters().size(c) <= 2, "one-to-one: a cluster holds at most one record per side");
        }
        assertEquals(List.of("name", "city", "phone", Resolution.MATCH_ID, Resolution.CONFIDENCE),
                res.right().schema().names());

        // the right table's columns renamed (and one pair fixed by hand): the same links
        Table.Builder renamed = Table.builder("tel", "full_name", "town");
        for (int i = 0; i < r.size(); i++) {
            renamed.row(r.id(i), r.value(i, 2), r.value(i, 0), r.value(i, 1));
        }
        Resolution again = Resolver.builder().labels(new LabelledPairs(Pairs.of(ll, rr), y)).align("phone", "tel")
                .build().link(l, renamed.build());
        var columns = again.matcher().columns();
        assertTrue(columns.groupOfLeft("phone").orElseThrow().fixed(), columns.toString());
        assertEquals(List.of("full_name"), columns.groupOfLeft("name").orElseThrow().right(), columns.toString());
        int foundAgain = 0;
        for (int[] p : truth) {
            foundAgain += again.clusters().together(p[0], nl + p[1]) ? 1 : 0;
        }
        assertTrue(foundAgain >= 0.9 * truth.size(), foundAgain + " of " + truth.size() + " links found");
        assertThrows(IllegalArgumentException.class, () -> Resolver.builder().labels(new LabelledPairs(
                Pairs.of(ll, rr), y)).align("phone", "nosuch").build().link(l, r));
        assertThrows(IllegalArgumentException.class, () -> Resolver.builder().labels(new LabelledPairs(
                Pairs.of(ll, rr), y)).align("phone", "phone").build().deduplicate(l));
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        People people = People.generate(100, 5);
        Resolution one = Resolver.builder().labels(people.labels(6)).parallelism(1).build().deduplicate(people.table());
        Resolution three = Resolver.builder().labels(people.labels(6)).parallelism(3).build().deduplicate(people.table());
        assertArrayEquals(one.candidates().toPacked(), three.candidates().toPacked());
        assertArrayEquals(one.scores(), three.scores());
        assertEquals(one.clusters(), three.clusters());
    }

    @Test
    void aModelOfAnotherSchemaFailsBeforeBlocking() {
        People people = People.generate(40, 7);
        Matcher m = Resolver.builder().labels(people.labels(8)).build().deduplicate(people.table()).matcher();
        Table products = Table.builder("title", "price").row("a", "red shirt", "9").row("b", "red shirt", "9").build();
        AtomicBoolean blocked = new AtomicBoolean();
        Blocker spy = task -> {
            blocked.set(true);
            return Blockers.auto().candidates(task);
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Resolver.builder().matcher(m).blocker(spy).build().deduplicate(products));
        assertTrue(e.getMessage().contains("'name'"), e.getMessage());
        assertFalse(blocked.get(), "the schema is checked before blocking");
    }

    @Test
    void aLabellingSessionLearnsFromItsAnswersAndStopsWhenToldOrAtTheBudget() {
        People people = People.generate(120, 9);
        int[] truth = people.entity();
        AtomicInteger asked = new AtomicInteger();
        Labeller oracle = q -> {
            asked.incrementAndGet();
            assertEquals(Task.Kind.DEDUPLICATION, q.task().kind());
            return truth[q.left()] == truth[q.right()] ? Labeller.Answer.MATCH : Labeller.Answer.NON_MATCH;
        };
        Resolution r = Resolver.builder().labeller(oracle).maxLabels(40).retrainEvery(10).build()
                .deduplicate(people.table());
        assertEquals(40, asked.get());
        assertTrue(people.pairF1(r.clusters()) > 0.85, "pair F1 after 40 answers: " + people.pairF1(r.clusters()));

        AtomicInteger answers = new AtomicInteger();
        Labeller quitter = q -> answers.incrementAndGet() > 2 ? Labeller.Answer.STOP : Labeller.Answer.MATCH;
        DataException e = assertThrows(DataException.class, () -> Resolver.builder().labeller(quitter).build()
                .deduplicate(people.table()));
        assertTrue(e.getMessage().contains("need at least 2 matches and 2 non-matches"), e.getMessage());
        assertEquals(3, answers.get(), "the third question was answered STOP and no more were asked");
    }

    @Test
    void variantModeGivesFamiliesAndItemsInsideThem() {
        // products in three colours, each colour listed twice
        String[] colours = {"red", "blue", "green"};
        String[] lines = {"alpine trail jacket", "harbor rain coat", "summit fleece vest", "canyon hiking pants",
            "meadow wool sweater", "tundra down parka", "coastal linen shirt", "ridge softshell jacket"};
        Table.Builder b = Table.builder("title", "colour");
        List<int[]> truth = new ArrayList<>();     // product, colour
        int id = 0;
        for (int p = 0; p < lines.length; p++) {
            for (int c = 0; c < colours.length; c++) {
                for (int listing = 0; listing < 2; listing++) {
                    b.row("x" + id++, (listing == 0 ? lines[p] : lines[p].toUpperCase() + " by outdoorco") + " " + colours[c],
                            colours[c]);
                    truth.add(new int[] {p, c});
                }
            }
        }
        Table t = b.build();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            for (int j = i + 1; j < t.size(); j++) {
                pairs.add(new int[] {i, j});
            }
        }
        int[] l = pairs.stream().mapToInt(p -> p[0]).toArray();
        int[] r = pairs.stream().mapToInt(p -> p[1]).toArray();
        boolean[] family = new boolean[l.length];
        boolean[] item = new boolean[l.length];
        for (int k = 0; k < l.length; k++) {
            family[k] = truth.get(l[k])[0] == truth.get(r[k])[0];
            item[k] = family[k] && truth.get(l[k])[1] == truth.get(r[k])[1];
        }
        Matcher exact = Resolver.builder().labels(new LabelledPairs(Pairs.of(l, r), item)).variantAttributes("colour")
                .build().deduplicate(t).matcher();
        Resolution res = Resolver.builder().labels(new LabelledPairs(Pairs.of(l, r), family)).mode(MatchMode.VARIANT)
                .variantAttributes("colour").exactMatcher(exact).build().deduplicate(t);
        Clusters families = res.families().orElseThrow();
        int itemsRight = 0, familiesRight = 0;
        for (int k = 0; k < l.length; k++) {
            familiesRight += families.together(l[k], r[k]) == family[k] ? 1 : 0;
            itemsRight += res.clusters().together(l[k], r[k]) == item[k] ? 1 : 0;
            if (res.clusters().together(l[k], r[k])) {
                assertTrue(families.together(l[k], r[k]), "an item never spans two families");
            }
        }
        assertTrue(familiesRight >= 0.95 * l.length && itemsRight >= 0.95 * l.length,
                familiesRight + " / " + itemsRight + " of " + l.length + " pairs right\n" + res);
        assertEquals(Resolution.FAMILY_ID, res.left().schema().names().get(4));
    }

    @Test
    void crowdedIdenticalRecordsBecomeOneClusterAndWhatTheGuardDroppedIsAWarning() {
        People people = People.generate(60, 15);
        Table.Builder b = Table.builder("name", "city", "phone");
        Table t = people.table();
        for (int i = 0; i < t.size(); i++) {
            b.row(t.id(i), t.value(i, 0), t.value(i, 1), t.value(i, 2));
        }
        for (int i = 0; i < 2500; i++) {
            b.row("copy" + i, "john smith", "springfield", "0555 123456");
        }
        Table crowded = b.build();
        List<String> heard = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void warning(String message) {
                heard.add(message);
            }
        };
        Resolution r = Resolver.builder().labels(people.labels(16)).progress(listener).build().deduplicate(crowded);
        assertEquals(2500, r.clusters().size(r.clusters().clusterOf(t.size())));
        assertEquals(r.warnings(), heard);
        assertTrue(!heard.isEmpty() && heard.get(0).contains("blocks above 1,000 records dropped"), heard.toString());
        assertTrue(r.toString().contains("warning: blocking left pairs out"), r.toString());
    }

    @Test
    void identicalRecordsJoinOneClusterOnlyWhenTheirScoresSaySo() {
        Table.Builder b = Table.builder("title", "shop");
        for (int i = 0; i < 30; i++) {
            b.row("s" + i, "samsung galaxy mobile phone black", "7");      // one shop's offers of several phones
        }
        Table t = b.build();
        Pairs star = Blockers.identicalRecords().candidates(t);
        assertEquals(29, star.size());
        double[] low = new double[star.size()];
        java.util.Arrays.fill(low, 0.2);
        Resolver resolver = Resolver.builder().build();
        assertEquals(30, resolver.cluster(Task.deduplication(t), star, low, 0.5).clusters().count(),
                "the matcher calls them different: they stay apart");
        double[] high = new double[star.size()];
        java.util.Arrays.fill(high, 0.9);
        assertEquals(1, resolver.cluster(Task.deduplication(t), star, high, 0.5).clusters().count(),
                "a star of matches is one cluster, though average linkage alone would stop after a few leaves");
    }

    @Test
    void contradictoryOrMissingOptionsAreClearErrors() {
        People people = People.generate(30, 11);
        Matcher m = Resolver.builder().labels(people.labels(12)).build().deduplicate(people.table()).matcher();
        assertThrows(IllegalStateException.class, () -> Resolver.builder().matcher(m).labels(people.labels(1)).build());
        assertThrows(IllegalStateException.class, () -> Resolver.builder().matcher(m).exactMatcher(m).build(),
                "an exact matcher needs a variant main matcher");
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> Resolver.builder().build().deduplicate(people.table()));
        assertTrue(none.getMessage().contains("labels(...)"), none.getMessage());
        Table clash = people.table().withColumn(Resolution.MATCH_ID, dev.matcher.data.AttributeKind.IDENTIFIER,
                new String[people.table().size()]);
        DataException e = assertThrows(DataException.class, () -> Resolver.builder().matcher(m).build().deduplicate(clash));
        assertTrue(e.getMessage().contains("match_id"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Resolver.builder().parallelism(0));
        assertTrue(Resolver.builder().matcher(m).build().toString().contains("Resolver[blocker auto"));
    }

    @Test
    void defaultBlockingIsVariantAwareWhereVariantsAreDeclared() {
        People people = People.generate(30, 11);
        String plain = Resolver.builder().labels(people.labels(12)).build().toString();
        assertTrue(plain.contains("Resolver[blocker auto") && !plain.contains("productLines"), plain);
        // exact mode with variant attributes named: the items' listings must meet whatever colour spelling they use
        String exact = Resolver.builder().labels(people.labels(12)).variantAttributes("city").build().toString();
        assertTrue(exact.contains("productLines"), exact);
        String variant = Resolver.builder().labels(people.labels(12)).mode(MatchMode.VARIANT).build().toString();
        assertTrue(variant.contains("productLines"), variant);
        // a given matcher decides by what it was trained with
        Matcher named = Matcher.builder().variantAttributes("city").train(people.table(), people.table(), people.labels(12), null);
        assertTrue(Resolver.builder().matcher(named).build().toString().contains("productLines"));
        Matcher none = Matcher.builder().train(people.table(), people.table(), people.labels(12), null);
        assertFalse(Resolver.builder().matcher(none).build().toString().contains("productLines"));
    }

    @Test
    void theListenerHearsEveryStageInOrder() {
        People people = People.generate(60, 13);
        List<String> events = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(String stage, long total, String unit) {
                events.add("start " + stage);
            }

            @Override
            public void advanced(String stage, long done) {
                events.add("advance " + stage);
            }

            @Override
            public void finished(String stage, long count, String unit, double seconds) {
                events.add("end " + stage);
            }
        };
        Resolver.builder().labels(people.labels(14)).progress(listener).build().deduplicate(people.table());
        assertEquals(List.of("start blocking", "end blocking", "start training", "end training",
                "start preparing features", "end preparing features", "start scoring", "advance scoring", "end scoring",
                "start clustering", "end clustering"), events);
        assertTrue(Files.isDirectory(dir));
    }
}
