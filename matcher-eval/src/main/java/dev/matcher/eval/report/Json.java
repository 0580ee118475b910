package dev.matcher.eval.report;

import java.util.Locale;

/**
 * A minimal streaming JSON writer (the report needs no JSON library): objects and arrays nest, commas are placed
 * automatically, non-finite numbers become {@code null}.
 */
final class Json {
    private final StringBuilder out = new StringBuilder();
    private final boolean[] needsComma = new boolean[64];
    private int depth;
    private boolean afterName;

    Json beginObject() {
        value();
        out.append('{');
        needsComma[++depth] = false;
        return this;
    }

    Json endObject() {
        depth--;
        out.append('}');
        return this;
    }

    Json beginArray() {
        value();
        out.append('[');
        needsComma[++depth] = false;
        return this;
    }

    Json endArray() {
        depth--;
        out.append(']');
        return this;
    }

    Json name(String name) {
        value();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    Json value(String s) {
        value();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    Json value(double d) {
        value();
        out.append(number(d));
        return this;
    }

    Json value(long n) {
        value();
        out.append(n);
        return this;
    }

    Json value(boolean b) {
        value();
        out.append(b);
        return this;
    }

    Json field(String name, String s) {
        return name(name).value(s);
    }

    Json field(String name, double d) {
        return name(name).value(d);
    }

    Json field(String name, long n) {
        return name(name).value(n);
    }

    Json array(String name, double[] values) {
        name(name).beginArray();
        for (double v : values) {
            value(v);
        }
        return endArray();
    }

    /** Before any value: a comma unless it is the first in its container or follows a name. */
    private void value() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (needsComma[depth]) {
            out.append(',');
        }
        needsComma[depth] = true;
    }

    static String number(double d) {
        if (!Double.isFinite(d)) {
            return "null";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = String.format(Locale.ROOT, "%.6g", d);
        if (s.contains("e")) {
            return s;
        }
        // trim trailing zeros of the fixed notation
        s = s.contains(".") ? s.replaceAll("0+$", "") : s;
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
