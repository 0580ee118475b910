package dev.matcher.compare;

import dev.matcher.util.Parallel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Values that moved out of their column into another one, put back: dirty sources write a song's duration, price and
 * release date into its title and leave those columns empty, so the features of the columns see nothing where the
 * clean source has the value. Fitted per field and side: the <em>shapes</em> most of the field's values have (digits
 * as {@code 9}, a run of letters as {@code a}, other characters as they are: {@code 3:01} is {@code 9:99},
 * {@code $ 1.29} is {@code $ 9.99}, {@code 31-Mar-15} is {@code 99-a-99}), keeping those that hold a digit, that
 * the records with an empty field often show in their other fields and that the records with a value of their own
 * seldom show there (a shape that turns up anyway, such as a bare number, would put back noise; a value merely missing
 * leaves no trace). A record whose field is empty then takes the one word sequence of its other fields with such a
 * shape; none or several different ones: it stays empty.
 *
 * <pre>{@code
 * MisplacedValues m = MisplacedValues.fit(time, new String[][] {title, artist});
 * m.recover(time, new String[][] {title, artist});   // an empty time, title "Runaway Train $ 0.99 3:01": "3:01"
 * }</pre>
 */
final class MisplacedValues implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Longest value (in words) that has a shape: longer ones are free text. */
    static final int MAX_WORDS = 5;
    /** Shapes taken, most frequent first, until they cover this share of the values. */
    private static final double COVERAGE = 0.9;
    /** The shapes taken must cover at least this share: else the field has no typical shape. */
    private static final double MIN_COVERAGE = 0.6;
    /** A shape seen in other fields of more than this share of the records that have their own value is noise. */
    private static final double MAX_FALSE_HITS = 0.03;
    /**
     * Empty records must show the shape in other fields this often, and 5 times as often as the others: values that
     * moved leave this trace; values merely missing do not.
     */
    private static final double MIN_MOVED = 0.2;
    /** Values needed to fit; records read to measure false hits. */
    private static final int MIN_VALUES = 20;
    private static final int MAX_CHECKED = 5_000;
    /** Records whose values are shaped (evenly spread): enough for the frequent shapes. */
    private static final int MAX_SHAPED = 20_000;
    /** Nothing to put back. */
    static final MisplacedValues NONE = new MisplacedValues(new String[0]);

    /** The accepted shapes, each a sequence of word shapes. */
    private final String[][] shapeWords;
    /** Their lengths in words, distinct, longest first. */
    private final int[] lengths;

    private MisplacedValues(String[] shapes) {
        this.shapeWords = Arrays.stream(shapes).map(s -> s.split(" ", -1)).toArray(String[][]::new);
        this.lengths = Arrays.stream(shapeWords).mapToInt(w -> w.length).distinct()
                .boxed().sorted((x, y) -> y - x).mapToInt(Integer::intValue).toArray();
    }

    /** Whether nothing will be put back. */
    boolean isEmpty() {
        return shapeWords.length == 0;
    }

    /** The accepted shapes (for tests and explanations). */
    List<String> shapes() {
        return Arrays.stream(shapeWords).map(w -> String.join(" ", w)).toList();
    }

    /**
     * The shapes of {@code own} (a field's value per record) worth looking for in {@code others} (the record's other
     * fields, each a value per record), or {@link #NONE}.
     */
    static MisplacedValues fit(String[] own, String[][] others) {
        if (Arrays.stream(own).noneMatch(v -> v == null || v.isBlank())) {
            return NONE;
        }
        Map<String, Integer> counts = new HashMap<>();
        int values = 0;
        for (int i = 0, step = Math.max(1, own.length / MAX_SHAPED); i < own.length; i += step) {
            String v = own[i];
            if (v != null && !v.isBlank()) {
                values++;
                String[] words = words(v);
                if (words.length <= MAX_WORDS) {
                    counts.merge(shape(words, 0, words.length), 1, Integer::sum);
                }
            }
        }
        if (values < MIN_VALUES) {
            return NONE;
        }
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> taken = new ArrayList<>();
        int covered = 0;
        for (Map.Entry<String, Integer> e : byCount) {
            if (covered >= COVERAGE * values || e.getValue() < Math.max(2, 0.02 * values)) {
                break;
            }
            taken.add(e.getKey());
            covered += e.getValue();
        }
        if (covered < MIN_COVERAGE * values) {
            return NONE;
        }
        List<String> kept = new ArrayList<>();
        for (String s : taken) {
            if (s.chars().anyMatch(c -> c == '9')) {
                double noise = hits(s, own, others, false);
                double moved = hits(s, own, others, true);
                if (noise <= MAX_FALSE_HITS && moved >= Math.max(MIN_MOVED, 5 * noise)) {
                    kept.add(s);
                }
            }
        }
        return kept.isEmpty() ? NONE : new MisplacedValues(kept.toArray(new String[0]));
    }

    /**
     * The share of records whose other fields show a value of shape {@code s}: of the empty ones ({@code empty}),
     * else of those with their own value, counting only other values than their own.
     */
    private static double hits(String s, String[] own, String[][] others, boolean empty) {
        MisplacedValues one = new MisplacedValues(new String[] {s});
        int checked = 0;
        int hits = 0;
        int step = Math.max(1, own.length / MAX_CHECKED);
        for (int i = 0; i < own.length; i += step) {
            if ((own[i] == null || own[i].isBlank()) != empty) {
                continue;
            }
            checked++;
            hits += one.find(others, i, empty ? null : normalise(own[i])) != null ? 1 : 0;
        }
        return checked == 0 ? 0 : (double) hits / checked;
    }

    /** {@code own} with its empty values put back from {@code others} where found; {@code own} itself if none. */
    String[] recover(String[] own, String[][] others) {
        if (isEmpty()) {
            return own;
        }
        String[] out = own.clone();
        Parallel.forEach(own.length, i -> {
            if (own[i] == null || own[i].isBlank()) {
                out[i] = find(others, i, null);
            }
        });
        return out;
    }

    /**
     * The one value of an accepted shape in record {@code i}'s other fields, ignoring {@code except} (normalised), or
     * null when there is none or more than one.
     */
    private String find(String[][] others, int i, String except) {
        String found = null;
        for (String[] field : others) {
            String text = field[i];
            if (text == null || text.chars().noneMatch(Character::isDigit)) {
                continue;                               // every accepted shape holds a digit
            }
            String[] words = words(text);
            String[] wordShapes = new String[words.length];
            for (int w = 0; w < words.length; w++) {
                wordShapes[w] = shape(words, w, w + 1);
            }
            for (int n : lengths) {
                for (int start = 0; start + n <= words.length; start++) {
                    if (!accepted(wordShapes, start, n)) {
                        continue;
                    }
                    String value = String.join(" ", Arrays.copyOfRange(words, start, start + n));
                    String key = normalise(value);
                    if (key.equals(except)) {
                        continue;
                    }
                    if (found != null && !normalise(found).equals(key)) {
                        return null;                    // two different candidates: the record does not say which
                    }
                    found = value;
                }
            }
        }
        return found;
    }

    /** Whether words {@code [start, start + n)} have an accepted shape (compared word by word, nothing joined). */
    private boolean accepted(String[] wordShapes, int start, int n) {
        for (String[] a : shapeWords) {
            if (a.length == n && Arrays.equals(a, 0, n, wordShapes, start, start + n)) {
                return true;
            }
        }
        return false;
    }

    static String[] words(String value) {
        String v = value.strip();
        return v.isEmpty() ? new String[0] : v.split("\\s+");
    }

    /** The shape of words {@code [from, to)}: digits as 9, a run of letters as a, other characters kept. */
    static String shape(String[] words, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int w = from; w < to; w++) {
            if (w > from) {
                sb.append(' ');
            }
            String word = words[w];
            for (int k = 0; k < word.length(); k++) {
                char c = word.charAt(k);
                if (Character.isDigit(c)) {
                    sb.append('9');
                } else if (Character.isLetter(c)) {
                    if (sb.length() == 0 || sb.charAt(sb.length() - 1) != 'a') {
                        sb.append('a');
                    }
                } else {
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private static String normalise(String value) {
        return String.join(" ", words(value)).toLowerCase(Locale.ROOT);
    }
}
