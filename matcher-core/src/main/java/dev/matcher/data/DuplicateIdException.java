package dev.matcher.data;

/**
 * The same record id twice in one table. Readers catch it to name the file lines of both rows.
 *
 * <pre>{@code
 * catch (DuplicateIdException e) { e.firstRow(); e.secondRow(); }   // 0-based rows
 * }</pre>
 */
public final class DuplicateIdException extends DataException {
    private final String id;
    private final int firstRow;
    private final int secondRow;

    DuplicateIdException(String table, String id, int firstRow, int secondRow) {
        super("table " + table + ": duplicate id '" + id + "' in rows " + (firstRow + 1) + " and " + (secondRow + 1));
        this.id = id;
        this.firstRow = firstRow;
        this.secondRow = secondRow;
    }

    public String id() {
        return id;
    }

    /** 0-based row of the first occurrence. */
    public int firstRow() {
        return firstRow;
    }

    /** 0-based row of the second occurrence. */
    public int secondRow() {
        return secondRow;
    }
}
