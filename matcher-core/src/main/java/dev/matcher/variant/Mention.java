package dev.matcher.variant;

/**
 * One value found in a text: its section, code, the characters it spans in the normalised text and how it was found
 * ({@link #LABEL} after {@code Colour:}, in a {@link #SLOT}, or as a {@link #FREE} word of running text).
 */
record Mention(int section, long code, int start, int end, int step) {
    static final int LABEL = 0;
    static final int SLOT = 1;
    static final int FREE = 2;
}
