package dev.matcher.blocking;

import dev.matcher.text.Analyzers;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocking keys from model codes: the core of every code (letters and digits mixed, separators dropped), so that
 * one model's offers meet however the shops spell its suffixes. A code's core is the code without its trailing
 * letters (region, colour or packaging suffixes: {@code UE65NU7100K}, {@code UE65NU7100KXXU} -> {@code ue65nu7100});
 * its tail is the core's last letter run with the digits after it ({@code nu7100}), which a shop that drops the
 * size prefix still writes ({@code 65" NU7100}). Cores need 4 characters; tails a letter, 2 digits and 4 characters.
 *
 * <pre>{@code
 * Blockers.standard(KeyFunctions.modelCodes())   // "samsung ue65nu7100k" and "samsung 65 nu7100 tv" share "nu7100"
 * }</pre>
 */
final class ModelCodes {
    private static final String[] NONE = {};

    private ModelCodes() {
    }

    /**
     * Whether a column is one where model codes are written: not identifiers (compared whole by other keys), not
     * images, and not columns of names (people, streets, places), where a letter-digit mix such as {@code macdona1d}
     * is a typo, not a model.
     */
    static boolean readsCodes(AttributeKind kind, Column column) {
        return kind != AttributeKind.IMAGE && kind != AttributeKind.IDENTIFIER && !nameLike(column);
    }

    /**
     * Whether at least 80% of a column's present values (up to 2,000, evenly spread) are one or two words of letters
     * of at most 24 characters: names of people, streets or places rather than product titles.
     */
    static boolean nameLike(Column c) {
        int present = 0;
        int names = 0;
        for (int i = 0; i < c.size(); i += Math.max(1, c.size() / 2000)) {
            String s = Analyzers.KEYS.prepare(c.get(i));
            if (s == null || s.isBlank()) {
                continue;
            }
            present++;
            if (s.length() <= 24 && s.strip().split(" +").length <= 2
                    && s.chars().allMatch(ch -> ch == ' ' || Character.isLetter(ch))) {
                names++;
            }
        }
        return present > 0 && names >= 0.8 * present;
    }

    /** The cores and tails of the codes in a value (folded first). */
    static String[] keys(String value) {
        String folded = Analyzers.KEYS.prepare(value);
        if (folded == null) {
            return NONE;
        }
        List<String> out = new ArrayList<>();
        for (String code : Analyzers.KEY_CODES.tokens(folded)) {
            cores(code, out);
        }
        return out.isEmpty() ? NONE : Analyzers.distinct(out.toArray(NONE));
    }

    /** Adds the core and the tail of one code (letters and digits only). */
    static void cores(String code, List<String> out) {
        int end = code.length();
        while (end > 0 && Character.isLetter(code.charAt(end - 1))) {
            end--;
        }
        int digits = end;
        while (digits > 0 && Character.isDigit(code.charAt(digits - 1))) {
            digits--;
        }
        int letters = digits;
        while (letters > 0 && Character.isLetter(code.charAt(letters - 1))) {
            letters--;
        }
        if (end < 4 || !hasLetter(code, end)) {
            return;                                   // too short, or digits only
        }
        out.add(code.substring(0, end));
        boolean tail = letters < digits && end - digits >= 2 && end - letters >= 4 && letters > 0;
        if (tail) {
            out.add(code.substring(letters, end));
        }
    }

    private static boolean hasLetter(String s, int end) {
        for (int i = 0; i < end; i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
