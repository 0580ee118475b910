package dev.matcher.cluster;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;

/**
 * One index space over the records of one table (deduplication) or two tables (linkage), so that clusters can hold
 * records of both: left row {@code i} is record {@code i}, right row {@code j} is record {@code leftSize + j}.
 *
 * <pre>{@code
 * RecordSpace space = RecordSpace.linkage(left.size(), right.size());
 * ScoredPairs records = space.toRecords(scoredRowPairs);         // right rows shifted by left.size()
 * Clusters c = Clusterers.uniqueMapping(0.5).cluster(space.size(), records).withIds(space.ids(left, right));
 * }</pre>
 *
 * @param leftSize  rows of the left (or only) table
 * @param rightSize rows of the right table; 0 in deduplication
 */
public record RecordSpace(int leftSize, int rightSize) {
    public RecordSpace {
        if (leftSize < 0 || rightSize < 0 || (long) leftSize + rightSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad table sizes " + leftSize + " and " + rightSize);
        }
    }

    /** The record space of a task's tables. */
    public static RecordSpace of(dev.matcher.data.Task task) {
        return task.isDeduplication() ? deduplication(task.left().size())
                : linkage(task.left().size(), task.right().size());
    }

    /** One table: records are its rows. */
    public static RecordSpace deduplication(int size) {
        return new RecordSpace(size, 0);
    }

    /** Two tables: left rows first, then right rows. */
    public static RecordSpace linkage(int leftSize, int rightSize) {
        return new RecordSpace(leftSize, rightSize);
    }

    public boolean isLinkage() {
        return rightSize > 0;
    }

    /** Number of records. */
    public int size() {
        return leftSize + rightSize;
    }

    /** The record of a left row. */
    public int left(int row) {
        return row;
    }

    /** The record of a right row (in deduplication, the row itself). */
    public int right(int row) {
        return isLinkage() ? leftSize + row : row;
    }

    public boolean isLeft(int record) {
        return record < leftSize;
    }

    /** The row of a record in its own table. */
    public int row(int record) {
        return record < leftSize ? record : record - leftSize;
    }

    /** Maps (left row, right row) pairs into this space; in deduplication they are returned unchanged. */
    public ScoredPairs toRecords(ScoredPairs rowPairs) {
        if (!isLinkage()) {
            return rowPairs;
        }
        int n = rowPairs.size();
        int[] l = new int[n];
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = checked(rowPairs.left(i), leftSize, "left");
            r[i] = leftSize + checked(rowPairs.right(i), rightSize, "right");
        }
        return new ScoredPairs(Pairs.of(l, r), rowPairs.scores());
    }

    private static int checked(int row, int size, String side) {
        if (row >= size) {
            throw new IllegalArgumentException(side + " row " + row + " outside a table of " + size + " rows");
        }
        return row;
    }

    /**
     * Record ids for {@link Clusters#withIds}: in deduplication the table ids; in linkage the table ids prefixed with
     * {@code "L:"} and {@code "R:"}, since the two tables may reuse ids.
     */
    public String[] ids(Table left, Table right) {
        if (left.size() != leftSize || (isLinkage() && right.size() != rightSize)) {
            throw new IllegalArgumentException("tables of " + left.size() + " and " + right.size()
                    + " rows do not fit " + this);
        }
        String[] ids = new String[size()];
        for (int i = 0; i < leftSize; i++) {
            ids[i] = isLinkage() ? "L:" + left.id(i) : left.id(i);
        }
        for (int j = 0; j < rightSize; j++) {
            ids[leftSize + j] = "R:" + right.id(j);
        }
        return ids;
    }

    @Override
    public String toString() {
        return isLinkage() ? "RecordSpace[linkage " + leftSize + " + " + rightSize + "]"
                : "RecordSpace[deduplication " + leftSize + "]";
    }
}
