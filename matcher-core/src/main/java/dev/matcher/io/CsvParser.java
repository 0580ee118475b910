package dev.matcher.io;

import dev.matcher.data.DataException;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF, UTF-8 with or
 * without a byte-order mark. Unquoted empty fields are read as null, quoted empty fields ({@code ""}) as "".
 * Every problem is a {@link DataException} naming file, line and field. Limits keep a malformed file from exhausting
 * memory: a field holds at most {@link CsvOptions#maxFieldChars()} characters (64 MB by default) and a record at most
 * {@value #MAX_FIELDS} fields.
 *
 * <pre>{@code
 * try (CsvParser p = CsvParser.open(Path.of("pairs.csv"), ',')) {
 *     for (String[] row; (row = p.next()) != null; ) { ... p.line() ... }
 * }
 * }</pre>
 */
public final class CsvParser implements Closeable {
    /** Most fields in one record (a million columns; spreadsheets stop at 16,384). */
    public static final int MAX_FIELDS = 1 << 20;
    private static final int EOF = -1;
    private final Path file;
    private final Reader reader;
    private final char delimiter;
    private final int maxFieldChars;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder field = new StringBuilder();
    private final List<String> fields = new ArrayList<>();
    private int pos;
    private int limit;
    private long line = 1;
    private long recordLine;
    private boolean atStart = true;

    private CsvParser(Path file, Reader reader, char delimiter, int maxFieldChars) {
        this.file = file;
        this.reader = reader;
        this.delimiter = delimiter;
        this.maxFieldChars = maxFieldChars;
    }

    /** Opens a file with the default field limit; a missing or unreadable file is a {@link DataException}. */
    public static CsvParser open(Path file, char delimiter) {
        return open(file, CsvOptions.defaults().delimiter(delimiter));
    }

    /**
     * Opens a file with the options' delimiter and field limit (the id column is the caller's business); a missing
     * or unreadable file is a {@link DataException} that says why ({@code no such file}, {@code permission denied}).
     */
    public static CsvParser open(Path file, CsvOptions options) {
        if (Files.isDirectory(file)) {
            throw new DataException(file, 0, 0, "cannot read: is a directory, not a file");
        }
        try {
            return new CsvParser(file, new StrictUtf8Reader(Files.newInputStream(file)), options.delimiter(),
                    options.maxFieldChars());
        } catch (NoSuchFileException e) {
            throw new DataException(file, 0, 0, "no such file");
        } catch (IOException e) {
            throw DataException.io(file, "cannot read", e);
        }
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** The 1-based line on which the record last returned by {@link #next()} starts. */
    public long line() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the file. Blank lines are skipped. */
    public String[] next() {
        try {
            int c = peek();
            if (atStart) {
                atStart = false;
                if (c == '\uFEFF') {
                    pos++;
                    c = peek();
                }
            }
            while (c == '\n' || c == '\r') {
                endOfLine();
                c = peek();
            }
            if (c == EOF) {
                return null;
            }
            recordLine = line;
            fields.clear();
            while (true) {
                if (fields.size() == MAX_FIELDS) {
                    throw new DataException(file, recordLine, 0, "more than " + MAX_FIELDS + " fields in one record");
                }
                int end = c == '"' ? readQuoted() : readPlain();
                if (end != delimiter) {
                    if (end != EOF) {
                        endOfLine();
                    }
                    return fields.toArray(new String[0]);
                }
                pos++;
                c = peek();
            }
        } catch (StrictUtf8Reader.InvalidUtf8Exception e) {
            throw new DataException(file, line, fields.size() + 1, e.getMessage(), e);
        } catch (IOException e) {
            throw new DataException(file, line, 0, "cannot read: " + DataException.reason(e), e);
        }
    }

    /** Reads an unquoted field up to (not including) a delimiter, line break or the end; returns what ends it. */
    private int readPlain() throws IOException {
        int start = pos;
        while (true) {
            while (pos < limit) {
                char ch = buf[pos];
                if (ch == delimiter || ch == '\n' || ch == '\r') {
                    addPlain(start, ch);
                    return ch;
                }
                pos++;
            }
            checkPlainLength(field.length() + pos - start);
            field.append(buf, start, pos - start);
            if (!fill()) {
                addPlain(pos, EOF);
                return EOF;
            }
            start = pos;
        }
    }

    private void addPlain(int start, int end) {
        checkPlainLength(field.length() + pos - start);
        if (field.length() > 0) {
            field.append(buf, start, pos - start);
            fields.add(field.toString());
            field.setLength(0);
        } else {
            fields.add(pos == start ? null : new String(buf, start, pos - start));
        }
    }

    /** Reads a quoted field starting at the opening quote; returns what follows the closing quote. */
    private int readQuoted() throws IOException {
        long openedOn = line;
        int fieldNumber = fields.size() + 1;
        pos++;
        field.setLength(0);
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new DataException(file, openedOn, fieldNumber,
                        "unbalanced quote: the quoted field that starts here is never closed");
            }
            if (c == '"') {
                if (peek() == '"') {
                    pos++;
                    if (field.length() == maxFieldChars) {
                        throw tooLong(openedOn, fieldNumber, " (unbalanced quote?)");
                    }
                    field.append('"');
                    continue;
                }
                int next = peek();
                if (next != delimiter && next != '\n' && next != '\r' && next != EOF) {
                    throw new DataException(file, line, fieldNumber,
                            "unexpected character '" + (char) next + "' after a closing quote");
                }
                fields.add(field.toString());
                field.setLength(0);
                return next;
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            if (field.length() == maxFieldChars) {
                throw tooLong(openedOn, fieldNumber, " (unbalanced quote?)");
            }
            field.append((char) c);
        }
    }

    private void checkPlainLength(long length) {
        if (length > maxFieldChars) {
            throw tooLong(line, fields.size() + 1, "");
        }
    }

    /** A field over the limit; in a quoted field most likely a quote that is never closed. */
    private DataException tooLong(long startLine, int fieldNumber, String hint) {
        String limit = maxFieldChars % (1 << 20) == 0 ? (maxFieldChars >> 20) + " MB" : maxFieldChars + " characters";
        return new DataException(file, startLine, fieldNumber, "field longer than " + limit + hint);
    }

    private void endOfLine() throws IOException {
        int c = read();
        if (c == '\r' && peek() == '\n') {
            pos++;
        }
        line++;
    }

    private int peek() throws IOException {
        if (pos >= limit && !fill()) {
            return EOF;
        }
        return buf[pos];
    }

    private int read() throws IOException {
        if (pos >= limit && !fill()) {
            return EOF;
        }
        return buf[pos++];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = reader.read(buf, 0, buf.length);
        } while (n == 0);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
