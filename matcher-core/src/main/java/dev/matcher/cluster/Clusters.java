package dev.matcher.cluster;

import dev.matcher.data.TextTable;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable partition of records {@code 0..size()-1} into clusters, with a confidence per record and a stable
 * string id per cluster.
 *
 * <p>Clusters are numbered {@code 0..count()-1} in order of their smallest record index, so the numbering depends
 * only on the partition. The <em>id</em> of a cluster is the smallest id of its members under an id order
 * ({@link #NATURAL_ORDER} unless given): re-running on the same table with records added keeps every id whose
 * cluster gained no member with a smaller id. Without {@link #withIds ids}, record ids are the record indices.
 *
 * <p>Confidence of a record: the mean score of its scored pairs inside its cluster; for a record alone, one minus the
 * highest score of any of its pairs (1 when it has none); 0 for a record sharing a cluster with no scored pair to
 * any member.
 *
 * <pre>{@code
 * Clusters c = Clusterers.connectedComponents(0.5).cluster(table.size(), scored).withIds(table);
 * c.clusterId(7);        // e.g. "rec-12", the smallest id in record 7's cluster
 * c.members(c.clusterOf(7));
 * System.out.println(c); // counts and the largest clusters
 * }</pre>
 */
public final class Clusters {
    /** Compares ids by runs: digit runs numerically ("r2" before "r10"), the rest as text; ties by plain order. */
    public static final Comparator<String> NATURAL_ORDER = Clusters::compareNatural;

    private final int[] label;
    private final int[] offsets;
    private final int[] members;
    private final double[] confidence;
    private final double[] clusterConfidence;
    private final String[] ids;
    private final Comparator<String> idOrder;
    private final int[] representative;
    private final List<Split> splits;

    /**
     * One cluster the {@link Clusterer#withMaxSize size guard} split.
     *
     * @param firstRecord  the smallest record index of the cluster before the split
     * @param size         its size before the split
     * @param pieces       into how many clusters it was split
     * @param strongestCut the highest score of a pair the split separated
     */
    public record Split(int firstRecord, int size, int pieces, double strongestCut) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "split the cluster of record %d (%d records) into %d pieces, cutting links up to %.3f",
                    firstRecord, size, pieces, strongestCut);
        }
    }

    private Clusters(int[] label, int[] offsets, int[] members, double[] confidence, double[] clusterConfidence,
                     String[] ids, Comparator<String> idOrder, List<Split> splits) {
        this.label = label;
        this.offsets = offsets;
        this.members = members;
        this.confidence = confidence;
        this.clusterConfidence = clusterConfidence;
        this.ids = ids;
        this.idOrder = idOrder;
        this.splits = List.copyOf(splits);
        this.representative = new int[offsets.length - 1];
        for (int c = 0; c < representative.length; c++) {
            int best = members[offsets[c]];
            if (ids != null) {
                for (int k = offsets[c] + 1; k < offsets[c + 1]; k++) {
                    if (idOrder.compare(ids[members[k]], ids[best]) < 0) {
                        best = members[k];
                    }
                }
            }
            representative[c] = best;
        }
    }

    /**
     * Clusters from one label per record (any ints; equal labels = same cluster), with confidences from
     * {@code pairs} (pairs outside the records are an error).
     */
    public static Clusters of(int[] labels, ScoredPairs pairs) {
        int n = labels.length;
        int[] canonical = canonical(labels);
        int count = 0;
        for (int l : canonical) {
            count = Math.max(count, l + 1);
        }
        int[] offsets = new int[count + 1];
        for (int l : canonical) {
            offsets[l + 1]++;
        }
        for (int c = 0; c < count; c++) {
            offsets[c + 1] += offsets[c];
        }
        int[] members = new int[n];
        int[] fill = Arrays.copyOf(offsets, count);
        for (int r = 0; r < n; r++) {
            members[fill[canonical[r]]++] = r;
        }
        // per record: summed score and count of its pairs inside its cluster, and its best score; interleaved so
        // that one pair touches one cache line per record
        double[] stats = new double[3 * n];
        double[] clusterSum = new double[count];
        int[] clusterPairs = new int[count];
        for (int i = 0; i < pairs.size(); i++) {
            int a = pairs.left(i);
            int b = pairs.right(i);
            if (a >= n || b >= n) {
                throw new IllegalArgumentException("pair (" + a + ", " + b + ") outside " + n + " records");
            }
            double s = pairs.score(i);
            stats[3 * a + 2] = Math.max(stats[3 * a + 2], s);
            stats[3 * b + 2] = Math.max(stats[3 * b + 2], s);
            int ca = canonical[a];
            if (a != b && ca == canonical[b]) {
                stats[3 * a] += s;
                stats[3 * a + 1]++;
                stats[3 * b] += s;
                stats[3 * b + 1]++;
                clusterSum[ca] += s;
                clusterPairs[ca]++;
            }
        }
        double[] confidence = new double[n];
        for (int r = 0; r < n; r++) {
            int c = canonical[r];
            boolean alone = offsets[c + 1] - offsets[c] == 1;
            double pairsInside = stats[3 * r + 1];
            confidence[r] = alone ? 1 - stats[3 * r + 2] : pairsInside == 0 ? 0 : stats[3 * r] / pairsInside;
        }
        double[] clusterConfidence = new double[count];
        for (int c = 0; c < count; c++) {
            boolean alone = offsets[c + 1] - offsets[c] == 1;
            clusterConfidence[c] = alone ? confidence[members[offsets[c]]]
                    : clusterPairs[c] == 0 ? 0 : clusterSum[c] / clusterPairs[c];
        }
        return new Clusters(canonical, offsets, members, confidence, clusterConfidence, null, NATURAL_ORDER, List.of());
    }

    /** Clusters from labels alone (e.g. a ground truth): no pair evidence, so confidences are 1 alone, 0 together. */
    public static Clusters of(int[] labels) {
        return of(labels, ScoredPairs.empty());
    }

    /** Every record alone. */
    public static Clusters singletons(int n) {
        int[] labels = new int[n];
        Arrays.setAll(labels, i -> i);
        return of(labels);
    }

    private static int[] canonical(int[] labels) {
        int n = labels.length;
        if (isCanonical(labels)) {
            return labels.clone();
        }
        // map arbitrary labels to 0.. in order of first appearance (= order of smallest member)
        long[] keyed = new long[n];
        for (int r = 0; r < n; r++) {
            keyed[r] = ((long) labels[r] << 32) | r;
        }
        Arrays.sort(keyed);
        int[] firstMember = new int[n];
        int[] groupOf = new int[n];
        int groups = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            int first = (int) keyed[i];
            while (j < n && (keyed[j] >> 32) == (keyed[i] >> 32)) {
                groupOf[(int) keyed[j]] = groups;
                j++;
            }
            firstMember[groups++] = first;
            i = j;
        }
        // groups are sorted by label; renumber by smallest member
        int[] order = new int[groups];
        long[] byFirst = new long[groups];
        for (int g = 0; g < groups; g++) {
            byFirst[g] = ((long) firstMember[g] << 32) | g;
        }
        Arrays.sort(byFirst);
        for (int k = 0; k < groups; k++) {
            order[(int) byFirst[k]] = k;
        }
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            out[r] = order[groupOf[r]];
        }
        return out;
    }

    /** True when labels already number clusters 0.. in order of their smallest record (as union-find gives them). */
    private static boolean isCanonical(int[] labels) {
        int next = 0;
        for (int l : labels) {
            if (l == next) {
                next++;
            } else if (l < 0 || l > next) {
                return false;
            }
        }
        return true;
    }

    /** The same clusters with record ids (one per record) ordered by {@link #NATURAL_ORDER}. */
    public Clusters withIds(String[] recordIds) {
        return withIds(recordIds, NATURAL_ORDER);
    }

    /** The same clusters with record ids and the order that picks each cluster's id (its smallest member id). */
    public Clusters withIds(String[] recordIds, Comparator<String> order) {
        if (recordIds.length != label.length) {
            throw new IllegalArgumentException(recordIds.length + " ids for " + label.length + " records");
        }
        for (int i = 0; i < recordIds.length; i++) {
            Objects.requireNonNull(recordIds[i], "id of record " + i);
        }
        return new Clusters(label, offsets, members, confidence, clusterConfidence, recordIds.clone(),
                Objects.requireNonNull(order), splits);
    }

    /** The same clusters with the ids of a deduplicated table. */
    public Clusters withIds(dev.matcher.data.Table table) {
        String[] recordIds = new String[table.size()];
        Arrays.setAll(recordIds, table::id);
        return withIds(recordIds);
    }

    /**
     * Clusters after adding records to {@code existing} (records {@code existing.size()..} are new): existing records
     * keep their confidence, new ones get it from {@code newPairs}; a cluster that is exactly an existing one keeps
     * its confidence, a changed one gets the mean of its records'.
     */
    static Clusters extended(int[] labels, ScoredPairs newPairs, Clusters existing, String[] ids) {
        Clusters fresh = of(labels, newPairs);
        int old = existing.size();
        double[] conf = fresh.confidence.clone();
        for (int r = 0; r < old; r++) {
            conf[r] = existing.confidence[r];
        }
        double[] clusterConf = new double[fresh.count()];
        for (int c = 0; c < clusterConf.length; c++) {
            int first = fresh.members[fresh.offsets[c]];
            int size = fresh.size(c);
            if (first < old && existing.size(existing.clusterOf(first)) == size
                    && fresh.members[fresh.offsets[c + 1] - 1] < old) {
                clusterConf[c] = existing.clusterConfidence[existing.clusterOf(first)];
            } else {
                double sum = 0;
                for (int k = fresh.offsets[c]; k < fresh.offsets[c + 1]; k++) {
                    sum += conf[fresh.members[k]];
                }
                clusterConf[c] = sum / size;
            }
        }
        return new Clusters(fresh.label, fresh.offsets, fresh.members, conf, clusterConf, ids, existing.idOrder,
                List.of());
    }

    Comparator<String> idOrder() {
        return idOrder;
    }

    Clusters withSplits(List<Split> moreSplits) {
        List<Split> all = new java.util.ArrayList<>(splits);
        all.addAll(moreSplits);
        return new Clusters(label, offsets, members, confidence, clusterConfidence, ids, idOrder, all);
    }

    /** Number of records. */
    public int size() {
        return label.length;
    }

    /** Number of clusters. */
    public int count() {
        return offsets.length - 1;
    }

    /** The cluster index {@code 0..count()-1} of a record. */
    public int clusterOf(int record) {
        return label[record];
    }

    /** The cluster index of every record (a copy). */
    public int[] labels() {
        return label.clone();
    }

    /** The records of a cluster, ascending (a copy). */
    public int[] members(int cluster) {
        return Arrays.copyOfRange(members, offsets[cluster], offsets[cluster + 1]);
    }

    /** Number of records in a cluster. */
    public int size(int cluster) {
        return offsets[cluster + 1] - offsets[cluster];
    }

    public boolean together(int a, int b) {
        return label[a] == label[b];
    }

    /** The id of a record: the given id, or its index without ids. */
    public String id(int record) {
        return ids == null ? Integer.toString(record) : ids[record];
    }

    /** The stable id of a record's cluster: the smallest member id. */
    public String clusterId(int record) {
        return id(representative[label[record]]);
    }

    /** The stable id of a cluster given by index. */
    public String idOfCluster(int cluster) {
        return id(representative[cluster]);
    }

    /** Confidence of a record's membership (see the class comment). */
    public double confidence(int record) {
        return confidence[record];
    }

    /** Mean score of the scored pairs inside a cluster; a lone record's confidence for a singleton. */
    public double clusterConfidence(int cluster) {
        return clusterConfidence[cluster];
    }

    /** Clusters the size guard split, with what it cut (empty when none). */
    public List<Split> splits() {
        return splits;
    }

    /** Size of the largest cluster (0 without records). */
    public int largestSize() {
        int max = 0;
        for (int c = 0; c < count(); c++) {
            max = Math.max(max, size(c));
        }
        return max;
    }

    /** Number of clusters of one record. */
    public int singletonCount() {
        int n = 0;
        for (int c = 0; c < count(); c++) {
            if (size(c) == 1) {
                n++;
            }
        }
        return n;
    }

    /** True when both put the same records together (ids and confidences aside). */
    public boolean samePartition(Clusters other) {
        return Arrays.equals(label, other.label);
    }

    /** Equal partitions with equal ids (confidences are derived evidence and not compared). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Clusters other && Arrays.equals(label, other.label) && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(label) + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Clusters[%d records in %d clusters, %d alone, largest %d%s]%n", size(), count(), singletonCount(),
                largestSize(), splits.isEmpty() ? "" : ", " + splits.size() + " split by the size guard"));
        Integer[] order = new Integer[count()];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer c) -> -size(c)).thenComparingInt(c -> c));
        TextTable table = new TextTable("cluster", "size", "confidence", "members");
        for (int k = 0; k < Math.min(10, order.length) && size(order[k]) > 1; k++) {
            int c = order[k];
            StringBuilder m = new StringBuilder();
            for (int i = offsets[c]; i < offsets[c + 1] && m.length() < 40; i++) {
                m.append(i == offsets[c] ? "" : ", ").append(id(members[i]));
            }
            table.row(idOfCluster(c), size(c), String.format(Locale.ROOT, "%.3f", clusterConfidence[c]), m);
        }
        return sb.append(table).toString();
    }

    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int si = i;
                int sj = j;
                while (si < a.length() - 1 && a.charAt(si) == '0' && isDigit(a.charAt(si + 1))) {
                    si++;
                }
                while (sj < b.length() - 1 && b.charAt(sj) == '0' && isDigit(b.charAt(sj + 1))) {
                    sj++;
                }
                int ei = si;
                int ej = sj;
                while (ei < a.length() && isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && isDigit(b.charAt(ej))) {
                    ej++;
                }
                int lengths = Integer.compare(ei - si, ej - sj);
                if (lengths != 0) {
                    return lengths;
                }
                for (int k = 0; k < ei - si; k++) {
                    int d = Character.compare(a.charAt(si + k), b.charAt(sj + k));
                    if (d != 0) {
                        return d;
                    }
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int rest = Integer.compare(a.length() - i, b.length() - j);
        return rest != 0 ? rest : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
