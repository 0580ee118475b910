package dev.matcher.eval.report;

/** Escaping for text placed in HTML/SVG (also valid XML). */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);   // other control characters are not allowed in XML 1.0
                    }
                }
            }
        }
        return b.toString();
    }

    /** A string usable as an element id: letters, digits, '-' and '_' only. */
    static String id(String s) {
        return "d-" + s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
