package dev.matcher.spark;

import dev.matcher.blocking.KeyFunction;
import dev.matcher.blocking.KeyFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Blocking key functions written as text, for command lines and {@code spark-submit}: functions separated by
 * {@code ;}, each written as its {@code toString()} prints it. Known: {@code exact(a)}, {@code prefix(a, n)},
 * {@code suffix(a, n)}, {@code tokens(a)}, {@code firstToken(a)}, {@code qgrams(a, q)}, {@code code(a)},
 * {@code year(a)}, {@code soundex(a)}, {@code double_metaphone(a)}, {@code nysiis(a)}, {@code cologne(a)},
 * {@code tokens(*)}, {@code tokensAndPairs(*)}.
 *
 * <pre>{@code
 * SparkResolver.Keys keys = KeySpec.keys("prefix(surname, 3); exact(postcode)");
 * }</pre>
 */
public final class KeySpec {
    private KeySpec() {
    }

    /** Serializable keys that parse {@code spec} where they are used (checked here first). */
    public static SparkResolver.Keys keys(String spec) {
        parse(spec);
        return () -> parse(spec);
    }

    /**
     * The key functions of a spec.
     *
     * @throws IllegalArgumentException naming the position and the function that cannot be read
     */
    public static List<KeyFunction> parse(String spec) {
        List<KeyFunction> out = new ArrayList<>();
        int at = 0;
        for (String part : spec.split(";", -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("key spec at " + (at + 1) + ": empty key function in '" + spec + "'");
            }
            out.add(one(p, spec, at));
            at += part.length() + 1;
        }
        return out;
    }

    private static KeyFunction one(String f, String spec, int at) {
        int open = f.indexOf('(');
        if (open <= 0 || !f.endsWith(")")) {
            throw error(spec, at, f, "write name(attribute[, n])");
        }
        String name = f.substring(0, open).strip().toLowerCase(Locale.ROOT);
        String[] args = f.substring(open + 1, f.length() - 1).split(",", -1);
        String a = args[0].strip();
        if (a.isEmpty()) {
            throw error(spec, at, f, "no attribute");
        }
        int expected = switch (name) {
            case "prefix", "suffix", "qgrams" -> 2;
            default -> 1;
        };
        if (args.length != expected) {
            throw error(spec, at, f, name + " takes " + expected + " argument" + (expected == 1 ? "" : "s"));
        }
        int n = expected == 2 ? number(args[1].strip(), spec, at, f) : 0;
        if (a.equals("*")) {
            return switch (name) {
                case "tokens" -> KeyFunctions.allTokens();
                case "tokensandpairs" -> KeyFunctions.allTokensAndPairs();
                default -> throw error(spec, at, f, "only tokens(*) and tokensAndPairs(*) span every attribute");
            };
        }
        return switch (name) {
            case "exact" -> KeyFunctions.exact(a);
            case "prefix" -> KeyFunctions.prefix(a, n);
            case "suffix" -> KeyFunctions.suffix(a, n);
            case "tokens" -> KeyFunctions.tokens(a);
            case "firsttoken" -> KeyFunctions.firstToken(a);
            case "qgrams" -> KeyFunctions.qgrams(a, n);
            case "code" -> KeyFunctions.code(a);
            case "year" -> KeyFunctions.year(a);
            case "soundex", "double_metaphone", "nysiis", "cologne" ->
                    KeyFunctions.phonetic(a, KeyFunctions.Phonetic.valueOf(name.toUpperCase(Locale.ROOT)));
            default -> throw error(spec, at, f, "unknown key function '" + name + "'");
        };
    }

    private static int number(String s, String spec, int at, String f) {
        try {
            int n = Integer.parseInt(s);
            if (n < 1) {
                throw error(spec, at, f, "the length must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(spec, at, f, "'" + s + "' is not a number");
        }
    }

    private static IllegalArgumentException error(String spec, int at, String f, String problem) {
        return new IllegalArgumentException("key spec at " + (at + 1) + ": " + problem + " in '" + f + "' (spec '"
                + spec + "')");
    }
}
