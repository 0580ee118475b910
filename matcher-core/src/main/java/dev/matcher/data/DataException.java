package dev.matcher.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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

    /** Longest piece of user data (a value, an id, a header) a message repeats. */
    public static final int MAX_ECHO = 200;

    /**
     * A failed file operation, with the operating system's reason instead of the bare path most
     * {@link IOException}s carry as their message.
     *
     * <pre>{@code
     * catch (IOException e) { throw DataException.io(file, "cannot read", e); }   // "x.csv: cannot read: permission denied"
     * }</pre>
     */
    public static DataException io(Path file, String action, IOException e) {
        return new DataException(file, 0, 0, action + ": " + reason(e), e);
    }

    /** Why an I/O operation failed, in a few words ({@code permission denied}, {@code no such file}, ...). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "already exists" + (f.getFile() == null ? "" : ": " + f.getFile());
        }
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null) {
                return lowerFirst(f.getReason());   // e.g. "Is a directory", "No space left on device"
            }
            // the message is only the path: the type says what went wrong (DirectoryNotEmptyException...)
            return e.getClass().getSimpleName().replace("Exception", "").replaceAll("(?<=[a-z])(?=[A-Z])", " ")
                    .toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : lowerFirst(excerpt(m));
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1))
                ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * User data shortened for a message: at most {@value #MAX_ECHO} characters, line breaks shown as {@code \n},
     * so that one bad value cannot turn an error line into megabytes.
     *
     * <pre>{@code
     * throw new DataException(file, line, col, "unknown id '" + DataException.excerpt(id) + "'");
     * }</pre>
     */
    public static String excerpt(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(value.length(), MAX_ECHO) + 16);
        for (int i = 0; i < value.length(); i++) {
            if (b.length() >= MAX_ECHO) {
                return b.append("... (").append(value.length()).append(" characters)").toString();
            }
            char c = value.charAt(i);
            b.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c));
        }
        return b.toString();
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
