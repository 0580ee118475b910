package dev.matcher;

import dev.matcher.cluster.Clusters;
import dev.matcher.cluster.RecordSpace;
import dev.matcher.cluster.ScoredPairs;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.match.Explanation;
import dev.matcher.match.Matcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Resolver} found: the candidate pairs and their match probabilities, the threshold, and the clusters
 * of records that describe one thing (with stable ids and a confidence per record), plus in variant mode the
 * families of variants. Records are numbered as in {@link RecordSpace}: the table's rows in deduplication, left rows
 * then right rows in linkage. Immutable.
 *
 * <pre>{@code
 * Resolution r = Resolver.builder().labels(Path.of("labels.csv")).build().deduplicate(products);
 * System.out.println(r);                     // summary and the largest clusters
 * r.clusters().clusterId(17);                // the match id of row 17
 * r.write(Path.of("deduped.csv"));           // the input rows + match_id, match_confidence (+ family_id)
 * r.explain("p09", "p11");                   // why two records got their probability
 * }</pre>
 */
public final class Resolution {
    /** Output column: the id of a record's cluster (its smallest member id). */
    public static final String MATCH_ID = "match_id";
    /** Output column: how sure the clustering is of a record's membership, in [0, 1]. */
    public static final String CONFIDENCE = "match_confidence";
    /** Output column in variant mode: the id of a record's variant family. */
    public static final String FAMILY_ID = "family_id";

    private final Task task;
    private final Pairs candidates;
    private final double[] scores;
    private final double threshold;
    private final Clusters items;
    private final Clusters families;
    private final Matcher matcher;
    private final Map<String, Double> seconds;
    private final List<String> warnings;

    Resolution(Task task, Pairs candidates, double[] scores, double threshold, Clusters items, Clusters families,
               Matcher matcher, Map<String, Double> seconds, List<String> warnings) {
        if (candidates.size() != scores.length) {
            throw new IllegalArgumentException(candidates.size() + " candidates for " + scores.length + " scores");
        }
        this.task = task;
        this.candidates = candidates;
        this.scores = scores;
        this.threshold = threshold;
        this.items = items;
        this.families = families;
        this.matcher = matcher;
        this.seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
        this.warnings = List.copyOf(warnings);
    }

    public Task task() {
        return task;
    }

    /** The candidate pairs blocking proposed (rows of the left and right table). */
    public Pairs candidates() {
        return candidates;
    }

    /** The match probability of each candidate, in the order of {@link #candidates()}. */
    public double[] scores() {
        return scores.clone();
    }

    /** Pairs with a probability at or above this are matches. */
    public double threshold() {
        return threshold;
    }

    /** The candidates at or above the threshold, with their probabilities. */
    public ScoredPairs matches() {
        return new ScoredPairs(candidates, scores).atLeast(threshold);
    }

    /** Number of records: the table's rows in deduplication, both tables' rows in linkage. */
    public int records() {
        return items.size();
    }

    /**
     * The clusters of records that are the same thing (in variant mode: the same item, from the exact matcher, or
     * the families when there is none), with ids: in linkage prefixed {@code L:} and {@code R:}.
     */
    public Clusters clusters() {
        return items;
    }

    /** In variant mode the variant families (same product, any colour or size); empty in exact mode. */
    public Optional<Clusters> families() {
        return Optional.ofNullable(families);
    }

    /** The matcher that scored the candidates (trained, given or learned in a labelling session). */
    public Matcher matcher() {
        return matcher;
    }

    /** Seconds per stage, in the order the stages ran. */
    public Map<String, Double> seconds() {
        return seconds;
    }

    /** What the run had to leave out or warn about (also reported to the progress listener as it happened). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The input table (deduplication) or the left table (linkage) with the result columns added: {@value #MATCH_ID},
     * {@value #CONFIDENCE} and, in variant mode, {@value #FAMILY_ID}.
     */
    public Table left() {
        return annotate(task.left(), 0);
    }

    /** The right table with the result columns (see {@link #left()}); in deduplication the same as {@link #left()}. */
    public Table right() {
        return task.isDeduplication() ? left() : annotate(task.right(), task.left().size());
    }

    /** Writes the annotated table of a deduplication (the format follows the extension, see {@link Table#write}). */
    public void write(Path file) {
        if (task.isLinkage()) {
            throw new IllegalStateException("a linkage has two tables: use write(leftFile, rightFile)");
        }
        left().write(file);
    }

    /** Writes the two annotated tables of a linkage. */
    public void write(Path leftFile, Path rightFile) {
        if (task.isDeduplication()) {
            throw new IllegalStateException("a deduplication has one table: use write(file)");
        }
        left().write(leftFile);
        right().write(rightFile);
    }

    /** Why the matcher gave a pair of records (by id; left then right table in linkage) its probability. */
    public Explanation explain(String leftId, String rightId) {
        return matcher.explain(task.left(), task.right(), row(task.left(), leftId), row(task.right(), rightId));
    }

    private static int row(Table t, String id) {
        int row = t.indexOf(id);
        if (row < 0) {
            throw new IllegalArgumentException("no record '" + id + "' in " + t.name());
        }
        return row;
    }

    /** Fails when a table already has a column the output adds. */
    static void checkOutputColumns(Table table) {
        for (String column : new String[] {MATCH_ID, CONFIDENCE, FAMILY_ID}) {
            if (table.schema().indexOf(column) >= 0) {
                throw new DataException("table " + table.name() + " already has a column '" + column
                        + "', which the output adds; rename or drop it");
            }
        }
    }

    private Table annotate(Table table, int offset) {
        int n = table.size();
        String[] ids = new String[n];
        String[] confidence = new String[n];
        String[] familyIds = families == null ? null : new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = items.clusterId(offset + i);
            confidence[i] = String.format(Locale.ROOT, "%.4f", items.confidence(offset + i));
            if (familyIds != null) {
                familyIds[i] = families.clusterId(offset + i);
            }
        }
        Table t = table.withColumn(MATCH_ID, AttributeKind.IDENTIFIER, ids)
                .withColumn(CONFIDENCE, AttributeKind.NUMERIC, confidence);
        return familyIds == null ? t : t.withColumn(FAMILY_ID, AttributeKind.IDENTIFIER, familyIds);
    }

    /** One line: records, candidates, matching pairs, threshold, clusters. */
    public String summary() {
        int matching = 0;
        for (double s : scores) {
            matching += s >= threshold ? 1 : 0;
        }
        String s = String.format(Locale.ROOT, "%,d records, %,d candidate pairs, %,d at or above the threshold %.3f, "
                        + "%,d clusters (%,d with more than one record)", records(), candidates.size(), matching, threshold,
                items.count(), items.count() - items.singletonCount());
        if (families != null) {
            s += String.format(Locale.ROOT, ", %,d variant families (%,d with more than one record)", families.count(),
                    families.count() - families.singletonCount());
        }
        return s;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Resolution[").append(task).append("]\n").append(summary()).append('\n');
        int[] order = java.util.stream.IntStream.range(0, items.count()).boxed()
                .sorted((x, y) -> Integer.compare(items.size(y), items.size(x))).limit(5)
                .mapToInt(Integer::intValue).toArray();
        for (int c : order) {
            if (items.size(c) < 2) {
                break;
            }
            int[] members = items.members(c);
            String[] ids = new String[Math.min(members.length, 8)];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = items.id(members[i]);
            }
            b.append("  ").append(items.idOfCluster(c)).append(" (").append(members.length).append("): ")
                    .append(String.join(", ", Arrays.asList(ids))).append(members.length > ids.length ? ", ..." : "")
                    .append('\n');
        }
        warnings.forEach(w -> b.append("warning: ").append(w).append('\n'));
        return b.toString();
    }
}
