package dev.matcher.io;

/**
 * How to read and write CSV files. RFC 4180 quoting is always understood; the header row is required.
 *
 * <pre>{@code
 * Table t = Table.readCsv(Path.of("items.tsv"), CsvOptions.defaults().delimiter('\t').idColumn("sku"));
 * }</pre>
 *
 * @param delimiter     the field separator ({@code ,} by default)
 * @param idColumn      the header name of the record-id column ({@code id} by default); null numbers the records
 *                      {@code 1..n} in file order instead
 * @param maxFieldChars the longest field a reader accepts, in characters ({@value #DEFAULT_MAX_FIELD_CHARS} by
 *                      default): a stray quote in a large file then ends in a located error instead of one field
 *                      growing until the heap is exhausted
 */
public record CsvOptions(char delimiter, String idColumn, int maxFieldChars) {
    /** 64 MB of characters: far above any real field, far below the heap a default JVM has. */
    public static final int DEFAULT_MAX_FIELD_CHARS = 64 << 20;

    public CsvOptions {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
        }
        if (maxFieldChars < 1) {
            throw new IllegalArgumentException("maxFieldChars must be positive, was " + maxFieldChars);
        }
    }

    public CsvOptions(char delimiter, String idColumn) {
        this(delimiter, idColumn, DEFAULT_MAX_FIELD_CHARS);
    }

    public static CsvOptions defaults() {
        return new CsvOptions(',', "id");
    }

    public CsvOptions delimiter(char newDelimiter) {
        return new CsvOptions(newDelimiter, idColumn, maxFieldChars);
    }

    public CsvOptions idColumn(String newIdColumn) {
        return new CsvOptions(delimiter, newIdColumn, maxFieldChars);
    }

    /** Records get ids {@code 1..n} by position instead of reading an id column. */
    public CsvOptions generatedIds() {
        return new CsvOptions(delimiter, null, maxFieldChars);
    }

    /** The longest field to accept, in characters. */
    public CsvOptions maxFieldChars(int chars) {
        return new CsvOptions(delimiter, idColumn, chars);
    }
}
