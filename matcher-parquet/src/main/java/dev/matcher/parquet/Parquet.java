package dev.matcher.parquet;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.data.Schema;
import dev.matcher.data.Table;
import dev.matcher.io.AtomicFiles;
import dev.matcher.io.TableFormat;
import org.apache.avro.LogicalTypes;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes tables as local Parquet files (no Hadoop cluster). Values are stored as strings, exactly as in the
 * table, with each attribute's name and kind kept in the file's schema, so a table survives the round trip unchanged.
 * Files written by other tools are read too: numbers, booleans and dates become strings and kinds are inferred.
 *
 * <p>With this module on the class path {@link Table#read} and {@link Table#write} handle {@code .parquet} files (it
 * registers itself as a {@link TableFormat}).
 *
 * <pre>{@code
 * Parquet.write(table, Path.of("products.parquet"));
 * Table back = Table.read(Path.of("products.parquet"));
 * }</pre>
 */
public final class Parquet {
    private static final String NAME = "matcher.name";
    private static final String KIND = "matcher.kind";
    private static final String ID = "id";

    private Parquet() {
    }

    /** The {@link TableFormat} entry for {@code .parquet} files (registered in {@code META-INF/services}). */
    public static final class Format implements TableFormat {
        @Override
        public String extension() {
            return "parquet";
        }

        @Override
        public Table read(Path file) {
            return Parquet.read(file);
        }

        @Override
        public void write(Table table, Path file, AtomicFiles.Option... options) {
            Parquet.write(table, file, options);
        }
    }

    /** Receives rows one at a time. */
    @FunctionalInterface
    public interface RowSink {
        /** One record: its id and one value per attribute of the schema (null for missing). */
        void row(String id, String[] values) throws IOException;
    }

    /** Produces the rows of a streamed write. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(RowSink sink) throws IOException;
    }

    /** Writes the table (Snappy-compressed) through a temporary file that replaces the target when complete. */
    public static void write(Table table, Path file, AtomicFiles.Option... options) {
        String[] values = new String[table.schema().size()];
        write(table.schema(), file, options, sink -> {
            for (int r = 0; r < table.size(); r++) {
                for (int a = 0; a < values.length; a++) {
                    values[a] = table.value(r, a);
                }
                sink.row(table.id(r), values);
            }
        });
    }

    /**
     * Streams rows into a Parquet file without holding them in memory, in the layout {@link #read} understands
     * (kinds kept). The target appears, atomically, only when every row was written.
     *
     * <pre>{@code
     * Parquet.write(schema, Path.of("big.parquet"), sink -> { for (...) sink.row(id, values); });
     * }</pre>
     */
    public static void write(Schema schema, Path file, Rows rows) {
        write(schema, file, new AtomicFiles.Option[0], rows);
    }

    private static void write(Schema schema, Path file, AtomicFiles.Option[] options, Rows rows) {
        org.apache.avro.Schema avro = avroSchema(schema);
        AtomicFiles.writePath(file, tmp -> {
            try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(tmp))
                    .withSchema(avro)
                    .withDataModel(GenericData.get())
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .build()) {
                rows.writeTo((id, values) -> {
                    GenericRecord rec = new GenericData.Record(avro);
                    rec.put(0, id);
                    for (int a = 0; a < values.length; a++) {
                        rec.put(a + 1, values[a]);
                    }
                    writer.write(rec);
                });
            }
        }, options);
    }

    /** Avro field names must be identifiers, so fields are {@code a0, a1, ...} and carry the real name as a property. */
    private static org.apache.avro.Schema avroSchema(Schema schema) {
        SchemaBuilder.FieldAssembler<org.apache.avro.Schema> fields = SchemaBuilder.record("table")
                .namespace("dev.matcher").fields().requiredString(ID);
        for (int a = 0; a < schema.size(); a++) {
            Attribute attr = schema.get(a);
            fields = fields.name("a" + a).prop(NAME, attr.name()).prop(KIND, attr.kind().name())
                    .type().optional().stringType();
        }
        return fields.endRecord();
    }

    /**
     * Reads a table; it must have a column {@code id}.
     *
     * @throws DataException when the file is missing or unreadable, has no id column, or has a missing/duplicate id
     */
    public static Table read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, 0, 0, "no such file");
        }
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                .withDataModel(GenericData.get())
                .build()) {
            GenericRecord first = reader.read();
            if (first == null) {
                throw new DataException(file, 0, 0, "the file holds no records");
            }
            org.apache.avro.Schema avro = first.getSchema();
            org.apache.avro.Schema.Field idField = avro.getField(ID);
            if (idField == null) {
                throw new DataException(file, 0, 0, "missing id column '" + ID + "'; columns: "
                        + avro.getFields().stream().map(org.apache.avro.Schema.Field::name).toList());
            }
            List<org.apache.avro.Schema.Field> attrFields = new ArrayList<>(avro.getFields());
            attrFields.remove(idField);
            List<String> names = new ArrayList<>();
            List<Attribute> attrs = new ArrayList<>();
            for (org.apache.avro.Schema.Field f : attrFields) {
                String name = f.getProp(NAME) != null ? f.getProp(NAME) : f.name();
                names.add(name);
                if (f.getProp(KIND) != null) {
                    attrs.add(new Attribute(name, AttributeKind.valueOf(f.getProp(KIND))));
                }
            }
            List<String> ids = new ArrayList<>();
            List<String[]> rows = new ArrayList<>();
            Map<String, Integer> rowById = new HashMap<>();
            for (GenericRecord rec = first; rec != null; rec = reader.read()) {
                String id = text(rec.get(idField.pos()), idField.schema());
                int row = ids.size() + 1;
                if (id == null || id.isBlank()) {
                    throw new DataException(file, 0, 0, "record " + row + " has no id");
                }
                Integer previous = rowById.putIfAbsent(id, row);
                if (previous != null) {
                    throw new DataException(file, 0, 0, "duplicate id '" + id + "' in records " + previous + " and " + row);
                }
                ids.add(id);
                String[] values = new String[attrFields.size()];
                for (int a = 0; a < values.length; a++) {
                    values[a] = text(rec.get(attrFields.get(a).pos()), attrFields.get(a).schema());
                }
                rows.add(values);
            }
            String[][] columns = new String[names.size()][ids.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int a = 0; a < columns.length; a++) {
                    columns[a][r] = rows.get(r)[a];
                }
            }
            Schema schema = attrs.size() == names.size() ? Schema.of(attrs) : null;
            return Table.of(tableName(file), ids.toArray(String[]::new), names, columns, schema);
        } catch (IOException e) {
            throw new DataException(file, 0, 0, "cannot read Parquet: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof DataException d) {
                throw d;
            }
            throw new DataException(file, 0, 0, "cannot read Parquet: " + e, e);
        }
    }

    /** A value as text: numbers without a spurious exponent, dates as ISO dates, bytes as UTF-8. */
    private static String text(Object value, org.apache.avro.Schema schema) {
        if (value == null) {
            return null;
        }
        if (value instanceof ByteBuffer b) {
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (value instanceof Integer days && isDate(schema)) {
            return LocalDate.ofEpochDay(days).toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
        }
        return value.toString();
    }

    private static boolean isDate(org.apache.avro.Schema schema) {
        if (schema.getType() == org.apache.avro.Schema.Type.UNION) {
            return schema.getTypes().stream().anyMatch(Parquet::isDate);
        }
        return schema.getLogicalType() instanceof LogicalTypes.Date;
    }

    private static String tableName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
