package dev.matcher.data;

/**
 * Record id -> row, as an open-addressing hash table over two arrays (no boxing, one allocation per table).
 * Built once per table; lookups are read-only and thread-safe afterwards.
 */
final class IdIndex {
    private final String[] keys;
    private final int[] rows;
    private final int mask;

    /**
     * Indexes {@code ids}; throws {@link DuplicateIdException} on the first id seen twice, and a
     * {@link DataException} on a null or empty id.
     */
    IdIndex(String tableName, String[] ids) {
        int capacity = Integer.highestOneBit(Math.max(4, ids.length * 2 - 1)) << 1;
        keys = new String[capacity];
        rows = new int[capacity];
        mask = capacity - 1;
        for (int row = 0; row < ids.length; row++) {
            String id = ids[row];
            if (id == null || id.isEmpty()) {
                throw new DataException("table " + tableName + ": row " + (row + 1) + " has no id");
            }
            int slot = id.hashCode() & mask;
            while (keys[slot] != null) {
                if (keys[slot].equals(id)) {
                    throw new DuplicateIdException(tableName, id, rows[slot], row);
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = id;
            rows[slot] = row;
        }
    }

    /** The row of an id, or -1. */
    int get(String id) {
        int slot = id.hashCode() & mask;
        for (String k; (k = keys[slot]) != null; slot = (slot + 1) & mask) {
            if (k.equals(id)) {
                return rows[slot];
            }
        }
        return -1;
    }
}
