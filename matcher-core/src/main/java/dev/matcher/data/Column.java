package dev.matcher.data;

/**
 * One attribute's values, stored as an array (columnar). Nulls are kept as nulls.
 * Parsed numbers are computed once, on first use, and shared by every caller.
 *
 * <pre>{@code
 * Column price = table.column("price");
 * double p = price.number(0);   // NaN when null or not a number
 * }</pre>
 */
public final class Column {
    private final Attribute attribute;
    private final String[] values;
    private volatile double[] numbers;

    Column(Attribute attribute, String[] values) {
        this.attribute = attribute;
        this.values = values;
    }

    public String name() {
        return attribute.name();
    }

    public AttributeKind kind() {
        return attribute.kind();
    }

    public Attribute attribute() {
        return attribute;
    }

    public int size() {
        return values.length;
    }

    /** The raw value of a row, or null. */
    public String get(int row) {
        return values[row];
    }

    public boolean isNull(int row) {
        return values[row] == null;
    }

    public int nullCount() {
        int n = 0;
        for (String v : values) {
            if (v == null) {
                n++;
            }
        }
        return n;
    }

    /** The row's value parsed as a number (see {@link Values#parseNumber}), NaN when null or unparseable. */
    public double number(int row) {
        double[] n = numbers;
        if (n == null) {
            n = new double[values.length];
            for (int i = 0; i < n.length; i++) {
                n[i] = Values.parseNumber(values[i]);
            }
            numbers = n;
        }
        return n[row];
    }

    /** A copy of the values. */
    public String[] toArray() {
        return values.clone();
    }

    Column withKind(AttributeKind kind) {
        return new Column(new Attribute(attribute.name(), kind), values);
    }

    String[] values() {
        return values;
    }

    @Override
    public String toString() {
        return attribute + " (" + values.length + " values, " + nullCount() + " null)";
    }
}
