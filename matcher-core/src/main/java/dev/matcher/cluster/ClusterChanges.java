package dev.matcher.cluster;

import dev.matcher.data.TextTable;

import java.util.List;
import java.util.Map;

/**
 * What adding records changed in a clustering, by id: every existing cluster id that no longer exists is in
 * {@link #renamed}, so a caller holding old ids can follow them.
 *
 * @param created  ids of the new clusters made only of new records
 * @param attached new record id to the id of the (possibly renamed) cluster of existing records it joined
 * @param merged   the clusters in which two or more existing clusters came together
 * @param renamed  old cluster id to new cluster id, for every existing cluster whose id changed (because it merged,
 *                 or gained a member with a smaller id)
 */
public record ClusterChanges(List<String> created, Map<String, String> attached, List<Merge> merged,
                             Map<String, String> renamed) {

    /** Existing clusters {@code from} (old ids) that are now one cluster {@code into}. */
    public record Merge(String into, List<String> from) {
        public Merge {
            from = List.copyOf(from);
        }
    }

    public ClusterChanges {
        created = List.copyOf(created);
        attached = Map.copyOf(attached);
        merged = List.copyOf(merged);
        renamed = Map.copyOf(renamed);
    }

    /** True when no existing cluster changed (new records may still have formed clusters of their own). */
    public boolean existingUnchanged() {
        return attached.isEmpty() && merged.isEmpty() && renamed.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("ClusterChanges[%d created, %d attached, %d merged, %d renamed]%n",
                created.size(), attached.size(), merged.size(), renamed.size()));
        TextTable t = new TextTable("change", "old", "new");
        int rows = 0;
        for (Merge m : merged) {
            if (rows++ == 10) {
                break;
            }
            t.row("merged", String.join(", ", m.from()), m.into());
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(attached).entrySet()) {
            if (rows++ >= 20) {
                break;
            }
            t.row("attached", e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(renamed).entrySet()) {
            if (rows++ >= 30) {
                break;
            }
            t.row("renamed", e.getKey(), e.getValue());
        }
        return rows == 0 ? sb.toString() : sb.append(t).toString();
    }
}
