package dev.matcher.variant;

/**
 * A record's canonical value on one dimension, packed in a {@code long} so that a pair compares in a few
 * instructions without touching a string. {@link #UNKNOWN} ({@code 0}) when the record does not say.
 *
 * <p>Layout: bit 63 marks a number, bit 62 a word family whose shades count as different ("split", learned from
 * data), bits 32..61 hold the family (words: {@code grey}; numbers: the scale, such as {@code ml} or {@code EU}), bits
 * 0..31 the fine value (words: the shade, {@code heather grey}, 0 for the plain family word; numbers: the value in the
 * scale's base unit, rounded). Codes come from a {@link Vocabulary} and are deterministic: the same text gives the
 * same code in any table and any run.
 *
 * <pre>{@code
 * long a = values.code(i, Dimension.COLOUR), b = other.code(j, Dimension.COLOUR);
 * VariantCode.compare(a, b);       // EQUAL, DIFFERENT or UNKNOWN
 * }</pre>
 */
public final class VariantCode {
    /** The record says nothing about the dimension. */
    public static final long UNKNOWN = 0;

    static final long NUMBER = 1L << 63;
    static final long SPLIT = 1L << 62;
    static final int FAMILY_BITS = 30;
    static final long FAMILY_MASK = (1L << FAMILY_BITS) - 1;
    /** Families above this are hashes of words the vocabulary does not know (and combinations). */
    static final int HASHED = 1 << 29;
    /** With {@link #HASHED}: a combination of families ({@code black/white}), all of them known or not. */
    static final int COMPOSITE = 1 << 28;

    private VariantCode() {
    }

    static long words(int family, int shade, boolean split) {
        return ((family & FAMILY_MASK) << 32) | (shade & 0xFFFFFFFFL) | (split ? SPLIT : 0);
    }

    static long number(int scale, int value) {
        return NUMBER | ((scale & FAMILY_MASK) << 32) | (value & 0xFFFFFFFFL);
    }

    /**
     * Equal, different or unknown, symmetric. Unknown when either side is {@link #UNKNOWN} or the two are on different
     * scales (US and EU shoe sizes, millilitres and grams). Words compare by family ({@code Gray} and
     * {@code Heather Grey} are equal), except in a split family, where two different shades differ and a plain family
     * word against a shade is unknown; a word the vocabulary does not know (a shop's {@code Storm}, a typo such as
     * {@code 3XKL}) equals only itself and is unknown against a known value. Numbers compare by value.
     */
    public static Verdict compare(long a, long b) {
        if (a == UNKNOWN || b == UNKNOWN || ((a ^ b) & NUMBER) != 0) {
            return Verdict.UNKNOWN;
        }
        boolean sameFamily = ((a ^ b) >>> 32 & FAMILY_MASK) == 0;
        if (a < 0) {                                    // numbers: the sign bit
            return !sameFamily ? Verdict.UNKNOWN : (int) a == (int) b ? Verdict.EQUAL : Verdict.DIFFERENT;
        }
        if (!sameFamily) {
            // a word the vocabulary does not know may be a shop's name or a typo of the known one: cannot tell
            return unknownWord(a) != unknownWord(b) ? Verdict.UNKNOWN : Verdict.DIFFERENT;
        }
        if (((a | b) & SPLIT) == 0) {
            return Verdict.EQUAL;
        }
        int sa = (int) a;
        int sb = (int) b;
        return sa == sb ? Verdict.EQUAL : sa == 0 || sb == 0 ? Verdict.UNKNOWN : Verdict.DIFFERENT;
    }

    /** A single word the vocabulary does not know (not a combination). */
    static boolean unknownWord(long code) {
        int f = (int) (code >>> 32 & FAMILY_MASK);
        return f >= HASHED && (f & COMPOSITE) == 0;
    }

    /** Whether both codes are known and name the same fine value (the same shade, the same number). */
    public static boolean sameValue(long a, long b) {
        return a != UNKNOWN && (a & ~SPLIT) == (b & ~SPLIT);
    }

    public static boolean isKnown(long code) {
        return code != UNKNOWN;
    }

    /** True for number dimensions (capacity, pack, amount, shoe size). */
    public static boolean isNumber(long code) {
        return code < 0;
    }

    /** The family (words) or scale (numbers) part. */
    public static int family(long code) {
        return (int) (code >>> 32 & FAMILY_MASK);
    }

    /** The shade (words; 0 for the plain family word) or the value in the base unit (numbers). */
    public static int value(long code) {
        return (int) code;
    }

    /** The code of the family alone (the shade dropped): what blocking keys on. */
    public static long familyCode(long code) {
        return code < 0 || code == UNKNOWN ? code : code & ~0xFFFFFFFFL;
    }
}
