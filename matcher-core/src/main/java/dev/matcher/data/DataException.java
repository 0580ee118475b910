package dev.matcher.data;

import java.nio.file.Path;

/**
 * Bad input: a malformed file, a missing column, a duplicate or unknown id, an invalid label.
 * The message starts with {@code file:line:column:} where those are known, like a compiler's.
 *
 * <pre>{@code
 * try { Table.readCsv(Path.of("broken.csv")); }
 * catch (DataException e) { System.err.println(e.getMessage()); } // broken.csv:17:3: unbalanced quote ...
 * }</pre>
 */
public class DataException extends RuntimeException {
    private final transient Path file;
    private final long line;
    private final int column;

    /** @param line 1-based line, or 0 when unknown; @param column 1-based field or character column, or 0 */
    public DataException(Path file, long line, int column, String problem, Throwable cause) {
        super(location(file, line, column) + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public DataException(Path file, long line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    public DataException(String problem) {
        this(null, 0, 0, problem, null);
    }

    private static String location(Path file, long line, int column) {
        if (file == null) {
            return "";
        }
        return file + (line > 0 ? ":" + line : "") + (line > 0 && column > 0 ? ":" + column : "") + ": ";
    }

    /** The file at fault, or null. */
    public Path file() {
        return file;
    }

    /** 1-based line number, or 0 when not known. */
    public long line() {
        return line;
    }

    /** 1-based column number, or 0 when not known. */
    public int column() {
        return column;
    }
}
