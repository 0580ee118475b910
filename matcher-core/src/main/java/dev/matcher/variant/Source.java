package dev.matcher.variant;

/** Where a record's value for a dimension was found, for explanations; {@link #NONE} when it says nothing. */
public enum Source {
    NONE,
    /** The attribute named for the dimension (the {@code color} column). */
    ATTRIBUTE,
    TITLE,
    DESCRIPTION,
    /** Another text attribute (only explicit {@code Colour: X} labels are read there). */
    TEXT;

    static final Source[] VALUES = values();
}
