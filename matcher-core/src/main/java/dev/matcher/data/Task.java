package dev.matcher.data;

import java.util.Objects;

/**
 * What to resolve: the duplicates inside one table, or the links between two. Every pipeline step takes the task
 * rather than guessing deduplication from two equal arguments, so linking a table with a copy of itself is linkage.
 *
 * <pre>{@code
 * Task dedup = Task.deduplication(products);       // pairs (i, j) with i < j inside products
 * Task link = Task.linkage(shopA, shopB);           // pairs (i of shopA, j of shopB)
 * long records = link.records();                    // shopA.size() + shopB.size()
 * }</pre>
 *
 * @param kind  deduplication or linkage
 * @param left  the table (deduplication) or the left table
 * @param right the same table (deduplication) or the right table
 */
public record Task(Kind kind, Table left, Table right) {
    /** The two kinds of task. */
    public enum Kind { DEDUPLICATION, LINKAGE }

    public Task {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(left, "left table");
        Objects.requireNonNull(right, "right table");
        if (kind == Kind.DEDUPLICATION && left != right) {
            throw new IllegalArgumentException("deduplication is of one table: left and right must be the same table");
        }
    }

    /** The duplicates inside one table. */
    public static Task deduplication(Table table) {
        return new Task(Kind.DEDUPLICATION, table, table);
    }

    /** The links between two tables (which may even hold the same records). */
    public static Task linkage(Table left, Table right) {
        return new Task(Kind.LINKAGE, left, right);
    }

    public boolean isDeduplication() {
        return kind == Kind.DEDUPLICATION;
    }

    public boolean isLinkage() {
        return kind == Kind.LINKAGE;
    }

    /** Records taking part: the table's size in deduplication, both sizes summed in linkage. */
    public long records() {
        return isDeduplication() ? left.size() : (long) left.size() + right.size();
    }

    @Override
    public String toString() {
        return isDeduplication() ? "deduplication of " + left.name() + " (" + left.size() + " records)"
                : "linkage of " + left.name() + " (" + left.size() + ") and " + right.name() + " (" + right.size() + ")";
    }
}
