package dev.matcher.io;

import dev.matcher.data.DataException;
import dev.matcher.data.DuplicateIdException;
import dev.matcher.data.Table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV files into columnar {@link Table}s and writes tables back, RFC 4180 both ways.
 * Reading streams the file once into per-column arrays; writing goes to a temporary file that replaces the target
 * only when complete.
 *
 * <pre>{@code
 * Table t = Csv.read(Path.of("people.csv"), CsvOptions.defaults());
 * Csv.write(t, Path.of("copy.csv"), CsvOptions.defaults());
 * }</pre>
 */
public final class Csv {
    private Csv() {
    }

    /**
     * Reads a table. The header is required; ids must be present and unique; every row must have as many fields as
     * the header. Empty unquoted fields become null.
     *
     * @throws DataException naming file, line and column for any malformed or inconsistent input
     */
    public static Table read(Path file, CsvOptions options) {
        try (CsvParser parser = CsvParser.open(file, options)) {
            String[] header = parser.next();
            if (header == null) {
                throw new DataException(file, 1, 0, "missing header: the file is empty");
            }
            int idField = idField(file, header, options.idColumn());
            List<String> names = new ArrayList<>(header.length);
            for (int f = 0; f < header.length; f++) {
                if (f != idField) {
                    names.add(header[f]);
                }
            }
            int width = header.length;
            // columns grow with the rows: a wide header must not cost a large block per column up front
            int capacity = Math.max(16, Math.min(1024, (1 << 16) / width));
            String[][] columns = new String[names.size()][capacity];
            String[] ids = new String[capacity];
            long[] lines = new long[capacity];
            int rows = 0;
            for (String[] row; (row = parser.next()) != null; rows++) {
                if (row.length != width) {
                    throw new DataException(file, parser.line(), Math.min(row.length, width) + 1,
                            "ragged row: expected " + width + " fields as in the header, found " + row.length);
                }
                if (rows == ids.length) {
                    int grown = rows + (rows >> 1) + 16;
                    ids = Arrays.copyOf(ids, grown);
                    lines = Arrays.copyOf(lines, grown);
                    for (int a = 0; a < columns.length; a++) {
                        columns[a] = Arrays.copyOf(columns[a], grown);
                    }
                }
                String id = idField < 0 ? Integer.toString(rows + 1) : row[idField];
                if (id == null || id.isBlank()) {
                    throw new DataException(file, parser.line(), idField + 1,
                            "missing id: column '" + DataException.excerpt(options.idColumn()) + "' is empty");
                }
                ids[rows] = id;
                lines[rows] = parser.line();
                for (int f = 0, a = 0; f < width; f++) {
                    if (f != idField) {
                        columns[a++][rows] = row[f];
                    }
                }
            }
            ids = Arrays.copyOf(ids, rows);
            for (int a = 0; a < columns.length; a++) {
                columns[a] = Arrays.copyOf(columns[a], rows);
            }
            try {
                return Table.of(tableName(file), ids, names, columns, null);
            } catch (DuplicateIdException e) {
                throw new DataException(file, lines[e.secondRow()], idField + 1,
                        "duplicate id '" + DataException.excerpt(e.id()) + "' (first on line " + lines[e.firstRow()]
                                + ")");
            }
        }
    }

    /** Checks the header in one pass (a hash of the names seen) and finds the id column, -1 when ids are generated. */
    private static int idField(Path file, String[] header, String idColumn) {
        Map<String, Integer> seen = new HashMap<>(header.length * 2);
        for (int f = 0; f < header.length; f++) {
            if (header[f] == null || header[f].isBlank()) {
                throw new DataException(file, 1, f + 1, "header field " + (f + 1) + " is empty");
            }
            Integer first = seen.putIfAbsent(header[f], f);
            if (first != null) {
                throw new DataException(file, 1, f + 1, "duplicate column '" + DataException.excerpt(header[f])
                        + "' in the header (first in field " + (first + 1) + ")");
            }
        }
        if (idColumn == null) {
            return -1;
        }
        Integer idField = seen.get(idColumn);
        if (idField == null) {
            throw new DataException(file, 1, 0, "missing header or id column: expected a column '"
                    + DataException.excerpt(idColumn) + "' in the first line, found " + header.length + " fields: "
                    + joinStart(header));
        }
        return idField;
    }

    /** The fields joined with commas as far as a message shows them (a header can be megabytes). */
    private static String joinStart(String[] fields) {
        StringBuilder b = new StringBuilder();
        for (int f = 0; f < fields.length; f++) {
            b.append(f > 0 ? "," : "").append(fields[f]);
            if (b.length() > DataException.MAX_ECHO) {
                return DataException.excerpt(b.substring(0, DataException.MAX_ECHO)) + "...";
            }
        }
        return DataException.excerpt(b.toString());
    }

    static String tableName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Writes the id column ({@code id}, or the option's name) and every attribute; null as empty, "" as {@code ""}.
     * Atomically, with the checks and options of {@link AtomicFiles}.
     */
    public static void write(Table table, Path file, CsvOptions options, AtomicFiles.Option... writeOptions) {
        AtomicFiles.write(file, out -> write(table, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), options),
                writeOptions);
    }

    /** Writes the table as CSV to a writer (e.g. standard output), flushed but not closed. */
    public static void write(Table table, Writer out, CsvOptions options) throws IOException {
        CsvWriter csv = new CsvWriter(out, options.delimiter());
        int n = table.schema().size();
        String[] row = new String[n];
        for (int a = 0; a < n; a++) {
            row[a] = table.schema().get(a).name();
        }
        csv.row(options.idColumn() == null ? "id" : options.idColumn(), row);
        for (int r = 0; r < table.size(); r++) {
            for (int a = 0; a < n; a++) {
                row[a] = table.value(r, a);
            }
            csv.row(table.id(r), row);
        }
        csv.flush();
    }

    /** Writes rows of plain fields (e.g. pairs files) with a header; same quoting and atomicity as tables. */
    public static void writeRows(Path file, String[] header, Iterable<String[]> rows) {
        AtomicFiles.write(file, out -> {
            CsvWriter csv = CsvWriter.utf8(out, ',');
            csv.row(header);
            for (String[] row : rows) {
                csv.row(row);
            }
            csv.flush();
        });
    }
}
