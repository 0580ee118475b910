package dev.matcher.io;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one CSV writer of the library (RFC 4180, what {@link CsvParser} reads back): a field is quoted when it holds
 * the delimiter, a quote, a carriage return or a line feed, or is empty; quotes are doubled. A null field is written
 * as nothing and an empty string as {@code ""}, so the reader tells them apart. Rows end with {@code \n}.
 * Not thread-safe; the caller closes (or flushes) the underlying stream.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("pairs.csv"), out -> {
 *     CsvWriter csv = CsvWriter.utf8(out, ',');
 *     csv.row("left_id", "right_id");
 *     csv.row("a", "b, c");          // written as a,"b, c"
 *     csv.flush();
 * });
 * }</pre>
 */
public final class CsvWriter implements Flushable {
    private final Writer out;
    private final char delimiter;
    private final StringBuilder line = new StringBuilder(256);   // one write per row: Writer methods lock

    public CsvWriter(Writer out, char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
        }
        this.out = out;
        this.delimiter = delimiter;
    }

    /** A buffered UTF-8 writer over a stream (no byte-order mark). */
    public static CsvWriter utf8(OutputStream out, char delimiter) {
        return new CsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                delimiter);
    }

    /** Writes one row. */
    public CsvWriter row(String... fields) throws IOException {
        line.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            appendField(line, fields[i], delimiter);
        }
        out.append(line.append('\n'));
        return this;
    }

    /** Writes one row. */
    public CsvWriter row(List<String> fields) throws IOException {
        return row(fields.toArray(new String[0]));
    }

    /** Writes a row of a first field followed by others (an id and its values) without copying them. */
    public CsvWriter row(String first, String[] rest) throws IOException {
        line.setLength(0);
        appendField(line, first, delimiter);
        for (String f : rest) {
            line.append(delimiter);
            appendField(line, f, delimiter);
        }
        out.append(line.append('\n'));
        return this;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Appends one field, quoted where needed, to a CSV line being built in memory. */
    public static void appendField(StringBuilder b, String value, char delimiter) {
        if (value == null) {
            return;
        }
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            b.append(value);
            return;
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                b.append('"');
            }
            b.append(c);
        }
        b.append('"');
    }
}
