package dev.matcher.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Per-attribute statistics of a table, printed as a readable table (what {@code matcher inspect} shows).
 *
 * <pre>{@code
 * System.out.println(table.profile());
 * }</pre>
 *
 * @param table   the table's name
 * @param rows    the number of records
 * @param columns one entry per attribute, in schema order
 */
public record TableProfile(String table, int rows, List<ColumnProfile> columns) {

    /**
     * @param attribute   the attribute
     * @param nullShare   share of null values in [0,1]
     * @param distinct    number of distinct non-null values
     * @param meanLength  mean length in characters of the non-null values
     * @param sample      the first non-null value, or null
     */
    public record ColumnProfile(Attribute attribute, double nullShare, int distinct, double meanLength, String sample) {
    }

    static TableProfile of(Table table) {
        List<ColumnProfile> cols = new ArrayList<>();
        for (int a = 0; a < table.schema().size(); a++) {
            Column c = table.column(a);
            Set<String> distinct = new HashSet<>();
            long length = 0;
            String sample = null;
            for (int r = 0; r < c.size(); r++) {
                String v = c.get(r);
                if (v != null) {
                    distinct.add(v);
                    length += v.length();
                    if (sample == null) {
                        sample = v;
                    }
                }
            }
            int nonNull = c.size() - c.nullCount();
            cols.add(new ColumnProfile(c.attribute(), c.size() == 0 ? 0 : 1 - nonNull / (double) c.size(),
                    distinct.size(), nonNull == 0 ? 0 : length / (double) nonNull, sample));
        }
        return new TableProfile(table.name(), table.size(), List.copyOf(cols));
    }

    @Override
    public String toString() {
        TextTable t = new TextTable("attribute", "kind", "null %", "distinct", "mean len", "sample");
        for (ColumnProfile c : columns) {
            t.row(c.attribute().name(), c.attribute().kind().name(),
                    String.format(Locale.ROOT, "%.1f", 100 * c.nullShare()), c.distinct(),
                    String.format(Locale.ROOT, "%.1f", c.meanLength()), c.sample());
        }
        return table + ": " + rows + " rows\n" + t;
    }
}
