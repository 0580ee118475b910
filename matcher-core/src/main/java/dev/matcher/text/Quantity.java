package dev.matcher.text;

/**
 * A number with an optional unit, scaled to the unit's base ({@code 1tb -> 1000 gb}, {@code 1.5 kg -> 1500 g},
 * {@code 15" -> 15 in}); {@code unit} is empty for a plain number and {@code "pack"} for pack counts.
 *
 * <pre>{@code
 * Tokenizer.quantities("1.5 kg, 2 x 32gb");   // [1500.0 g, 2.0, 32.0 gb]
 * }</pre>
 */
public record Quantity(double value, String unit) {
    public Quantity {
        unit = unit == null ? "" : unit;
    }

    /** True when the number came with a unit. */
    public boolean hasUnit() {
        return !unit.isEmpty();
    }

    /** A 64-bit key equal for equal (value, unit), used for sorted-array set comparisons. */
    public long key() {
        double v = Math.rint(value * 1e4) / 1e4;
        long h = Double.doubleToLongBits(v == 0 ? 0.0 : v) * 0x9E3779B97F4A7C15L;
        return h ^ (unit.hashCode() * 0xC2B2AE3D27D4EB4FL) ^ (h >>> 29);
    }

    @Override
    public String toString() {
        String v = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        return unit.isEmpty() ? v : v + " " + unit;
    }
}
