package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.compare.FeatureSpace;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The one executor rule: work runs in the caller's pool, and no result depends on that pool's size. */
class CallersPoolTest {
    private static final Shirts SHIRTS = new Shirts(24, 5);

    private static <T> T in(int threads, Supplier<T> work) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work::get).join();
        } finally {
            pool.shutdown();
        }
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }

    @Test
    void trainedModelsAndScoresAreBitIdenticalInAOneAndAThreeThreadPool() {
        LabelledPairs train = SHIRTS.pairs(0, 16, true, 4);
        Pairs test = SHIRTS.pairs(16, 24, true, 4).pairs();
        for (ModelType type : ModelType.values()) {
            Supplier<Matcher> fit = () -> Matcher.builder().model(type).variantAttributes("color", "size").seed(11)
                    .folds(3).search(false).train(SHIRTS.table, train, null);
            Matcher one = in(1, fit);
            Matcher three = in(3, fit);
            assertEquals(one, three, type + ": the trained model depends on the pool size");
            double[] p1 = in(1, () -> one.score(SHIRTS.table, SHIRTS.table, test));
            double[] p3 = in(3, () -> one.score(SHIRTS.table, SHIRTS.table, test));
            assertArrayEquals(bits(p1), bits(p3), type + ": scores depend on the pool size");
            assertArrayEquals(bits(p1), bits(three.score(SHIRTS.table, SHIRTS.table, test)), type.name());
        }
    }

    @Test
    void logisticRegressionFitsTheSameWeightsInAOneAndAThreeThreadPool() {
        // Smile's own objective sums rows in a parallel stream split by the pool's parallelism: this failed with it
        Synthetic s = Synthetic.logistic(3000, 4, 6, 0, 8);
        Supplier<CalibratedModel> fit = () -> ModelTrainer.builder().type(ModelType.LOGISTIC_REGRESSION).folds(3)
                .seed(2).build().train(s.x, s.y, s.names).model();
        assertEquals(in(1, fit), in(3, fit));
    }

    @Test
    void featureRowsAreComputedInTheCallersPool() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ForkJoinPool pool = new ForkJoinPool(2, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("callers-pool-" + t.getPoolIndex());
            return t;
        }, null, false);
        try {
            FeatureSpace fs = pool.submit(() -> FeatureSpace.builder(SHIRTS.table, SHIRTS.table)
                    .add("title.spy", (a, b) -> {
                        threads.add(Thread.currentThread().getName());
                        return 0;
                    }).build()).join();
            int n = SHIRTS.table.size();
            int[] l = new int[20_000];
            int[] r = new int[l.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = i % n;
                r[i] = (i * 7 + 3) % n;
            }
            pool.submit(() -> fs.compute(Pairs.of(l, r))).join();
        } finally {
            pool.shutdown();
        }
        assertTrue(!threads.isEmpty() && threads.stream().allMatch(t -> t.startsWith("callers-pool-")),
                "pairs computed outside the caller's pool: " + threads);
    }

    @Test
    void oneMatcherScoredFromManyThreadsAtOnceGivesTheSameBits() throws Exception {
        LabelledPairs train = SHIRTS.pairs(0, 16, true, 4);
        Pairs test = SHIRTS.pairs(16, 24, true, 4).pairs();
        Matcher m = Matcher.builder().seed(11).folds(3).search(false).train(SHIRTS.table, train, null);
        long[] expected = bits(m.score(SHIRTS.table, SHIRTS.table, test));
        // another table pair in between: the matcher's cached feature space changes under the other threads' feet
        Table other = SHIRTS.table.named("copy");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<long[]>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 24; t++) {
                Table table = t % 3 == 0 ? other : SHIRTS.table;
                runs.add(threads.submit(() -> bits(m.score(table, table, test))));
            }
            for (java.util.concurrent.Future<long[]> run : runs) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected, run.get());
            }
        } finally {
            threads.shutdown();
        }
    }
}
