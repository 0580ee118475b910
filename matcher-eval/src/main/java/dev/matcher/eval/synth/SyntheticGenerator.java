package dev.matcher.eval.synth;

import dev.matcher.data.Schema;
import dev.matcher.data.Table;
import dev.matcher.io.AtomicFiles;
import dev.matcher.io.CsvWriter;
import dev.matcher.parquet.Parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The common machinery of the seeded generators: records are made one group at a time (an original with its
 * duplicates, or a product family with its variants and their listings), pass through a bounded shuffle window so
 * duplicates do not sit next to each other, and go straight to their destination. Memory stays bounded by the
 * window whatever the number of records, so files of 10,000,000 records are written without holding them.
 *
 * <p>The same seed and settings give the same records in the same order whatever the destination: the in-memory
 * {@link #generate()} table equals what {@link #writeCsv} writes.
 */
public abstract sealed class SyntheticGenerator permits PersonGenerator, ProductGenerator {
    private final int records;
    private final long seed;
    private final int shuffleWindow;
    private final int labelledPairs;

    SyntheticGenerator(Builder<?> b) {
        this.records = b.records;
        this.seed = b.seed;
        this.shuffleWindow = b.shuffleWindow;
        this.labelledPairs = b.labelledPairs;
    }

    /** The number of records generated. */
    public int records() {
        return records;
    }

    public long seed() {
        return seed;
    }

    /** The table name, e.g. {@code synthetic_people}. */
    public abstract String name();

    /** The attributes of every record, in column order. */
    public abstract Schema schema();

    abstract String idPrefix();

    /** Makes the records of one group (original + duplicates, or one family) into {@code out}. */
    abstract void generateGroup(SplittableRandom random, Group out);

    /** Keys for the simple candidate set the labelled splits are sampled from (null keys are skipped). */
    abstract String[] candidateKeys(String[] values);

    /** Whether family_matches.csv is worth writing (families differ from items). */
    abstract boolean hasFamilies();

    /** The generated records in memory, with their truth. */
    public SyntheticData generate() {
        TableSink sink = new TableSink(schema().size(), records);
        run(sink);
        Table table = Table.of(name(), sink.ids, schema().names(), sink.columns, schema());
        return new SyntheticData(table, sink.items, sink.families);
    }

    /** Streams the records to a CSV file (column {@code id}, then the attributes), replacing it when complete. */
    public void writeCsv(Path file) {
        AtomicFiles.write(file, out -> {
            CsvWriter w = writer(out);
            run(new CsvSink(w, header()));
            w.flush();
        });
    }

    /**
     * Streams the records to a Parquet file that {@code Table.readParquet} reads back with the kinds kept.
     */
    public void writeParquet(Path file) {
        Parquet.write(schema(), file, sink -> run((row, id, values, item, itemSize, family, familySize) ->
                sink.row(id, values)));
    }

    /**
     * Writes a deduplication dataset folder in the shared benchmark layout, streamed: {@code left.csv},
     * {@code matches.csv} (every pair of one item, earlier record first), {@code clusters.csv}
     * ({@code id,cluster_id,family_id}), {@code family_matches.csv} for products, and labelled splits
     * {@code train.csv}/{@code valid.csv}/{@code test.csv} (3:1:1) sampled from a simple candidate set (records
     * sharing a key, see the generator) with label 1 for the same item. {@code BenchmarkDataset.load} reads it.
     */
    public void writeDataset(Path folder) {
        DatasetWriter.write(this, folder, labelledPairs);
    }

    String[] header() {
        List<String> h = new ArrayList<>();
        h.add("id");
        h.addAll(schema().names());
        return h.toArray(String[]::new);
    }

    static CsvWriter writer(java.io.OutputStream out) {
        return CsvWriter.utf8(out, ',');
    }

    /** Generates every record into the sink, through the shuffle window. */
    final void run(RecordSink sink) {
        try {
            SplittableRandom content = new SplittableRandom(seed);
            SplittableRandom order = content.split();
            Window window = new Window(Math.min(shuffleWindow, records), order, sink, idPrefix());
            Group group = new Group();
            int made = 0;
            for (int family = 0; made < records; family++) {
                group.clear();
                generateGroup(content, group);
                int take = Math.min(group.size(), records - made);
                group.truncate(take);
                for (int i = 0; i < take; i++) {
                    window.push(group.values.get(i), group.items[i], group.itemSize(i), family, take);
                }
                made += take;
            }
            window.drain();
            sink.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of one group as a generator makes them. */
    static final class Group {
        private final List<String[]> values = new ArrayList<>();
        private int[] items = new int[16];
        private int nextItem;

        void clear() {
            values.clear();
        }

        /** A new exact-duplicate group id. */
        int newItem() {
            return nextItem++;
        }

        void add(String[] record, int item) {
            if (values.size() == items.length) {
                items = Arrays.copyOf(items, items.length * 2);
            }
            items[values.size()] = item;
            values.add(record);
        }

        int size() {
            return values.size();
        }

        void truncate(int n) {
            while (values.size() > n) {
                values.remove(values.size() - 1);
            }
        }

        int itemSize(int i) {
            int n = 0;
            for (int j = 0; j < values.size(); j++) {
                if (items[j] == items[i]) {
                    n++;
                }
            }
            return n;
        }
    }

    /** A bounded shuffle: each new record displaces a random buffered one, which is emitted. */
    private static final class Window {
        private final String[][] values;
        private final int[] items;
        private final int[] itemSizes;
        private final int[] families;
        private final int[] familySizes;
        private final SplittableRandom random;
        private final RecordSink sink;
        private final String idPrefix;
        private int count;
        private int row;

        Window(int capacity, SplittableRandom random, RecordSink sink, String idPrefix) {
            int c = Math.max(1, capacity);
            values = new String[c][];
            items = new int[c];
            itemSizes = new int[c];
            families = new int[c];
            familySizes = new int[c];
            this.random = random;
            this.sink = sink;
            this.idPrefix = idPrefix;
        }

        void push(String[] v, int item, int itemSize, int family, int familySize) throws IOException {
            int slot = count;
            if (count == values.length) {
                slot = random.nextInt(count);
                emit(slot);
            } else {
                count++;
            }
            values[slot] = v;
            items[slot] = item;
            itemSizes[slot] = itemSize;
            families[slot] = family;
            familySizes[slot] = familySize;
        }

        void drain() throws IOException {
            for (int n = count; n > 0; n--) {
                int slot = random.nextInt(n);
                emit(slot);
                // move the last live record into the emitted slot
                values[slot] = values[n - 1];
                items[slot] = items[n - 1];
                itemSizes[slot] = itemSizes[n - 1];
                families[slot] = families[n - 1];
                familySizes[slot] = familySizes[n - 1];
            }
            count = 0;
        }

        private void emit(int slot) throws IOException {
            sink.accept(row, idPrefix + row, values[slot], items[slot], itemSizes[slot], families[slot], familySizes[slot]);
            values[slot] = null;
            row++;
        }
    }

    /** Collects the records into columns. */
    private static final class TableSink implements RecordSink {
        final String[] ids;
        final String[][] columns;
        final int[] items;
        final int[] families;

        TableSink(int attributes, int records) {
            ids = new String[records];
            columns = new String[attributes][records];
            items = new int[records];
            families = new int[records];
        }

        @Override
        public void accept(int row, String id, String[] values, int item, int itemSize, int family, int familySize) {
            ids[row] = id;
            for (int a = 0; a < values.length; a++) {
                columns[a][row] = values[a];
            }
            items[row] = item;
            families[row] = family;
        }
    }

    /** Writes the records as CSV rows (through the library's one CSV writer: null as an empty field). */
    static final class CsvSink implements RecordSink {
        private final CsvWriter out;

        CsvSink(CsvWriter out, String[] header) throws IOException {
            this.out = out;
            out.row(header);
        }

        @Override
        public void accept(int row, String id, String[] values, int item, int itemSize, int family, int familySize)
                throws IOException {
            out.row(id, values);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + records + " records, seed " + seed + ", shuffle window "
                + shuffleWindow + "]";
    }

    /** Settings every generator has. */
    @SuppressWarnings("unchecked")
    public abstract static class Builder<B extends Builder<B>> {
        private int records = 1000;
        private long seed = 42;
        private int shuffleWindow = 10_000;
        private int labelledPairs = 10_000;
        double duplicateShare;
        int maxDuplicates;
        double zipfExponent = 1.5;

        Builder(double defaultDuplicateShare, int defaultMaxDuplicates) {
            this.duplicateShare = defaultDuplicateShare;
            this.maxDuplicates = defaultMaxDuplicates;
        }

        /** The share of originals (people, product variants) that get duplicate records. */
        public B duplicateShare(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("duplicateShare must be in [0, 1], was " + share);
            }
            this.duplicateShare = share;
            return (B) this;
        }

        /** The most duplicates of one original; their number falls off as 1/k^zipfExponent. */
        public B maxDuplicates(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxDuplicates must be positive, was " + n);
            }
            this.maxDuplicates = n;
            return (B) this;
        }

        /** How fast the number of duplicates falls off (default 1.5; larger = fewer large groups). */
        public B zipfExponent(double exponent) {
            if (!(exponent >= 0)) {
                throw new IllegalArgumentException("zipfExponent must not be negative, was " + exponent);
            }
            this.zipfExponent = exponent;
            return (B) this;
        }

        /** How many records to make in all (originals and duplicates); default 1,000. */
        public B records(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("records must be positive, was " + n);
            }
            this.records = n;
            return (B) this;
        }

        /** The random seed; the same seed and settings give the same output. Default 42. */
        public B seed(long s) {
            this.seed = s;
            return (B) this;
        }

        /**
         * How far apart duplicates may land: records are shuffled within a window of this many (default 10,000);
         * tables no larger than the window are fully shuffled.
         */
        public B shuffleWindow(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("shuffleWindow must be positive, was " + n);
            }
            this.shuffleWindow = n;
            return (B) this;
        }

        /** How many labelled pairs {@link #writeDataset} samples for train+valid+test (default 10,000). */
        public B labelledPairs(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("labelledPairs must not be negative, was " + n);
            }
            this.labelledPairs = n;
            return (B) this;
        }

        public abstract SyntheticGenerator build();
    }
}
