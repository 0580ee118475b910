package dev.matcher.blocking;

import dev.matcher.data.Table;

/**
 * Turns a record into blocking keys; records sharing a key land in one block. A function may give several keys per
 * record (tokens, q-grams) or none (a missing value). Build them with {@link KeyFunctions}; {@code toString()} is the
 * readable rule, e.g. {@code prefix(surname, 3)}.
 *
 * <pre>{@code
 * KeyFunction k = KeyFunctions.prefix("surname", 3);
 * String[] keys = k.bind(people).keys(0);      // e.g. ["smi"]
 * Blocker b = Blockers.standard(k);
 * }</pre>
 */
public interface KeyFunction {

    /** Prepares the function for one table (column lookup done once) and returns the per-row key source. */
    RowKeys bind(Table table);

    /** The keys of one bound table's rows. Must be safe to call from several threads. */
    @FunctionalInterface
    interface RowKeys {
        /** The keys of a row, without duplicates; an empty array when the row has none. */
        String[] keys(int row);
    }
}
