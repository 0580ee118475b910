package dev.matcher.data;

/**
 * What an attribute holds; decides which similarity features are generated for it.
 *
 * <pre>{@code
 * Table t = Table.readCsv(Path.of("people.csv")).withKind("zip", AttributeKind.IDENTIFIER);
 * }</pre>
 */
public enum AttributeKind {
    /** Long free text: descriptions, abstracts (inferred above 16 tokens on average). */
    TEXT,
    /** Short strings: names, titles, addresses, product names (up to 16 tokens on average). */
    STRING,
    /** Numbers: prices, counts, years, measurements. */
    NUMERIC,
    /** A small set of repeated values: state, brand, colour, category. */
    CATEGORICAL,
    /** Calendar dates in any common notation. */
    DATE,
    /** Codes compared symbol by symbol: model numbers, postcodes, phone numbers, emails, ISBNs. */
    IDENTIFIER,
    /** A reference to an image: local path, URL, or data URI. */
    IMAGE
}
