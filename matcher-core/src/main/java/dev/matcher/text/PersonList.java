package dev.matcher.text;

import java.util.regex.Pattern;

/**
 * Lists of people's names ("viswanath poosala, yannis e. ioannidis", "i borg and jc lingoes"), recognised by shape,
 * for the list-size feature: two citations with two and five authors are rarely the same paper, whatever the
 * token overlap of the names says.
 *
 * <pre>{@code
 * PersonList.count("Viswanath Poosala , Yannis E. Ioannidis");   // 2
 * PersonList.count("i borg and jc lingoes & a smith");           // 3
 * PersonList.isPersonListColumn(values);                         // most values are lists of 2-4 word names
 * }</pre>
 */
public final class PersonList {
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:[,;&]|\\band\\b)\\s*");
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}.'\\- ]*");

    private PersonList() {
    }

    /** Number of names listed in {@code text} (non-empty items between separators); 0 for null or blank. */
    public static int count(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        int n = 0;
        for (String item : SEPARATOR.split(text.toLowerCase(java.util.Locale.ROOT).strip())) {
            if (!item.isBlank()) {
                n++;
            }
        }
        return n;
    }

    /**
     * True when at least 30% of the present values hold several items and at least 80% of all items are names of 2 to
     * 4 words (letters, dots, hyphens, apostrophes; at most 40 characters) — author lists, not genres or keywords.
     */
    public static boolean isPersonListColumn(String[] values) {
        long present = 0;
        long lists = 0;
        long items = 0;
        long names = 0;
        for (int i = 0; i < values.length; i += Math.max(1, values.length / 2000)) {
            String v = values[i];
            if (v == null || v.isBlank()) {
                continue;
            }
            present++;
            String[] parts = SEPARATOR.split(v.strip());
            if (parts.length > 1) {
                lists++;
            }
            for (String p : parts) {
                String s = p.strip();
                items++;
                int words = s.isEmpty() ? 0 : s.replace(".", ". ").strip().split("\\s+").length;
                if (words >= 2 && words <= 4 && s.length() <= 40 && NAME.matcher(s).matches()) {
                    names++;
                }
            }
        }
        return present > 0 && lists >= 0.3 * present && names >= 0.8 * items;
    }
}
