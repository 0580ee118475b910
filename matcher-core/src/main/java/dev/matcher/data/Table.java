package dev.matcher.data;

import dev.matcher.util.SharedElements;

import dev.matcher.io.AtomicFiles;
import dev.matcher.io.Csv;
import dev.matcher.io.CsvOptions;
import dev.matcher.io.TableFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An immutable, columnar table of records: unique string ids (kept verbatim) and typed attributes.
 * Records are addressed by row index {@code 0..size()-1}; values live in one array per attribute.
 *
 * <pre>{@code
 * Table products = Table.readCsv(Path.of("products.csv"));      // kinds inferred from the data
 * products = products.withKind("sku", AttributeKind.IDENTIFIER);  // override one
 * System.out.println(products);                                  // schema and first rows
 *
 * Table small = Table.builder("title", "price")
 *     .row("1", "red shirt", "9.99")
 *     .row("2", "blue shirt", null)
 *     .build();
 * }</pre>
 */
public final class Table {
    private final String name;
    private final String[] ids;
    private final IdIndex rowById;
    private final Schema schema;
    private final Column[] columns;

    private Table(String name, String[] ids, IdIndex rowById, Schema schema, Column[] columns) {
        this.name = name;
        this.ids = ids;
        this.rowById = rowById;
        this.schema = schema;
        this.columns = columns;
    }

    /**
     * Creates a table from columns of raw values. Kinds are inferred where {@code schema} is null.
     * The arrays are taken over, not copied: callers must not change them afterwards. Equal values of a column that
     * repeats its values become one string ({@link dev.matcher.util.SharedElements}), so that millions of rows of a
     * few thousand names or places hold a few thousand strings.
     *
     * @throws DataException on a null or empty id; {@link DuplicateIdException} on a duplicate id
     */
    public static Table of(String name, String[] ids, List<String> attributeNames, String[][] values, Schema schema) {
        if (values.length != attributeNames.size()) {
            throw new IllegalArgumentException(values.length + " columns for " + attributeNames.size() + " attribute names");
        }
        IdIndex rowById = new IdIndex(name, ids);
        for (int a = 0; a < values.length; a++) {
            if (values[a].length != ids.length) {
                throw new IllegalArgumentException("column " + attributeNames.get(a) + " has " + values[a].length
                        + " values for " + ids.length + " ids");
            }
        }
        Schema s = schema != null ? schema : SchemaInference.infer(attributeNames, values);
        if (!s.names().equals(attributeNames)) {
            throw new IllegalArgumentException("schema " + s.names() + " does not fit columns " + attributeNames);
        }
        Column[] cols = new Column[values.length];
        for (int a = 0; a < cols.length; a++) {
            SharedElements.share(values[a]);
            cols[a] = new Column(s.get(a), values[a]);
        }
        return new Table(name, ids, rowById, s, cols);
    }

    /** Reads a CSV file with a header row and an {@code id} column; kinds are inferred. */
    public static Table readCsv(Path file) {
        return Csv.read(file, CsvOptions.defaults());
    }

    /** Reads a CSV file with the given options. */
    public static Table readCsv(Path file, CsvOptions options) {
        return Csv.read(file, options);
    }

    /**
     * Reads a file in the format its extension names ({@code .parquet} with the {@code matcher-parquet} module on the
     * class path, see {@link TableFormat}), anything else as CSV.
     */
    public static Table read(Path file) {
        TableFormat format = TableFormat.of(file);
        return format == null ? readCsv(file) : format.read(file);
    }

    /** Writes the table as CSV (atomically: a failed write leaves no file behind). */
    public void writeCsv(Path file) {
        Csv.write(this, file, CsvOptions.defaults());
    }

    /** Writes the table in the format the file's extension names (see {@link #read}), anything else as CSV. */
    public void write(Path file) {
        write(file, new AtomicFiles.Option[0]);
    }

    /**
     * Writes as {@link #write(Path)} does, with options for an existing target (e.g. replacing a symbolic link;
     * see {@link AtomicFiles}).
     */
    public void write(Path file, AtomicFiles.Option... options) {
        TableFormat format = TableFormat.of(file);
        if (format == null) {
            Csv.write(this, file, CsvOptions.defaults(), options);
        } else {
            format.write(this, file, options);
        }
    }

    /** Starts a table built row by row; kinds are inferred unless {@link Builder#schema} is given. */
    public static Builder builder(String... attributeNames) {
        return new Builder(List.of(attributeNames));
    }

    public String name() {
        return name;
    }

    public int size() {
        return ids.length;
    }

    public Schema schema() {
        return schema;
    }

    public String id(int row) {
        return ids[row];
    }

    /** The row of an id, or -1. */
    public int indexOf(String id) {
        return rowById.get(id);
    }

    public Column column(int attribute) {
        return columns[attribute];
    }

    public Column column(String attribute) {
        return columns[schema.require(attribute)];
    }

    public String value(int row, int attribute) {
        return columns[attribute].get(row);
    }

    public String value(int row, String attribute) {
        return column(attribute).get(row);
    }

    /** A table with the same values and one attribute's kind replaced. */
    public Table withKind(String attribute, AttributeKind kind) {
        return withSchema(schema.withKind(attribute, kind));
    }

    /** A table with the same values and the given kinds; the attribute names must be the same. */
    public Table withSchema(Schema newSchema) {
        if (!newSchema.names().equals(schema.names())) {
            throw new IllegalArgumentException("schema " + newSchema.names() + " does not fit columns " + schema.names());
        }
        Column[] cols = new Column[columns.length];
        for (int a = 0; a < cols.length; a++) {
            cols[a] = columns[a].withKind(newSchema.get(a).kind());
        }
        return new Table(name, ids, rowById, newSchema, cols);
    }

    /** A table with one more attribute at the end (e.g. a cluster id for output). */
    public Table withColumn(String attribute, AttributeKind kind, String[] values) {
        if (values.length != ids.length) {
            throw new IllegalArgumentException(values.length + " values for " + ids.length + " rows");
        }
        List<Attribute> attrs = new ArrayList<>(schema.attributes());
        attrs.add(new Attribute(attribute, kind));
        Column[] cols = Arrays.copyOf(columns, columns.length + 1);
        cols[columns.length] = new Column(attrs.get(attrs.size() - 1), values.clone());
        return new Table(name, ids, rowById, Schema.of(attrs), cols);
    }

    /** A copy under another name (names appear in messages and reports). */
    public Table named(String newName) {
        return new Table(newName, ids, rowById, schema, columns);
    }

    /** Per-attribute statistics: null share, distinct values, average length, a sample value. */
    public TableProfile profile() {
        return TableProfile.of(this);
    }

    /** The name, size, schema and the first five rows. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("Table ").append(name).append(": ").append(size()).append(" rows x ")
                .append(schema.size()).append(" attributes\n");
        String[] header = new String[schema.size() + 1];
        header[0] = "id";
        for (int a = 0; a < schema.size(); a++) {
            header[a + 1] = schema.get(a).name() + ":" + schema.get(a).kind().name().toLowerCase(Locale.ROOT);
        }
        TextTable t = new TextTable(header);
        for (int r = 0; r < Math.min(5, size()); r++) {
            Object[] cells = new Object[header.length];
            cells[0] = ids[r];
            for (int a = 0; a < schema.size(); a++) {
                cells[a + 1] = columns[a].get(r);
            }
            t.row(cells);
        }
        sb.append(t);
        if (size() > 5) {
            sb.append("... ").append(size() - 5).append(" more rows\n");
        }
        return sb.toString();
    }

    /**
     * Builds a table row by row.
     *
     * <pre>{@code
     * Table t = Table.builder("name", "city").name("people").row("p1", "Ann", "Oslo").build();
     * }</pre>
     */
    public static final class Builder {
        private final List<String> attributeNames;
        private final List<String> ids = new ArrayList<>();
        private final List<String[]> rows = new ArrayList<>();
        private String name = "table";
        private Schema schema;

        private Builder(List<String> attributeNames) {
            this.attributeNames = attributeNames;
        }

        public Builder name(String tableName) {
            this.name = tableName;
            return this;
        }

        /** Sets the kinds instead of inferring them. */
        public Builder schema(Schema fixed) {
            this.schema = fixed;
            return this;
        }

        /** Adds a record: its id, then one value per attribute (null for missing). */
        public Builder row(String id, String... values) {
            if (values.length != attributeNames.size()) {
                throw new IllegalArgumentException("row " + id + " has " + values.length + " values for "
                        + attributeNames.size() + " attributes");
            }
            ids.add(id);
            rows.add(values.clone());
            return this;
        }

        public Table build() {
            String[][] cols = new String[attributeNames.size()][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int a = 0; a < cols.length; a++) {
                    cols[a][r] = rows.get(r)[a];
                }
            }
            return Table.of(name, ids.toArray(String[]::new), attributeNames, cols, schema);
        }
    }
}
