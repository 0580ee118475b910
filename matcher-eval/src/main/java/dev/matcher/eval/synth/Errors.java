package dev.matcher.eval.synth;

import java.util.SplittableRandom;

/**
 * The kinds of damage real records suffer, in the spirit of Febrl's generator: keyboard typos, OCR confusions,
 * phonetic misspellings, digit slips. Each takes the random source and returns a changed copy (or the value itself
 * when nothing applies).
 */
final class Errors {
    private static final String[] KEYBOARD_ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final String[][] OCR = {
            {"0", "o"}, {"1", "l"}, {"1", "i"}, {"5", "s"}, {"8", "b"}, {"2", "z"}, {"6", "g"}, {"m", "rn"},
            {"d", "cl"}, {"w", "vv"}, {"h", "b"}, {"e", "c"}, {"u", "v"}, {"n", "ri"}};
    private static final String[][] PHONETIC = {
            {"ph", "f"}, {"ck", "k"}, {"c", "k"}, {"ee", "ea"}, {"ie", "y"}, {"ou", "ow"}, {"s", "z"}, {"th", "t"},
            {"gh", "g"}, {"mc", "mac"}, {"son", "sen"}, {"ll", "l"}, {"tt", "t"}, {"ey", "y"}, {"i", "y"},
            {"ae", "e"}, {"sch", "sh"}, {"ow", "au"}, {"er", "a"}, {"ine", "yne"}};

    private Errors() {
    }

    /** Inserts, deletes, substitutes (with a keyboard neighbour) or transposes one character. */
    static String typo(SplittableRandom r, String s) {
        if (s.isEmpty()) {
            return s;
        }
        int i = r.nextInt(s.length());
        StringBuilder b = new StringBuilder(s);
        switch (r.nextInt(4)) {
            case 0 -> b.insert(i, neighbour(r, s.charAt(i)));
            case 1 -> {
                if (s.length() > 1) {
                    b.deleteCharAt(i);
                }
            }
            case 2 -> b.setCharAt(i, neighbour(r, s.charAt(i)));
            default -> {
                if (i + 1 < s.length()) {
                    b.setCharAt(i, s.charAt(i + 1));
                    b.setCharAt(i + 1, s.charAt(i));
                } else if (i > 0) {
                    b.setCharAt(i, s.charAt(i - 1));
                    b.setCharAt(i - 1, s.charAt(i));
                }
            }
        }
        return b.toString();
    }

    /** A key next to {@code c} on a QWERTY keyboard (same row), keeping case; {@code c} itself when none. */
    static char neighbour(SplittableRandom r, char c) {
        char lower = Character.toLowerCase(c);
        for (String row : KEYBOARD_ROWS) {
            int p = row.indexOf(lower);
            if (p >= 0) {
                int q = p == 0 ? 1 : p == row.length() - 1 ? p - 1 : p + (r.nextBoolean() ? 1 : -1);
                char n = row.charAt(q);
                return Character.isUpperCase(c) ? Character.toUpperCase(n) : n;
            }
        }
        return c;
    }

    /** One OCR confusion (0/o, 1/l, m/rn, ...), in either direction, at a random place where it fits. */
    static String ocr(SplittableRandom r, String s) {
        return replaceOne(r, s, OCR);
    }

    /** One phonetic misspelling (ph/f, c/k, ee/ea, ...), in either direction. */
    static String phonetic(SplittableRandom r, String s) {
        return replaceOne(r, s, PHONETIC);
    }

    private static String replaceOne(SplittableRandom r, String s, String[][] rules) {
        int start = r.nextInt(rules.length);
        boolean forward = r.nextBoolean();
        for (int k = 0; k < rules.length * 2; k++) {
            String[] rule = rules[(start + k / 2) % rules.length];
            boolean fwd = forward ^ (k % 2 == 1);
            String from = fwd ? rule[0] : rule[1];
            String to = fwd ? rule[1] : rule[0];
            int at = s.indexOf(from);
            if (at >= 0) {
                return s.substring(0, at) + to + s.substring(at + from.length());
            }
        }
        return s;
    }

    /** Changes one digit of a number-like value (a slip or a neighbouring key). */
    static String digit(SplittableRandom r, String s) {
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                digits++;
            }
        }
        if (digits == 0) {
            return typo(r, s);
        }
        int target = r.nextInt(digits);
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i)) && target-- == 0) {
                char c = s.charAt(i);
                char n = r.nextBoolean() ? neighbour(r, c) : (char) ('0' + r.nextInt(10));
                b.setCharAt(i, n == c ? (char) ('0' + (c - '0' + 1) % 10) : n);
            }
        }
        return b.toString();
    }

    /** Removes the space between two words, or splits a word in two. */
    static String spacing(SplittableRandom r, String s) {
        int space = s.indexOf(' ', r.nextInt(Math.max(1, s.length())));
        if (space < 0) {
            space = s.indexOf(' ');
        }
        if (space >= 0) {
            return s.substring(0, space) + s.substring(space + 1);
        }
        if (s.length() < 4) {
            return s;
        }
        int at = 1 + r.nextInt(s.length() - 2);
        return s.substring(0, at) + ' ' + s.substring(at);
    }
}
