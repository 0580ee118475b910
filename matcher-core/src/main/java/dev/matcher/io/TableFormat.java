package dev.matcher.io;

import dev.matcher.data.DataException;
import dev.matcher.data.Table;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * A file format for tables other than CSV, found on the class path: an optional module (such as
 * {@code matcher-parquet}) registers one in {@code META-INF/services/dev.matcher.io.TableFormat}, and then
 * {@link Table#read} and {@link Table#write} handle its files by their extension. CSV is built in.
 *
 * <pre>{@code
 * Table t = Table.read(Path.of("offers.parquet"));   // with matcher-parquet on the class path
 * }</pre>
 */
public interface TableFormat {
    /** The file extension this format handles, lower case without the dot, e.g. {@code "parquet"}. */
    String extension();

    /** Reads a table; problems are {@link DataException}s naming the file. */
    Table read(Path file);

    /** Writes a table atomically (a failed write leaves no file behind), with {@link AtomicFiles}' checks. */
    void write(Table table, Path file, AtomicFiles.Option... options);

    /** The registered format for this file's extension, or null for CSV (and any extension no format claims). */
    static TableFormat of(Path file) {
        String ext = extension(file);
        for (TableFormat f : Registered.FORMATS) {
            if (f.extension().equals(ext)) {
                return f;
            }
        }
        if (Registered.KNOWN_MODULES.contains(ext)) {
            throw new DataException(file, 0, 0, "." + ext + " files need the matcher-" + ext
                    + " module on the class path (dev.matcher:matcher-" + ext + "); or use CSV");
        }
        return null;
    }

    private static String extension(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The formats found once per class loader. */
    final class Registered {
        static final List<TableFormat> FORMATS = ServiceLoader.load(TableFormat.class, TableFormat.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
        /** Extensions of our optional modules: a clear error when the module is missing, not a CSV parse error. */
        static final List<String> KNOWN_MODULES = List.of("parquet");

        private Registered() {
        }
    }
}
