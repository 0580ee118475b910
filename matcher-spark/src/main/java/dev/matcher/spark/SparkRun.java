package dev.matcher.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.Candidates;
import dev.matcher.blocking.KeyFunction;
import dev.matcher.cluster.Clusters;
import dev.matcher.compare.FeatureSpace;
import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Pairs;
import dev.matcher.data.Schema;
import dev.matcher.data.Table;
import dev.matcher.match.Matcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * One run of a {@link SparkResolver}. Records are numbered as on one machine: {@code row} is the position in its
 * table, {@code node} the position in the record space (left rows, then right rows in linkage).
 */
final class SparkRun {
    private final SparkResolver r;
    private final SparkSession spark;
    private final Dataset<Row> leftIn;
    private final Dataset<Row> rightIn;
    private final boolean dedup;
    private final List<String> attributes;
    private final Schema schema;
    /** The schema as it travels to the executors ({@link Schema} is not serializable). */
    private final Layout layout;

    /** Attribute names and kinds: the partition tables' schema, rebuilt on each executor. */
    record Layout(String[] names, AttributeKind[] kinds) implements java.io.Serializable {
        static Layout of(Schema s) {
            String[] n = new String[s.size()];
            AttributeKind[] k = new AttributeKind[s.size()];
            for (int i = 0; i < n.length; i++) {
                n[i] = s.get(i).name();
                k[i] = s.get(i).kind();
            }
            return new Layout(n, k);
        }

        Schema schema() {
            List<Attribute> a = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                a.add(new Attribute(names[i], kinds[i]));
            }
            return Schema.of(a);
        }
    }
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Candidates.Cut> cuts = new ArrayList<>();

    SparkRun(SparkResolver r, Dataset<Row> left, Dataset<Row> right) {
        this.r = r;
        this.spark = left.sparkSession();
        this.dedup = right == null;
        this.leftIn = SparkTables.text(left, "left table");
        this.rightIn = dedup ? null : SparkTables.text(right, "right table");
        List<String> names = new ArrayList<>(Arrays.asList(leftIn.columns()));
        names.remove(SparkTables.ID);
        if (!dedup) {
            names.retainAll(Arrays.asList(rightIn.columns()));
        }
        this.attributes = List.copyOf(names);
        for (Dataset<Row> in : dedup ? List.of(leftIn) : List.of(leftIn, rightIn)) {
            for (String c : in.columns()) {
                if (c.equals(SparkResolution.MATCH_ID) || c.equals(SparkResolution.CONFIDENCE)) {
                    throw new IllegalArgumentException("the table already has a column '" + c + "', which the "
                            + "output adds; rename or drop it first");
                }
            }
        }
        Map<String, AttributeKind> kinds = r.matcher.spec().kinds();
        for (String a : kinds.keySet()) {
            if (!attributes.contains(a)) {
                throw new IllegalArgumentException("schema mismatch: the matcher was trained on attribute '" + a
                        + "' (" + kinds.get(a) + "), which the table" + (dedup ? "" : "s") + " lack" + (dedup ? "s" : "")
                        + "; columns are " + attributes + ", the model expects " + kinds.keySet());
            }
        }
        List<Attribute> attrs = new ArrayList<>();
        for (String a : attributes) {
            attrs.add(new Attribute(a, kinds.getOrDefault(a, AttributeKind.STRING)));
        }
        this.schema = Schema.of(attrs);
        this.layout = Layout.of(schema);
    }

    SparkResolution run() {
        String job = UUID.randomUUID().toString();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long t = System.nanoTime();
        Dataset<Row> left = indexed(leftIn, 0).localCheckpoint();
        Dataset<Row> right = dedup ? left : indexed(rightIn, 1).localCheckpoint();
        long leftSize = left.count();
        long rightSize = dedup ? 0 : right.count();
        checkIds(left, leftSize, "left");
        if (!dedup) {
            checkIds(right, rightSize, "right");
        }
        t = stage("reading", t);

        Dataset<Row> candidates = block(dedup ? left : left.union(right)).localCheckpoint();
        long pairs = candidates.count();
        t = stage("blocking", t);

        FeatureSpace.Statistics stats = statistics(left, right);
        t = stage("statistics", t);

        Broadcast<byte[]> model = jsc.broadcast(Executors.bytes(r.matcher));
        Broadcast<FeatureSpace.Statistics> statistics = jsc.broadcast(stats);
        Dataset<Row> scored;
        try {
            scored = score(candidates, left, right, job, model, statistics).localCheckpoint();
            scored.count();
        } finally {
            model.destroy();
            statistics.destroy();
            Executors.release(job);          // the driver's copy (local mode); executors drop theirs when they end
        }
        t = stage("scoring", t);

        long offset = dedup ? 0 : leftSize;
        Dataset<Row> nodes = left.select(col("side"), col("row"), col("row").as("node"), col(SparkTables.ID).as("cid"));
        if (!dedup) {
            nodes = nodes.union(right.select(col("side"), col("row"), col("row").plus(offset).as("node"),
                    col(SparkTables.ID).as("cid")));
        }
        Dataset<Row> edges = scored.select(col("l").as("a"), col("r").plus(offset).as("b"), col("score"));
        int[] iterations = new int[1];
        Dataset<Row> labels = dedup ? components(edges, iterations) : uniqueMapping(edges, iterations);
        Dataset<Row> clusters = clusters(nodes, edges, labels).localCheckpoint();
        clusters.count();
        stage("clustering", t);
        return new SparkResolution(dedup, leftIn, rightIn, left, right, scored, clusters, r.threshold, pairs, cuts,
                warnings, seconds, iterations[0]);
    }

    private long stage(String name, long start) {
        long now = System.nanoTime();
        seconds.merge(name, (now - start) / 1e9, Double::sum);
        return now;
    }

    // ---- records ------------------------------------------------------------------------------------------------

    /** side, row (position in the file), id, then the attributes as text. */
    private Dataset<Row> indexed(Dataset<Row> df, int side) {
        List<Column> cols = new ArrayList<>();
        cols.add(col(SparkTables.ID));
        for (String a : attributes) {
            cols.add(col("`" + a + "`"));
        }
        int n = cols.size();
        JavaRDD<Row> rows = df.select(cols.toArray(new Column[0])).javaRDD().zipWithIndex().map(x -> {
            Object[] v = new Object[n + 2];
            v[0] = side;
            v[1] = x._2();
            for (int i = 0; i < n; i++) {
                v[i + 2] = x._1().get(i);
            }
            return RowFactory.create(v);
        });
        StructType st = new StructType().add("side", DataTypes.IntegerType, false)
                .add("row", DataTypes.LongType, false).add(SparkTables.ID, DataTypes.StringType, true);
        for (int i = 0; i < attributes.size(); i++) {
            st = st.add("a" + i, DataTypes.StringType, true);
        }
        return spark.createDataFrame(rows, st);
    }

    private static void checkIds(Dataset<Row> records, long size, String side) {
        long nulls = records.where(col(SparkTables.ID).isNull()).count();
        if (nulls > 0) {
            long row = records.where(col(SparkTables.ID).isNull()).agg(min("row")).first().getLong(0);
            throw new IllegalArgumentException("the " + side + " table has " + nulls + " records without an id (the "
                    + "first is record " + (row + 1) + ")");
        }
        List<Row> dup = records.groupBy(SparkTables.ID).count().where(col("count").gt(1)).limit(1).collectAsList();
        if (!dup.isEmpty()) {
            throw new IllegalArgumentException("the " + side + " table has the id '" + dup.get(0).getString(0)
                    + "' " + dup.get(0).getLong(1) + " times; ids must be unique");
        }
    }

    /** The records of one partition as a table (rows in partition order), with the run's schema. */
    static Table table(List<Row> rows, Schema schema, int firstAttribute, int idColumn) {
        int n = rows.size();
        String[] ids = new String[n];
        String[][] values = new String[schema.size()][n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            ids[i] = row.getString(idColumn);
            for (int a = 0; a < values.length; a++) {
                values[a][i] = row.getString(firstAttribute + a);
            }
        }
        return Table.of("partition", ids, schema.names(), values, schema);
    }

    // ---- blocking -----------------------------------------------------------------------------------------------

    /** Candidate pairs (l, r) of rows: l < r in deduplication, l left and r right in linkage. */
    private Dataset<Row> block(Dataset<Row> records) {
        SparkResolver.Keys keys = r.keys;
        Layout lay = layout;
        FlatMapFunction<Iterator<Row>, Row> explode = it -> {
            List<Row> rows = new ArrayList<>();
            it.forEachRemaining(rows::add);
            if (rows.isEmpty()) {
                return Collections.emptyIterator();
            }
            List<Row> out = new ArrayList<>();
            List<KeyFunction> functions = keys.functions();
            Schema s = lay.schema();
            for (int side = 0; side < 2; side++) {
                List<Row> mine = new ArrayList<>();
                for (Row row : rows) {
                    if (row.getInt(0) == side) {
                        mine.add(row);
                    }
                }
                if (mine.isEmpty()) {
                    continue;
                }
                Table t = table(mine, s, 3, 2);
                KeyFunction.RowKeys[] bound = new KeyFunction.RowKeys[functions.size()];
                for (int f = 0; f < bound.length; f++) {
                    bound[f] = functions.get(f).bind(t);
                }
                for (int i = 0; i < mine.size(); i++) {
                    long row = mine.get(i).getLong(1);
                    for (int f = 0; f < bound.length; f++) {
                        for (String k : bound[f].keys(i)) {
                            out.add(RowFactory.create(bound.length == 1 ? k : f + "\u0000" + k, side, row));
                        }
                    }
                }
            }
            return out.iterator();
        };
        StructType st = new StructType().add("k", DataTypes.StringType, false)
                .add("side", DataTypes.IntegerType, false).add("row", DataTypes.LongType, false);
        Dataset<Row> keyed = spark.createDataFrame(records.javaRDD().mapPartitions(explode), st).persist();
        try {
            Dataset<Row> sizes = keyed.groupBy("k").agg(count(lit(1)).as("size"),
                    sum(when(col("side").equalTo(0), 1).otherwise(0)).as("nleft"));
            Column comparisons = dedup ? col("size").geq(2)
                    : col("nleft").gt(0).and(col("nleft").lt(col("size")));
            Dataset<Row> useful = sizes.where(comparisons).persist();
            Dataset<Row> dropped = useful.where(col("size").gt(r.maxBlockSize));
            List<Row> largest = dropped.orderBy(col("size").desc(), col("k")).limit(1).collectAsList();
            if (!largest.isEmpty()) {
                long blocks = dropped.count();
                String k = largest.get(0).getString(0);
                String key = (k.indexOf('\u0000') >= 0 ? k.substring(k.indexOf('\u0000') + 1) : k).replace('\u001f', '+');
                String guard = "size guard of " + Blockers.standard(r.keys.functions().toArray(new KeyFunction[0]))
                        .maxBlockSize(r.maxBlockSize);
                Candidates.Cut cut = new Candidates.Cut(guard, (int) blocks, r.maxBlockSize,
                        (int) largest.get(0).getLong(1), key);
                cuts.add(cut);
                warnings.add("blocking left pairs out: " + cut + "; records meeting only in those blocks were not "
                        + "compared");
            }
            Dataset<Row> kept = useful.where(col("size").leq(r.maxBlockSize)).select(col("k").as("kept"));
            Dataset<Row> members = keyed.join(kept, col("k").equalTo(col("kept")), "left_semi");
            Dataset<Row> a = members.as("a");
            Dataset<Row> b = members.as("b");
            Column on = col("a.k").equalTo(col("b.k")).and(dedup ? col("a.row").lt(col("b.row"))
                    : col("a.side").equalTo(0).and(col("b.side").equalTo(1)));
            Dataset<Row> pairs = a.join(b, on).select(col("a.row").as("l"), col("b.row").as("r")).distinct();
            Dataset<Row> result = pairs.localCheckpoint();
            useful.unpersist();
            return result;
        } finally {
            keyed.unpersist();
        }
    }

    // ---- statistics and scoring ---------------------------------------------------------------------------------

    /** The corpus statistics of the whole tables, fitted on the driver (see {@link SparkResolver}). */
    private FeatureSpace.Statistics statistics(Dataset<Row> left, Dataset<Row> right) {
        Table l = table(left.orderBy("row").collectAsList(), schema, 3, 2);
        Table rt = dedup ? l : table(right.orderBy("row").collectAsList(), schema, 3, 2);
        return r.matcher.features(l, rt).statistics();
    }

    /** (l, r, score) of every candidate, each partition in a feature space of its pairs' records. */
    private Dataset<Row> score(Dataset<Row> candidates, Dataset<Row> left, Dataset<Row> right, String job,
                               Broadcast<byte[]> model, Broadcast<FeatureSpace.Statistics> statistics) {
        int n = attributes.size();
        List<Column> lc = new ArrayList<>(List.of(col("row").as("l"), col(SparkTables.ID).as("l_id")));
        List<Column> rc = new ArrayList<>(List.of(col("row").as("r"), col(SparkTables.ID).as("r_id")));
        for (int i = 0; i < n; i++) {
            lc.add(col("a" + i).as("l" + i));
            rc.add(col("a" + i).as("r" + i));
        }
        Dataset<Row> withRecords = candidates.join(left.select(lc.toArray(new Column[0])), "l")
                .join(right.select(rc.toArray(new Column[0])), "r");
        if (r.partitions > 0) {
            withRecords = withRecords.repartition(r.partitions);
        }
        // columns now: r, l, l_id, l0.., r_id, r0..
        Dataset<Row> ordered = withRecords.select(withColumns(n));
        Layout lay = layout;
        boolean dd = dedup;
        // bounded chunks of a partition's pairs, so that memory does not grow with the partition
        FlatMapFunction<Iterator<Row>, Row> scorer = it -> new Chunks(it, job, model, statistics, lay, dd, n);
        StructType st = new StructType().add("l", DataTypes.LongType, false).add("r", DataTypes.LongType, false)
                .add("score", DataTypes.DoubleType, false);
        return spark.createDataFrame(ordered.javaRDD().mapPartitions(scorer), st);
    }

    /** A partition's scores, computed chunk by chunk so that memory does not grow with the partition. */
    private static final class Chunks implements Iterator<Row> {
        private final Iterator<Row> pairs;
        private final String job;
        private final Broadcast<byte[]> model;
        private final Broadcast<FeatureSpace.Statistics> statistics;
        private final Layout layout;
        private final boolean dedup;
        private final int attributes;
        private Iterator<Row> current = Collections.emptyIterator();

        Chunks(Iterator<Row> pairs, String job, Broadcast<byte[]> model, Broadcast<FeatureSpace.Statistics> statistics,
               Layout layout, boolean dedup, int attributes) {
            this.pairs = pairs;
            this.job = job;
            this.model = model;
            this.statistics = statistics;
            this.layout = layout;
            this.dedup = dedup;
            this.attributes = attributes;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && pairs.hasNext()) {
                current = scoreChunk(pairs, Executors.matcher(job, model.value()), statistics.value(),
                        layout.schema(), dedup, attributes);
            }
            return current.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return current.next();
        }
    }

    /** Pairs scored per chunk of a partition: feature spaces of a few thousand records, built per chunk. */
    static final int CHUNK = 1 << 16;

    /** Scores the next {@link #CHUNK} pairs of {@code it} in a feature space of just their records. */
    private static Iterator<Row> scoreChunk(Iterator<Row> it, Matcher m, FeatureSpace.Statistics statistics,
                                            Schema s, boolean dedup, int n) {
        List<Row> rows = new ArrayList<>();
        while (it.hasNext() && rows.size() < CHUNK) {
            rows.add(it.next());
        }
        // the records of the chunk's pairs, each once per side (once in all for deduplication)
        Map<Long, Integer> lIndex = new HashMap<>();
        Map<Long, Integer> rIndex = dedup ? lIndex : new HashMap<>();
        List<Row> lRecords = new ArrayList<>();
        List<Row> rRecords = dedup ? lRecords : new ArrayList<>();
        int[] pl = new int[rows.size()];
        int[] pr = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            pl[i] = local(lIndex, lRecords, row.getLong(0), RowFactory.create(record(row, 2, n)));
            pr[i] = local(rIndex, rRecords, row.getLong(1), RowFactory.create(record(row, 3 + n, n)));
        }
        Table lt = table(lRecords, s, 1, 0);
        Table rt = dedup ? lt : table(rRecords, s, 1, 0);
        double[] p = m.score(m.features(lt, rt, statistics), Pairs.of(pl, pr));
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(RowFactory.create(rows.get(i).getLong(0), rows.get(i).getLong(1), p[i]));
        }
        return out.iterator();
    }

    /** l, r, l_id, l0.., r_id, r0.. */
    private static Column[] withColumns(int n) {
        List<Column> c = new ArrayList<>(List.of(col("l"), col("r"), col("l_id")));
        for (int i = 0; i < n; i++) {
            c.add(col("l" + i));
        }
        c.add(col("r_id"));
        for (int i = 0; i < n; i++) {
            c.add(col("r" + i));
        }
        return c.toArray(new Column[0]);
    }

    /** id and attributes of one side of a pair row: n + 1 values from {@code from}. */
    private static Object[] record(Row row, int from, int n) {
        Object[] v = new Object[n + 1];
        for (int i = 0; i <= n; i++) {
            v[i] = row.get(from + i);
        }
        return v;
    }

    private static int local(Map<Long, Integer> index, List<Row> records, long row, Row record) {
        Integer i = index.get(row);
        if (i == null) {
            i = records.size();
            index.put(row, i);
            records.add(record);
        }
        return i;
    }

    // ---- clustering ---------------------------------------------------------------------------------------------

    /** (node, label): connected components of the pairs at or above the threshold, by min-label propagation. */
    private Dataset<Row> components(Dataset<Row> edges, int[] iterations) {
        Dataset<Row> strong = edges.where(col("score").geq(r.threshold)).select("a", "b").localCheckpoint();
        Dataset<Row> labels = strong.select(col("a").as("node")).union(strong.select(col("b").as("node")))
                .distinct().withColumn("label", col("node")).localCheckpoint();
        while (true) {
            if (iterations[0] >= r.maxIterations) {
                throw new IllegalStateException("connected components did not converge in " + r.maxIterations
                        + " rounds; raise maxIterations");
            }
            iterations[0]++;
            Dataset<Row> la = labels.select(col("node").as("a"), col("label").as("la"));
            Dataset<Row> lb = labels.select(col("node").as("b"), col("label").as("lb"));
            Dataset<Row> e = strong.join(la, "a").join(lb, "b").withColumn("m", least(col("la"), col("lb")));
            Dataset<Row> proposals = e.select(col("a").as("node"), col("m"))
                    .union(e.select(col("b").as("node"), col("m"))).groupBy("node").agg(min("m").as("m"));
            Dataset<Row> next = labels.join(proposals, "node")
                    .select(col("node"), least(col("label"), col("m")).as("label")).localCheckpoint();
            long changed = next.join(labels.withColumnRenamed("label", "old"), "node")
                    .where(col("label").notEqual(col("old"))).count();
            labels = next;
            if (changed == 0) {
                return labels;
            }
        }
    }

    /**
     * (node, label): unique mapping at the threshold. Round by round, a pair that is the best of both its records
     * (score as a float, then left row, then right row: the greedy order) is taken and its records leave; the result
     * is the greedy one-to-one mapping.
     */
    private Dataset<Row> uniqueMapping(Dataset<Row> edges, int[] iterations) {
        Dataset<Row> open = edges.where(col("score").geq(r.threshold))
                .select(col("a"), col("b"), struct(col("score").cast(DataTypes.FloatType).as("f"),
                        col("a").multiply(-1).as("na"), col("b").multiply(-1).as("nb")).as("key")).localCheckpoint();
        Dataset<Row> taken = null;
        while (open.count() > 0) {
            if (iterations[0] >= r.maxIterations) {
                throw new IllegalStateException("unique mapping did not converge in " + r.maxIterations
                        + " rounds; raise maxIterations");
            }
            iterations[0]++;
            Dataset<Row> bestA = open.groupBy("a").agg(max("key").as("key")).select("key");
            Dataset<Row> bestB = open.groupBy("b").agg(max("key").as("key")).select("key");
            Dataset<Row> mutual = bestA.join(bestB, "key")
                    .select(col("key.na").multiply(-1).as("a"), col("key.nb").multiply(-1).as("b")).localCheckpoint();
            taken = taken == null ? mutual : taken.union(mutual).localCheckpoint();
            open = open.join(mutual.select("a"), "a", "left_anti").join(mutual.select("b"), "b", "left_anti")
                    .select("a", "b", "key").localCheckpoint();
        }
        if (taken == null) {
            return spark.createDataFrame(Collections.emptyList(), new StructType()
                    .add("node", DataTypes.LongType, false).add("label", DataTypes.LongType, false));
        }
        return taken.select(col("a").as("node"), col("a").as("label"))
                .union(taken.select(col("b").as("node"), col("a").as("label")));
    }

    /**
     * side, row, id, match_id, match_confidence of every record: the cluster id is the smallest member id in
     * natural order; the confidence is the mean score of the record's pairs inside its cluster, or for a record alone
     * one minus its best score (as {@code Clusters.of}).
     */
    private Dataset<Row> clusters(Dataset<Row> nodes, Dataset<Row> edges, Dataset<Row> labels) {
        Dataset<Row> given = labels.select(col("node").as("labelled"), col("label").as("given"));
        Dataset<Row> labelled = nodes.join(given, col("node").equalTo(col("labelled")), "left")
                .select(col("side"), col("row"), col("node"), col("cid"),
                        when(col("given").isNull(), col("node")).otherwise(col("given")).as("label"))
                .localCheckpoint();
        boolean link = !dedup;
        JavaRDD<Row> smallest = labelled.select("label", "side", "cid").javaRDD()
                .mapToPair(x -> new Tuple2<>(x.getLong(0), (link ? (x.getInt(1) == 0 ? "L:" : "R:") : "")
                        + x.getString(2)))
                .reduceByKey((x, y) -> Clusters.NATURAL_ORDER.compare(x, y) <= 0 ? x : y)
                .map(x -> RowFactory.create(x._1(), x._2()));
        Dataset<Row> ids = spark.createDataFrame(smallest, new StructType().add("label", DataTypes.LongType, false)
                .add("match_id", DataTypes.StringType, false));
        Dataset<Row> sizes = labelled.groupBy("label").agg(count(lit(1)).as("size"));
        Dataset<Row> la = labelled.select(col("node").as("a"), col("label").as("la"));
        Dataset<Row> lb = labelled.select(col("node").as("b"), col("label").as("lb"));
        Dataset<Row> e = edges.join(la, "a").join(lb, "b");
        Column inside = col("la").equalTo(col("lb"));
        Dataset<Row> ends = e.select(col("a").as("node"), col("score"), inside.as("inside"))
                .union(e.select(col("b").as("node"), col("score"), inside.as("inside")));
        Dataset<Row> perNode = ends.groupBy(col("node").as("scored")).agg(max("score").as("best"),
                sum(when(col("inside"), col("score")).otherwise(0.0)).as("sum"),
                sum(when(col("inside"), 1).otherwise(0)).as("n"));
        Dataset<Row> all = labelled.join(perNode, col("node").equalTo(col("scored")), "left")
                .join(sizes, "label").join(ids, "label");
        Column best = when(col("best").isNull(), 0.0).otherwise(col("best"));
        Column confidence = when(col("size").equalTo(1), lit(1.0).minus(best))
                .when(col("n").isNull().or(col("n").equalTo(0)), 0.0).otherwise(col("sum").divide(col("n")));
        return all.select(col("side"), col("row"), col("cid").as(SparkTables.ID), col("match_id"),
                confidence.as("match_confidence"));
    }
}
