package dev.matcher.eval.synth;

import dev.matcher.data.Pairs;
import dev.matcher.io.AtomicFiles;
import dev.matcher.io.CsvWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a generator's records as a benchmark dataset folder in one streamed pass. Pairs of an item (or family)
 * are written as soon as its last record has gone out, so only the groups still open inside the shuffle window are
 * held. The labelled splits come from a reservoir sample of a simple candidate set: each record is paired with the
 * last few records that share one of its candidate keys (keys hashed into a fixed table, so memory is bounded).
 */
final class DatasetWriter {
    private static final int SLOTS = 1 << 16;
    private static final int RING = 6;

    private DatasetWriter() {
    }

    static void write(SyntheticGenerator generator, Path folder, int labelledPairs) {
        String prefix = generator.idPrefix();
        Sampler sampler = new Sampler(labelledPairs, new SplittableRandom(generator.seed() ^ 0x5DEECE66DL));
        AtomicFiles.write(folder.resolve("left.csv"), leftOut ->
                AtomicFiles.write(folder.resolve("clusters.csv"), clustersOut ->
                        AtomicFiles.write(folder.resolve("matches.csv"), matchesOut -> {
                            CsvWriter left = SyntheticGenerator.writer(leftOut);
                            CsvWriter clusters = SyntheticGenerator.writer(clustersOut);
                            CsvWriter matches = SyntheticGenerator.writer(matchesOut);
                            clusters.row("id", "cluster_id", "family_id");
                            matches.row("left_id", "right_id");
                            GroupPairs items = new GroupPairs(matches, prefix);
                            SyntheticGenerator.CsvSink rows = new SyntheticGenerator.CsvSink(left, generator.header());
                            if (generator.hasFamilies()) {
                                writeFamilies(generator, folder, prefix, sampler, rows, clusters, items);
                            } else {
                                generator.run((row, id, values, item, itemSize, family, familySize) -> {
                                    rows.accept(row, id, values, item, itemSize, family, familySize);
                                    clusters.row(id, Integer.toString(item),
                                            Integer.toString(family));
                                    items.add(item, itemSize, row);
                                    sampler.add(row, item, generator.candidateKeys(values));
                                });
                            }
                            left.flush();
                            clusters.flush();
                            matches.flush();
                        })));
        writeSplits(folder, prefix, sampler.sample());
        writeSource(generator, folder, labelledPairs);
    }

    private static void writeFamilies(SyntheticGenerator generator, Path folder, String prefix, Sampler sampler,
                                      SyntheticGenerator.CsvSink rows, CsvWriter clusters, GroupPairs items) {
        AtomicFiles.write(folder.resolve("family_matches.csv"), familyOut -> {
            CsvWriter familyMatches = SyntheticGenerator.writer(familyOut);
            familyMatches.row("left_id", "right_id");
            GroupPairs families = new GroupPairs(familyMatches, prefix);
            generator.run((row, id, values, item, itemSize, family, familySize) -> {
                rows.accept(row, id, values, item, itemSize, family, familySize);
                clusters.row(id, Integer.toString(item), Integer.toString(family));
                items.add(item, itemSize, row);
                families.add(family, familySize, row);
                sampler.add(row, item, generator.candidateKeys(values));
            });
            familyMatches.flush();
        });
    }

    private static void writeSplits(Path folder, String prefix, long[][] sample) {
        long[] pairs = sample[0];
        long[] labels = sample[1];
        int n = pairs.length;
        int train = (int) Math.round(n * 0.6);
        int valid = (int) Math.round(n * 0.2);
        int[][] ranges = {{0, train}, {train, train + valid}, {train + valid, n}};
        String[] names = {"train", "valid", "test"};
        for (int s = 0; s < 3; s++) {
            int from = ranges[s][0];
            int to = ranges[s][1];
            AtomicFiles.write(folder.resolve(names[s] + ".csv"), out -> {
                CsvWriter w = SyntheticGenerator.writer(out);
                w.row("left_id", "right_id", "label");
                for (int i = from; i < to; i++) {
                    w.row(prefix + Pairs.left(pairs[i]), prefix + Pairs.right(pairs[i]),
                            labels[i] == 1 ? "1" : "0");
                }
                w.flush();
            });
        }
    }

    private static void writeSource(SyntheticGenerator generator, Path folder, int labelledPairs) {
        String text = "# " + folder.getFileName() + "\n\nSynthetic data made by `" + generator + "` (matcher-eval, "
                + "package dev.matcher.eval.synth). Same seed and settings, same files.\n\n"
                + "- `left.csv`: " + generator.records() + " records; ids carry no hint of the truth.\n"
                + "- `matches.csv`: every pair of records of one item (exact duplicates), earlier record first.\n"
                + "- `clusters.csv`: `id,cluster_id,family_id` (family = variants of one base product; "
                + "equals the item for people).\n"
                + (generator.hasFamilies() ? "- `family_matches.csv`: every pair of records of one family.\n" : "")
                + "- `train.csv`/`valid.csv`/`test.csv`: 3:1:1 split of up to " + labelledPairs + " pairs sampled "
                + "from a simple candidate set (records sharing a blocking key), label 1 = same item.\n";
        AtomicFiles.write(folder.resolve("SOURCE.md"), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes every pair of a group once its last record is out. */
    private static final class GroupPairs {
        private final CsvWriter out;
        private final String prefix;
        private final Map<Integer, int[]> open = new HashMap<>();

        GroupPairs(CsvWriter out, String prefix) {
            this.out = out;
            this.prefix = prefix;
        }

        void add(int group, int size, int row) throws IOException {
            if (size == 1) {
                return;
            }
            int[] rows = open.computeIfAbsent(group, g -> new int[size + 1]);   // [0] counts the rows seen
            rows[++rows[0]] = row;
            if (rows[0] == size) {
                open.remove(group);
                for (int i = 1; i <= size; i++) {
                    for (int j = i + 1; j <= size; j++) {
                        out.row(prefix + rows[i], prefix + rows[j]);
                    }
                }
            }
        }
    }

    /** Candidate pairs from shared keys, reservoir-sampled. */
    private static final class Sampler {
        private final int capacity;
        private final SplittableRandom random;
        private final int[] ringRows = new int[SLOTS * RING];
        private final int[] ringItems = new int[SLOTS * RING];
        private final byte[] ringNext = new byte[SLOTS];
        private final long[] pairs;
        private final boolean[] labels;
        private long seen;

        Sampler(int capacity, SplittableRandom random) {
            this.capacity = capacity;
            this.random = random;
            this.pairs = new long[capacity];
            this.labels = new boolean[capacity];
            Arrays.fill(ringRows, -1);
        }

        void add(int row, int item, String[] keys) {
            for (String key : keys) {
                if (key == null || key.isEmpty()) {
                    continue;
                }
                int slot = (key.hashCode() * 0x9E3779B9 >>> 16) & (SLOTS - 1);
                int base = slot * RING;
                for (int i = 0; i < RING; i++) {
                    int other = ringRows[base + i];
                    if (other >= 0 && other != row) {
                        offer(Pairs.pack(other, row), ringItems[base + i] == item);
                    }
                }
                int next = ringNext[slot];
                ringRows[base + next] = row;
                ringItems[base + next] = item;
                ringNext[slot] = (byte) ((next + 1) % RING);
            }
        }

        private void offer(long pair, boolean label) {
            seen++;
            if (seen <= capacity) {
                pairs[(int) seen - 1] = pair;
                labels[(int) seen - 1] = label;
            } else {
                long j = random.nextLong(seen);
                if (j < capacity) {
                    pairs[(int) j] = pair;
                    labels[(int) j] = label;
                }
            }
        }

        /** The distinct sampled pairs in random order, with labels as 0/1. */
        long[][] sample() {
            int n = (int) Math.min(seen, capacity);
            long[] keyed = new long[n];
            Map<Long, Boolean> labelOf = new HashMap<>();
            for (int i = 0; i < n; i++) {
                keyed[i] = pairs[i];
                labelOf.put(pairs[i], labels[i]);
            }
            long[] distinct = Arrays.stream(keyed).sorted().distinct().toArray();
            for (int i = distinct.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                long t = distinct[i];
                distinct[i] = distinct[j];
                distinct[j] = t;
            }
            long[] lab = new long[distinct.length];
            for (int i = 0; i < distinct.length; i++) {
                lab[i] = labelOf.get(distinct[i]) ? 1 : 0;
            }
            return new long[][] {distinct, lab};
        }
    }

}
