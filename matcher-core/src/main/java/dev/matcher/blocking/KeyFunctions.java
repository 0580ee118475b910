package dev.matcher.blocking;

import dev.matcher.text.Analyzer;
import dev.matcher.text.Analyzers;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Column;
import dev.matcher.data.Table;
import dev.matcher.data.Values;
import dev.matcher.text.Phonetics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Ready-made {@link KeyFunction}s. Values are folded first (lower case, no accents, letters and digits only), so
 * {@code "Müller-Lüdenscheidt"} and {@code "muller ludenscheidt"} give the same keys. An attribute missing from a
 * table gives no keys for that table.
 *
 * <pre>{@code
 * Blockers.standard(KeyFunctions.prefix("surname", 3));
 * Blockers.standard(KeyFunctions.and(KeyFunctions.phonetic("surname", Phonetic.SOUNDEX), KeyFunctions.year("dob")));
 * Blockers.standard(KeyFunctions.of("first letter", "name", v -> v.substring(0, 1)));
 * }</pre>
 */
public final class KeyFunctions {
    private static final String[] NONE = new String[0];
    /** Folded tokens without repeats: the keys of token blocking. */
    private static final Analyzer DISTINCT_KEYS = Analyzers.builder().fold().runs().distinct().build();
    private static final char JOIN = '\u001f';

    /** Phonetic codes (through {@link Phonetics}, the one wrapper of Commons Codec). */
    public enum Phonetic {
        SOUNDEX(Phonetics::soundex), DOUBLE_METAPHONE(Phonetics::doubleMetaphone), NYSIIS(Phonetics::nysiis),
        COLOGNE(Phonetics::cologne);

        private final UnaryOperator<String> code;

        Phonetic(UnaryOperator<String> code) {
            this.code = code;
        }

        /** The token's code, or null when it has none (no letters). */
        String encode(String token) {
            return code.apply(token);
        }
    }

    private KeyFunctions() {
    }

    /** The whole value, folded and with punctuation reduced to single spaces. */
    public static KeyFunction exact(String attribute) {
        return attribute("exact(" + attribute + ")", attribute, v -> one(Analyzers.KEYS.joined(v, " ")));
    }

    /** The first {@code length} letters and digits of the folded value (spaces and punctuation dropped). */
    public static KeyFunction prefix(String attribute, int length) {
        positive(length, "length");
        return attribute("prefix(" + attribute + ", " + length + ")", attribute, v -> {
            String c = Analyzers.KEYS.joined(v, "");
            return one(c.length() <= length ? c : c.substring(0, length));
        });
    }

    /** The last {@code length} letters and digits of the folded value. */
    public static KeyFunction suffix(String attribute, int length) {
        positive(length, "length");
        return attribute("suffix(" + attribute + ", " + length + ")", attribute, v -> {
            String c = Analyzers.KEYS.joined(v, "");
            return one(c.length() <= length ? c : c.substring(c.length() - length));
        });
    }

    /** The phonetic code of each token of the value. */
    public static KeyFunction phonetic(String attribute, Phonetic algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        return attribute(algorithm.name().toLowerCase() + "(" + attribute + ")", attribute, v -> {
            String[] tokens = Analyzers.KEYS.tokens(v);
            List<String> out = new ArrayList<>(tokens.length);
            for (String t : tokens) {
                String code = algorithm.encode(t);
                if (code != null) {
                    out.add(code);
                }
            }
            return Analyzers.distinct(out.toArray(NONE));
        });
    }

    /**
     * The year of a date value: {@code yyyymmdd}, else the first four-digit number between 1000 and 2999, else the
     * year of {@link Values#parseDate} (two-digit years).
     */
    public static KeyFunction year(String attribute) {
        return attribute("year(" + attribute + ")", attribute, KeyFunctions::yearOf);
    }

    /** Product/model codes found in the value (see {@link #tokens}); e.g. {@code "Sony KDL-40V4100"} -> {@code kdl40v4100}. */
    public static KeyFunction code(String attribute) {
        return attribute("code(" + attribute + ")", attribute, Analyzers.KEY_CODES::tokens);
    }

    /** Every folded token of the value. */
    public static KeyFunction tokens(String attribute) {
        return attribute("tokens(" + attribute + ")", attribute, DISTINCT_KEYS::tokens);
    }

    /** The first folded token of the value. */
    public static KeyFunction firstToken(String attribute) {
        return attribute("firstToken(" + attribute + ")", attribute, v -> {
            String[] t = Analyzers.KEYS.tokens(v);
            return t.length == 0 ? NONE : new String[] {t[0]};
        });
    }

    /** Every folded token of every attribute (images excepted): schema-agnostic token blocking. */
    public static KeyFunction allTokens() {
        return new AllAttributes("tokens(*)", DISTINCT_KEYS::tokens);
    }

    /**
     * Every folded token of every attribute, as {@link #allTokens}, and every two tokens that follow each other in the
     * record, its attributes read in schema order (images excepted, empty values skipped). Two common words rarely
     * follow each other by chance, so the pairs' blocks stay small where single tokens are shared by thousands of
     * records, and a typo breaks only the two pairs around it. One pass over the record gives both.
     *
     * <pre>{@code
     * // given "william", surname "taylor", street "188 king crescent": the five tokens and
     * // william+taylor, taylor+188, 188+king, king+crescent
     * Blocker b = Blockers.standard(KeyFunctions.allTokensAndPairs()).filter(0.8);
     * }</pre>
     */
    public static KeyFunction allTokensAndPairs() {
        return new TokensAndPairs();
    }

    /** Every q-gram of the value's letters and digits. */
    public static KeyFunction qgrams(String attribute, int q) {
        positive(q, "q");
        return attribute("qgrams(" + attribute + ", " + q + ")", attribute, Analyzers.keyGrams(q)::tokens);
    }

    /**
     * Extended q-grams (Christen): the value's q-grams in order, and every sub-list that keeps at least
     * {@code max(1, floor(count * threshold))} of them, concatenated. Tolerates a few changed characters while being
     * far more selective than single q-grams. Meant for short values: the number of grams dropped stops growing
     * before one more would add over 200 keys.
     */
    public static KeyFunction extendedQgrams(String attribute, int q, double threshold) {
        positive(q, "q");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        Analyzer grams = Analyzers.keyGrams(q);
        return attribute("extendedQgrams(" + attribute + ", " + q + ", " + threshold + ")", attribute,
                v -> extendedGrams(grams.tokens(v), threshold));
    }

    /** Every suffix of the value's letters and digits that has at least {@code minLength} characters (suffix arrays). */
    public static KeyFunction suffixes(String attribute, int minLength) {
        positive(minLength, "minLength");
        return attribute("suffixes(" + attribute + ", " + minLength + ")", attribute, v -> {
            String c = Analyzers.KEYS.joined(v, "");
            if (c.isEmpty()) {
                return NONE;
            }
            if (c.length() <= minLength) {
                return new String[] {c};
            }
            String[] out = new String[c.length() - minLength + 1];
            for (int i = 0; i < out.length; i++) {
                out[i] = c.substring(i);
            }
            return out;
        });
    }

    /** A user function of one attribute's raw value (null values are skipped; a null or empty result is no key). */
    public static KeyFunction of(String description, String attribute, Function<String, String> function) {
        Objects.requireNonNull(function, "function");
        return attribute(description, attribute, v -> one(function.apply(v)));
    }

    /** A user function of a whole record: {@code (table, row) -> keys} (null or empty for none). */
    public static KeyFunction ofRecord(String description, BiFunction<Table, Integer, String[]> function) {
        Objects.requireNonNull(function, "function");
        return new Named(description, table -> row -> {
            String[] keys = function.apply(table, row);
            return keys == null ? NONE : Analyzers.distinct(keys);
        });
    }

    /** A compound key: every combination of one key of each function (a conjunction of the rules). */
    public static KeyFunction and(KeyFunction first, KeyFunction... more) {
        List<KeyFunction> all = new ArrayList<>();
        all.add(first);
        all.addAll(Arrays.asList(more));
        StringBuilder name = new StringBuilder();
        for (KeyFunction f : all) {
            name.append(name.length() == 0 ? "" : " AND ").append(f);
        }
        return new Named(name.toString(), table -> {
            KeyFunction.RowKeys[] bound = all.stream().map(f -> f.bind(table)).toArray(KeyFunction.RowKeys[]::new);
            return row -> {
                String[] keys = bound[0].keys(row);
                for (int i = 1; i < bound.length && keys.length > 0; i++) {
                    String[] next = bound[i].keys(row);
                    String[] combined = new String[keys.length * next.length];
                    int n = 0;
                    for (String a : keys) {
                        for (String b : next) {
                            combined[n++] = a + JOIN + b;
                        }
                    }
                    keys = combined;
                }
                return keys;
            };
        });
    }

    /**
     * Model-code cores of every attribute except images: each code without its trailing letters, and the core's last
     * letters-and-digits run ({@code UE65NU7100KXXU -> ue65nu7100, nu7100}), so one model's offers share a key.
     *
     * <pre>{@code
     * Blocker b = Blockers.standard(KeyFunctions.modelCodes()).maxBlockSize(100);   // what Blockers.auto() adds
     * }</pre>
     */
    public static KeyFunction modelCodes() {
        return new AllAttributes("modelCodes(*)", ModelCodes::keys, ModelCodes::readsCodes);
    }

    /** Product/model codes (see {@link #code}) of every attribute except images, in one key space. */
    public static KeyFunction allCodes() {
        return new AllAttributes("code(*)", Analyzers.KEY_CODES::tokens);
    }

    /** The keys of several functions in one key space: the same key from two functions is one key. */
    public static KeyFunction union(KeyFunction first, KeyFunction... more) {
        List<KeyFunction> all = new ArrayList<>();
        all.add(first);
        all.addAll(Arrays.asList(more));
        return union(all.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(" + ")), all);
    }

    /** Keys of several functions in one key space (the same key from two functions is one key). */
    static KeyFunction union(String description, List<KeyFunction> functions) {
        if (functions.size() == 1) {
            return functions.get(0);
        }
        return new Named(description, table -> {
            KeyFunction.RowKeys[] bound = functions.stream().map(f -> f.bind(table)).toArray(KeyFunction.RowKeys[]::new);
            return row -> {
                List<String> keys = new ArrayList<>();
                for (KeyFunction.RowKeys b : bound) {
                    keys.addAll(Arrays.asList(b.keys(row)));
                }
                return Analyzers.distinct(keys.toArray(NONE));
            };
        });
    }

    /** One value function over every non-image attribute, in one key space. */
    static KeyFunction allAttributes(String description, Function<String, String[]> valueKeys) {
        return new AllAttributes(description, valueKeys);
    }

    static String[] yearOf(String v) {
        // fast path for the common layouts: yyyymmdd, or a four-digit year token (yyyy-mm-dd, dd/mm/yyyy, "4 Mar 2001")
        String s = v.strip();
        if (s.length() == 8 && Values.isDigits(s) && isYear(s.substring(0, 4))) {
            int month = Integer.parseInt(s.substring(4, 6));
            int day = Integer.parseInt(s.substring(6, 8));
            if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                return new String[] {s.substring(0, 4)};
            }
        }
        for (String t : Analyzers.KEYS.tokens(s)) {
            if (isYear(t)) {
                return new String[] {t};
            }
        }
        int day = Values.parseDate(s);   // two-digit years ("31-Mar-15")
        return day == Values.NO_DATE ? NONE : new String[] {Integer.toString(LocalDate.ofEpochDay(day).getYear())};
    }

    private static boolean isYear(String t) {
        return t.length() == 4 && (t.charAt(0) == '1' || t.charAt(0) == '2') && Values.isDigits(t);
    }

    static String[] extendedGrams(String v, int q, double threshold) {
        return extendedGrams(Analyzers.keyGrams(q).tokens(v), threshold);
    }

    private static String[] extendedGrams(String[] grams, double threshold) {
        int n = grams.length;
        if (n == 0) {
            return NONE;
        }
        int keep = Math.max(1, (int) Math.floor(n * threshold));
        // deeper drops multiply the keys: stop before one level would add more than 200
        int maxDrop = 0;
        for (long combinations = 1; maxDrop < n - keep; ) {
            combinations = combinations * (n - maxDrop) / (maxDrop + 1);
            if (combinations > 200) {
                break;
            }
            maxDrop++;
        }
        List<String> out = new ArrayList<>();
        // every subset of positions of size n - drop, drop = 0..maxDrop, concatenated in order
        for (int drop = 0; drop <= maxDrop; drop++) {
            dropCombinations(grams, 0, drop, new boolean[n], out);
        }
        return Analyzers.distinct(out.toArray(NONE));
    }

    private static void dropCombinations(String[] grams, int from, int drop, boolean[] dropped, List<String> out) {
        if (drop == 0) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < grams.length; i++) {
                if (!dropped[i]) {
                    sb.append(grams[i]);
                }
            }
            out.add(sb.toString());
            return;
        }
        for (int i = from; i <= grams.length - drop; i++) {
            dropped[i] = true;
            dropCombinations(grams, i + 1, drop - 1, dropped, out);
            dropped[i] = false;
        }
    }

    private static String[] one(String key) {
        return key == null || key.isEmpty() ? NONE : new String[] {key};
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }

    /** Keys from one attribute's raw value; no keys when the table lacks the attribute or the value is null. */
    static KeyFunction attribute(String description, String attribute, Function<String, String[]> valueKeys) {
        Objects.requireNonNull(attribute, "attribute");
        return new Named(description, table -> {
            int a = table.schema().indexOf(attribute);
            if (a < 0) {
                return row -> NONE;
            }
            Column column = table.column(a);
            return row -> {
                String v = column.get(row);
                return v == null ? NONE : valueKeys.apply(v);
            };
        });
    }

    /** A key function with a readable name. */
    record Named(String description, Function<Table, KeyFunction.RowKeys> binder) implements KeyFunction {
        @Override
        public RowKeys bind(Table table) {
            return binder.apply(table);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * The same value function over every attribute that {@code reads} accepts (by default every non-image one); keys
     * of all attributes share one key space.
     */
    record AllAttributes(String description, Function<String, String[]> valueKeys,
                         BiPredicate<AttributeKind, Column> reads) implements KeyFunction {
        AllAttributes(String description, Function<String, String[]> valueKeys) {
            this(description, valueKeys, (kind, column) -> kind != AttributeKind.IMAGE);
        }

        @Override
        public RowKeys bind(Table table) {
            List<Column> columns = columns(table, reads);
            return row -> {
                List<String> keys = new ArrayList<>();
                for (Column c : columns) {
                    String v = c.get(row);
                    if (v != null) {
                        keys.addAll(Arrays.asList(valueKeys.apply(v)));
                    }
                }
                return Analyzers.distinct(keys.toArray(NONE));
            };
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private static List<Column> columns(Table table, BiPredicate<AttributeKind, Column> reads) {
        List<Column> columns = new ArrayList<>();
        for (int a = 0; a < table.schema().size(); a++) {
            if (reads.test(table.schema().get(a).kind(), table.column(a))) {
                columns.add(table.column(a));
            }
        }
        return columns;
    }

    /**
     * Row keys that hash themselves without building key strings: the hashes equal {@link KeyHash#of} of the keys
     * that {@link #keys} returns, so reports still name a block by its key.
     */
    interface HashedRowKeys extends KeyFunction.RowKeys {
        void hashes(int row, int seed, LongBuffer out);
    }

    /** Tokens and adjacent token pairs over the whole record: see {@link #allTokensAndPairs}. */
    record TokensAndPairs() implements KeyFunction {
        @Override
        public RowKeys bind(Table table) {
            List<Column> columns = columns(table, (kind, column) -> kind != AttributeKind.IMAGE);
            return new HashedRowKeys() {
                @Override
                public String[] keys(int row) {
                    List<String> keys = new ArrayList<>();
                    String previous = null;
                    for (Column c : columns) {
                        String v = c.get(row);
                        if (v != null) {
                            for (String token : Analyzers.KEYS.tokens(v)) {
                                keys.add(token);
                                if (previous != null) {
                                    keys.add(previous + JOIN + token);
                                }
                                previous = token;
                            }
                        }
                    }
                    return Analyzers.distinct(keys.toArray(NONE));
                }

                @Override
                public void hashes(int row, int seed, LongBuffer out) {
                    long start = KeyHash.start(seed);
                    long pairStart = 0;
                    boolean first = true;
                    for (Column c : columns) {
                        String v = c.get(row);
                        if (v != null) {
                            for (String token : Analyzers.KEYS.tokens(v)) {
                                long alone = KeyHash.add(start, token);
                                out.add(KeyHash.finish(alone));
                                if (!first) {
                                    out.add(KeyHash.finish(KeyHash.add(pairStart, token)));
                                }
                                pairStart = KeyHash.add(alone, JOIN);
                                first = false;
                            }
                        }
                    }
                }
            };
        }

        @Override
        public String toString() {
            return "tokensAndPairs(*)";
        }
    }
}
