package dev.matcher.io;

/**
 * How to read and write CSV files. RFC 4180 quoting is always understood; the header row is required.
 *
 * <pre>{@code
 * Table t = Table.readCsv(Path.of("items.tsv"), CsvOptions.defaults().delimiter('\t').idColumn("sku"));
 * }</pre>
 *
 * @param delimiter the field separator ({@code ,} by default)
 * @param idColumn  the header name of the record-id column ({@code id} by default); null numbers the records
 *                  {@code 1..n} in file order instead
 */
public record CsvOptions(char delimiter, String idColumn) {
    public CsvOptions {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
        }
    }

    public static CsvOptions defaults() {
        return new CsvOptions(',', "id");
    }

    public CsvOptions delimiter(char newDelimiter) {
        return new CsvOptions(newDelimiter, idColumn);
    }

    public CsvOptions idColumn(String newIdColumn) {
        return new CsvOptions(delimiter, newIdColumn);
    }

    /** Records get ids {@code 1..n} by position instead of reading an id column. */
    public CsvOptions generatedIds() {
        return new CsvOptions(delimiter, null);
    }
}
